import { canonicalize, compareWithBaselines, type DivergenceReport, type JudgeOptions } from '@understudy/compare';
import type { SavedResponse } from '../fixtures.js';
import { type Scores, score } from '../quality-eval.js';
import { type FactCase, factNoiseStyles, factRegressionKinds } from './generate.js';

const canon = (r: SavedResponse) => canonicalize({ status: r.status, headers: r.headers, body: r.body, path: r.path });

/** A detector: does it call this case a regression? */
export type Detector = (c: FactCase) => boolean;

/** The engine as `understudy diff ORIGINAL CANDIDATE [--baseline B]…` runs it, with the case's first `baselines` baselines. */
export function engineDetector(baselines: number | 'all', judge: Partial<JudgeOptions> = {}): Detector {
  return (c) => report(c, baselines, judge).verdict === 'regression';
}

export function report(c: FactCase, baselines: number | 'all', judge: Partial<JudgeOptions> = {}): DivergenceReport {
  const base = baselines === 'all' ? c.baselines : c.baselines.slice(0, baselines);
  return compareWithBaselines(canon(c.candidate), canon(c.original), base.map(canon), { endpoint: c.endpoint, judge }).report;
}

/** What a team without the engine does: any change of the extracted content (text, tool calls, JSON) or the status. */
export const exactDiff: Detector = (c) => {
  const a = canon(c.original);
  const b = canon(c.candidate);
  return a.status !== b.status || a.text !== b.text || JSON.stringify(a.toolCalls) !== JSON.stringify(b.toolCalls);
};

export type SetScore = Scores;

/** The set scored by a detector. */
export function scoreSet(cases: readonly FactCase[], detect: Detector): SetScore {
  return score(cases, detect);
}

const cell = (s: SetScore, kind: string): string => {
  const k = s.byKind[kind];
  return k === undefined ? '' : `${k.flagged}/${k.total} (${((100 * k.flagged) / Math.max(1, k.total)).toFixed(0)} %)`;
};

/** The per-kind table of docs/benchmarks.md: recall per regression kind, false alarms per noise style. */
export function perKindTable(columns: readonly [string, SetScore][]): string[] {
  const lines = [`| kind | ${columns.map(([n]) => n).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
  for (const kind of factRegressionKinds)
    lines.push(`| regression: ${kind} (caught) | ${columns.map(([, s]) => cell(s, kind)).join(' | ')} |`);
  for (const kind of factNoiseStyles)
    lines.push(`| noise: ${kind} (false alarms) | ${columns.map(([, s]) => cell(s, kind)).join(' | ')} |`);
  lines.push(`| **precision** | ${columns.map(([, s]) => s.precision.toFixed(3)).join(' | ')} |`);
  lines.push(`| **recall** | ${columns.map(([, s]) => s.recall.toFixed(3)).join(' | ')} |`);
  return lines;
}
