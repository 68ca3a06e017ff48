import {
  canonicalize,
  compareResponses,
  type DivergenceReport,
  type JudgeOptions,
  type NoiseLookup,
  NoiseModel,
} from '@understudy/compare';
import type { SavedResponse } from './fixtures.js';
import type { BaselinePair, QualityCase } from './quality-set.js';

export function canon(r: SavedResponse) {
  return canonicalize({ status: r.status, headers: r.headers, body: r.body, path: r.path });
}

/** Builds the noise model from the baseline pairs. */
export function buildNoise(baselines: readonly BaselinePair[]): NoiseModel {
  const noise = new NoiseModel();
  for (const b of baselines) noise.addBaseline(canon(b.a), canon(b.b), b.endpoint);
  return noise;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  byKind: Record<string, { flagged: number; total: number }>;
}

/** Precision, recall and flags per kind of any labelled cases (the seed-42 set, the facts set). */
export function score<C extends { readonly label: 'noise' | 'regression'; readonly kind: string }>(
  cases: readonly C[],
  isRegression: (c: C) => boolean,
): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const byKind: Record<string, { flagged: number; total: number }> = {};
  for (const c of cases) {
    const flagged = isRegression(c);
    const k = byKind[c.kind] ?? { flagged: 0, total: 0 };
    byKind[c.kind] = k;
    k.total++;
    if (flagged) k.flagged++;
    if (c.label === 'regression') flagged ? tp++ : fn++;
    else flagged ? fp++ : tn++;
  }
  return { tp, fp, fn, tn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), byKind };
}

/**
 * The engine on one case. `baselinesFor` gives other production answers to the case's input
 * (the facts production varies on); without it the facts are judged against the original alone.
 */
export function engine(
  noise: NoiseLookup | null,
  judge: Partial<JudgeOptions> = {},
  baselinesFor: (c: QualityCase) => readonly SavedResponse[] = () => [],
): (c: QualityCase) => DivergenceReport {
  return (c) =>
    compareResponses(canon(c.candidate), canon(c.original), { endpoint: c.endpoint, noise, judge, baselines: baselinesFor(c).map(canon) });
}

/**
 * The seed-42 set keeps one baseline pair per input, in generation order per endpoint; a case's
 * id ends in its input's index. Returns the two production answers of the case's input.
 */
export function inputBaselines(baselines: readonly BaselinePair[]): (c: QualityCase) => readonly SavedResponse[] {
  const byEndpoint = new Map<string, BaselinePair[]>();
  for (const b of baselines) byEndpoint.set(b.endpoint, [...(byEndpoint.get(b.endpoint) ?? []), b]);
  return (c) => {
    const i = Number(/-(\d+)-[a-z_]+$/.exec(c.id)?.[1] ?? -1);
    const pair = byEndpoint.get(c.endpoint)?.[i];
    return pair === undefined ? [] : [pair.a, pair.b];
  };
}
