import { factSheet } from '../src/facts/clauses/fact-sheet.js';
import { diffFacts } from '../src/facts/fact-diff.js';
import type { Difference } from '../src/report/divergence-report.js';

/** The regressions `diffFacts` finds from answer `a` to answer `b`: high severity, not explained by the baselines' noise. */
export const regressions = (a: string, b: string, baselines: readonly string[] = []): Difference[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).filter((d) => d.severity === 'high' && d.explainedByNoise !== true);

/** The same regressions as `kind: message` lines (the rule tests' probe). */
export const judged = (a: string, b: string, baselines: readonly string[] = []): string[] =>
  regressions(a, b, baselines).map((d) => `${d.kind}: ${d.message}`);

/** The same regressions' kinds only. */
export const regressionKinds = (a: string, b: string, baselines: readonly string[] = []): string[] =>
  regressions(a, b, baselines).map((d) => d.kind);
