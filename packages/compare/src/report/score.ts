import { type Severity, severities } from './divergence-report.js';

/** How much one difference of a severity contributes to its category's score. */
export const severityRisk: Readonly<Record<Severity, number>> = Object.freeze({ none: 0, low: 0.05, medium: 0.3, high: 0.6, critical: 1 });

/**
 * Combines independent contributions in 0..1 as `1 - Π(1 - xᵢ)` (a noisy-or): stays in 0..1,
 * is 0 only when every part is 0, and one full contribution saturates it.
 */
export function combineScores(parts: readonly number[]): number {
  let keep = 1;
  for (const p of parts) {
    const x = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
    keep *= 1 - x;
  }
  return 1 - keep;
}

/** The highest severity of a list (`none` when empty). */
export function worstSeverity(list: readonly Severity[]): Severity {
  let worst = 0;
  for (const s of list) worst = Math.max(worst, severities.indexOf(s));
  return severities[worst] ?? 'none';
}
