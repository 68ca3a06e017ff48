import type { ReplaySummary } from './replay-summary.js';

/**
 * What a run's report says of the candidate: `pass` and `fail` against the thresholds it was
 * given, or `no_gate` when it was given none — nothing could fail it, and calling that a pass
 * over its regressions (`PASS` after 40 of 60 regressed) reads as a verdict no one asked for.
 */
export type RunVerdict = 'pass' | 'fail' | 'no_gate';

export function runVerdict(s: Pick<ReplaySummary, 'passed' | 'thresholds'>): RunVerdict {
  if (!s.passed) return 'fail';
  return s.thresholds.length === 0 ? 'no_gate' : 'pass';
}

/** The report's last line: `PASS`, `FAIL`, or `NO GATE: …` with how many judged items regressed and how to gate. */
export function runVerdictLine(s: Pick<ReplaySummary, 'passed' | 'thresholds' | 'verdicts'>): string {
  const verdict = runVerdict(s);
  if (verdict !== 'no_gate') return verdict === 'pass' ? 'PASS' : 'FAIL';
  const v = s.verdicts;
  const judged = v.match + v.noise + v.regression;
  return (
    `NO GATE: no threshold was set, so nothing could fail this run (${v.regression} of ${judged} judged items regressed); ` +
    'gate it with --max-regression-rate F and --min-judged N'
  );
}
