import {
  type CanonicalResponse,
  type CompareExtension,
  canonicalize,
  compareResponses,
  type DivergenceReport,
  type NoiseModel,
} from '@understudy/compare';
import type { Exchange, Logger } from '@understudy/core';
import type { Store } from '@understudy/store';
import { applyExtensions } from './apply-extensions.js';
import type { CompareOptionsFor } from './compare-item.js';
import { endpointOf } from './compare-item.js';
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
  const options = deps.optionsFor(endpoint);
  const originalCanon = canonicalize(original);
  const candidate = priced(item.candidate, deps.price);
  // The baseline's answer to this same input: facts production itself varies on are noise.
  const sameInput: CanonicalResponse[] = [];
  let baseline: Exchange | null = null;
  let baselineReport: DivergenceReport | null = null;
  if (item.baseline !== null) {
    const b = priced(item.baseline, deps.price);
    baseline = b.exchange;
    if (b.exchange.error === null) {
      sameInput.push(b.canon);
      const sideEffects = await sideEffectsFor(deps.store, b.exchange, original, deps.logger);
      baselineReport = compareResponses(b.canon, originalCanon, {
        ...options,
        endpoint,
        noise: null,
        ...(sideEffects === undefined ? {} : { sideEffects }),
      });
      run.noise.addBaselineReport(baselineReport);
    }
  }
  if (candidate.exchange.error !== null) return { candidate: candidate.exchange, baseline, report: null, baselineReport };
  const noise = run.hasBaseline ? run.noise : null;
  // The candidate's tool calls (egress proxy) join the comparison as its side_effect category.
  const sideEffects = await sideEffectsFor(deps.store, candidate.exchange, original, deps.logger);
  const rules = compareResponses(candidate.canon, originalCanon, {
    ...options,
    endpoint,
    noise,
    baselines: sameInput,
    ...(sideEffects === undefined ? {} : { sideEffects }),
  });
  const report = await applyExtensions(rules, deps.extensions, candidate.canon, originalCanon, {
    noise,
    ...(options.judge === undefined ? {} : { judge: options.judge }),
    baselines: sameInput,
    signal: run.signal,
  });
  return { candidate: candidate.exchange, baseline, report, baselineReport };
}

/** Token counts and cost of a replayed response, read from its body as the tap would. */
function priced(exchange: Exchange, price: PriceFn | undefined): { exchange: Exchange; canon: CanonicalResponse } {
  const canon = canonicalize(exchange);
  const { inputTokens, outputTokens } = canon.usage;
  const costUsd = price?.(canon.model, inputTokens, outputTokens) ?? null;
  const withUsage: Exchange = { ...exchange, usage: { inputTokens, outputTokens, costUsd } };
  return { exchange: withUsage, canon: { ...canon, usage: withUsage.usage } };
}
