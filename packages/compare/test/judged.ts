import type { Difference } from '../src/divergence-report.js';
import { diffFacts } from '../src/fact-diff.js';
import { factSheet } from '../src/fact-sheet.js';

/** The regressions `diffFacts` finds from answer `a` to answer `b`: high severity, not explained by the baselines' noise. */
export const regressions = (a: string, b: string, baselines: readonly string[] = []): Difference[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).filter((d) => d.severity === 'high' && d.explainedByNoise !== true);

/** The same regressions as `kind: message` lines (the rule tests' probe). */
export const judged = (a: string, b: string, baselines: readonly string[] = []): string[] =>
  regressions(a, b, baselines).map((d) => `${d.kind}: ${d.message}`);

/** The same regressions' kinds only. */
export const regressionKinds = (a: string, b: string, baselines: readonly string[] = []): string[] =>
  regressions(a, b, baselines).map((d) => d.kind);
