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

export function score(cases: readonly QualityCase[], isRegression: (c: QualityCase) => boolean): Scores {
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

export function engine(noise: NoiseLookup | null, judge: Partial<JudgeOptions> = {}): (c: QualityCase) => DivergenceReport {
  return (c) => compareResponses(canon(c.candidate), canon(c.original), { endpoint: c.endpoint, noise, judge });
}
