import {
  type CanonicalResponse,
  type CompareExtension,
  type CompareOptions,
  canonicalize,
  compareRules,
  type DivergenceReport,
  judge,
  type NoiseModel,
} from '@understudy/compare';
import type { Exchange, Logger } from '@understudy/core';
import type { Store } from '@understudy/store';
import { applyExtensions } from './apply-extensions.js';
import type { CompareOptionsFor } from './compare-item.js';
import { endpointOf } from './compare-item.js';
import type { ComparePool } from './compare-pool.js';
import { sideEffectsFor } from './side-effects-for.js';

/** Prices a response from its model and token counts (the CLI passes the tap's table). */
export type PriceFn = (model: string | null, inputTokens: number | null, outputTokens: number | null) => number | null;

/** What comparing a replayed item needs from its run. */
export interface CompareReplayedDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly optionsFor: CompareOptionsFor;
  /** Second opinions (a user comparator, the LLM judge), asked after the rules. */
  readonly extensions: readonly CompareExtension[];
  readonly price?: PriceFn;
  /** Threads the rules run on; without one, the calling thread. */
  readonly pool?: ComparePool;
}

/** One replayed item's answers, priced, and their reports. */
export interface ComparedItem {
  readonly candidate: Exchange;
  readonly baseline: Exchange | null;
  /** Null when the candidate answered with an error (nothing to compare). */
  readonly report: DivergenceReport | null;
  /** Baseline vs original: the item's contribution to the run's noise floor. */
  readonly baselineReport: DivergenceReport | null;
}

/**
 * Compares what the target (and the baseline, when the run has one) answered to an original:
 * the baseline's report feeds the run's noise model, its answer makes facts production varies on
 * noise, the egress proxy's tool calls join as the side_effect category, and the second opinions
 * are asked last. A failing second opinion is recorded on the pair, never thrown.
 */
export async function compareReplayed(
  deps: CompareReplayedDeps,
  item: { readonly original: Exchange; readonly candidate: Exchange; readonly baseline: Exchange | null },
  run: { readonly noise: NoiseModel; readonly hasBaseline: boolean; readonly signal: AbortSignal },
): Promise<ComparedItem> {
  const { original } = item;
  const endpoint = endpointOf(original);
  // The noise model is the run's (below), never the config's.
  const { noise: _configNoise, ...options } = deps.optionsFor(endpoint);
  const rules = deps.pool === undefined ? rulesHere : deps.pool.rules;
  const originalCanon = canonicalize(original);
  const candidate = priced(item.candidate, deps.price);
  // The baseline's answer to this same input: facts production itself varies on are noise.
  const sameInput: CanonicalResponse[] = [];
  let baseline: Exchange | null = null;
  let baselineRules: Promise<DivergenceReport> | null = null;
  if (item.baseline !== null) {
    const b = priced(item.baseline, deps.price);
    baseline = b.exchange;
    if (b.exchange.error === null) {
      sameInput.push(b.canon);
      const sideEffects = await sideEffectsFor(deps.store, b.exchange, original, deps.logger);
      baselineRules = rules(b.canon, originalCanon, { ...options, endpoint, ...(sideEffects === undefined ? {} : { sideEffects }) });
      // Awaited below; handled now, so a store error in between leaves no unhandled rejection.
      baselineRules.catch(() => undefined);
    }
  }
  let candidateRules: Promise<DivergenceReport> | null = null;
  if (candidate.exchange.error === null) {
    // The candidate's tool calls (egress proxy) join the comparison as its side_effect category.
    const sideEffects = await sideEffectsFor(deps.store, candidate.exchange, original, deps.logger);
    // Both pairs are compared at once (on a pool's threads); the baseline's verdict joins the
    // run's noise before the candidate's is judged, as when they ran one after the other.
    candidateRules = rules(candidate.canon, originalCanon, {
      ...options,
      endpoint,
      baselines: sameInput,
      ...(sideEffects === undefined ? {} : { sideEffects }),
    });
  }
  let baselineReport: DivergenceReport | null = null;
  if (baselineRules !== null) {
    baselineReport = judge(await baselineRules, null, options.judge);
    run.noise.addBaselineReport(baselineReport);
  }
  if (candidateRules === null) return { candidate: candidate.exchange, baseline, report: null, baselineReport };
  const noise = run.hasBaseline ? run.noise : null;
  const report = await applyExtensions(judge(await candidateRules, noise, options.judge), deps.extensions, candidate.canon, originalCanon, {
    noise,
    ...(options.judge === undefined ? {} : { judge: options.judge }),
    baselines: sameInput,
    signal: run.signal,
  });
  return { candidate: candidate.exchange, baseline, report, baselineReport };
}

async function rulesHere(
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  options: Omit<CompareOptions, 'noise'>,
): Promise<DivergenceReport> {
  return compareRules(candidate, original, options);
}

/** Token counts and cost of a replayed response, read from its body as the tap would. */
function priced(exchange: Exchange, price: PriceFn | undefined): { exchange: Exchange; canon: CanonicalResponse } {
  const canon = canonicalize(exchange);
  const { inputTokens, outputTokens } = canon.usage;
  const costUsd = price?.(canon.model, inputTokens, outputTokens) ?? null;
  const withUsage: Exchange = { ...exchange, usage: { inputTokens, outputTokens, costUsd } };
  return { exchange: withUsage, canon: { ...canon, usage: withUsage.usage } };
}
