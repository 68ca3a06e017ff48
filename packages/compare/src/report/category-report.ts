import type { CategoryName, CategoryReport, Difference } from './divergence-report.js';
import { combineScores, severityRisk, worstSeverity } from './score.js';

/** Weights of each category in a pair's score; latency and cost are reported, never scored. */
export const categoryWeights: Readonly<Record<CategoryName, number>> = Object.freeze({
  status: 1,
  error: 1,
  tool_call: 0.9,
  side_effect: 0.9,
  schema: 0.7,
  text: 0.5,
  fact: 0.8,
  extension: 0.5,
  latency: 0,
  cost: 0,
});

/** A category's report: its score (from its differences unless given), weight and worst severity. */
export function category(name: CategoryName, differences: Difference[], omitted: number, score?: number): CategoryReport {
  const s = score ?? combineScores(differences.map((d) => severityRisk[d.severity]));
  return {
    name,
    score: s,
    weight: categoryWeights[name],
    severity: worstSeverity(differences.map((d) => d.severity)),
    differences,
    omitted,
  };
}
