import { type CompareOptions, canonicalize, compareResponses, type DivergenceReport, endpointKey } from '@understudy/compare';
import type { Exchange } from '@understudy/core';

/** Per-endpoint compare options (ignore paths, tolerances); the default compares with defaults. */
export type CompareOptionsFor = (endpoint: string) => CompareOptions;

export const defaultCompareOptions: CompareOptionsFor = (endpoint) => ({ endpoint });

/** The noise bucket of an exchange: `METHOD path`. */
export function endpointOf(exchange: Exchange): string {
  return endpointKey(exchange.method, exchange.path);
}

/**
 * Compares a replayed (or shadow) exchange with the original, judged without a noise model:
 * the run re-judges against its complete baseline once every item is in.
 */
export function compareExchanges(
  candidate: Exchange,
  original: Exchange,
  optionsFor: CompareOptionsFor = defaultCompareOptions,
): DivergenceReport {
  const endpoint = endpointOf(original);
  return compareResponses(canonicalize(candidate), canonicalize(original), { ...optionsFor(endpoint), endpoint, noise: null });
}
