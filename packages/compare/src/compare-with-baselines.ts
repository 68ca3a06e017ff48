import type { CanonicalResponse } from './adapters/canonical-response.js';
import { type CompareOptions, compareResponses } from './compare-responses.js';
import type { JudgeOptions } from './noise/judge.js';
import { NoiseModel } from './noise/noise-model.js';
import type { DivergenceReport } from './report/divergence-report.js';

/**
 * Compares a candidate with the original when a few other production answers to the same input
 * are at hand (`understudy diff --baseline`, a baseline replay): each baseline is one
 * production-vs-production pair for the field noise, trusted from the first pair, and a source
 * of the facts production varies on; text noise is the prior, moved a little by each pair.
 * Without baselines it is plain {@link compareResponses}. Returns the judge options it used, for
 * re-judging (an extension's categories), and the noise model, which counts no fact keys (the
 * baseline pairs' facts are not compared: no verdict reads them there).
 */
export function compareWithBaselines(
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  baselines: readonly CanonicalResponse[],
  options: Omit<CompareOptions, 'noise' | 'baselines'> = {},
): { report: DivergenceReport; noise: NoiseModel | null; judge: Partial<JudgeOptions> } {
  const endpoint = options.endpoint ?? '*';
  if (baselines.length === 0)
    return { report: compareResponses(candidate, original, { ...options, noise: null }), noise: null, judge: options.judge ?? {} };
  const noise = new NoiseModel();
  // The estimate reads each baseline pair's text measures and the keys of its other differences;
  // a fact difference is never looked up in it (diffFacts reads the baselines' answers for that),
  // so the pair's facts are not compared.
  for (const b of baselines) noise.addBaseline(original, b, endpoint, { ...options, readFacts: false });
  const judge = { ...options.judge, minBaselinePairs: 1, textQuantile: 0 };
  return { report: compareResponses(candidate, original, { ...options, endpoint, noise, baselines, judge }), noise, judge };
}
