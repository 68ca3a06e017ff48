import type { DivergenceReport } from './divergence-report.js';

/**
 * One line saying why a stored report judged as it did: the judge's reasons for the categories
 * that made it a regression, else the highest-scoring category's first difference (at most 300
 * characters). Takes `unknown` because reports come back from the store as JSON.
 */
export function reasonOf(report: unknown): string {
  if (typeof report !== 'object' || report === null || !('categories' in report)) return '';
  const categories = (report as DivergenceReport).categories;
  const reasons = categories.filter((c) => c.regression === true && c.reason !== undefined).map((c) => `${c.name}: ${c.reason}`);
  if (reasons.length > 0) return reasons.join('; ').slice(0, 300);
  const top = [...categories].filter((c) => c.weight > 0).sort((a, b) => b.weight * b.score - a.weight * a.score)[0];
  const first = top?.differences[0];
  return top === undefined || first === undefined ? '' : `${top.name}: ${first.message}`.slice(0, 300);
}
