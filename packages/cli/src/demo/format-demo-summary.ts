import { formatJudgeStats } from '../format-judge-stats.js';
import type { DemoSummary } from './demo-scenario.js';

const count = (verdicts: Record<string, number>, name: string): number => verdicts[name] ?? 0;

/** What the demo did and why, for a person reading the terminal; with the LLM judge's figures when one is configured. */
export function formatDemoSummary(
  s: DemoSummary,
  seconds: number,
  judge?: { calls: number; cached: number; skipped: number; failed: number },
): string {
  const shadow = s.shadowed.verdicts;
  const line = (name: 'v2' | 'v3') => {
    const r = s.replays[name];
    return `  replay ${name}   ${r.tooFew ? 'NO VERDICT' : r.passed ? 'passed' : 'FAILED'}: ${r.verdicts.match} match, ${r.verdicts.noise} noise, ${r.verdicts.regression} regression, ${r.verdicts.error} error${r.why === null ? '' : ` (${r.why})`}`;
  };
  return [
    '',
    `Summary (${seconds.toFixed(0)} s)`,
    `  captured   ${s.captured} live exchanges from ${s.requests} requests (${Object.entries(s.outcomes)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; malformed and adversarial inputs included)`,
    `  shadowed   ${s.shadowed.total} live copies to v3 compared: ${count(shadow, 'regression')} regression, ${count(shadow, 'noise')} noise, ${count(shadow, 'match')} match`,
    line('v2'),
    line('v3'),
    `  canary v3  ${s.v3.state.replace('_', ' ')}${s.v3.reason === null ? '' : ` — ${s.v3.reason}`}`,
    `  canary v2  ${s.v2.state.replace('_', ' ')}${s.v2.reason === null ? '' : ` — ${s.v2.reason}`}`,
    ...(judge === undefined ? [] : [`  judge      ${formatJudgeStats(judge)}`]),
    s.ok
      ? '\nOK: the regressed prompt (v3) was rolled back by its gates and the good rewrite (v2) was promoted.'
      : '\nNOT OK: expected the replay gate to fail v3 and pass v2, v3 rolled back and v2 promoted.',
    '',
    '',
  ].join('\n');
}
