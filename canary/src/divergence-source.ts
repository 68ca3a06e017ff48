import type { Store } from '@understudy/store';
import type { DivergenceCounts } from './arm-stats.js';

/**
 * Where divergence evidence comes from. The gate only needs counts: how many judged comparisons
 * of the candidate there were and how many exceeded the noise floor, so any producer (the live
 * shadow worker, replay runs, a test) can stand behind it.
 */
export interface DivergenceSource {
  counts(q: { candidate: string; stable: string; since: number; until: number }): Promise<DivergenceCounts | null>;
  /** Whether comparisons of the candidate exist or are coming (a shadow of it, a replay run against it). */
  available?(candidate: string): Promise<boolean>;
}

/**
 * Counts from the store's analysis repository: judged live-shadow comparisons of the candidate
 * plus judged results of replay runs that targeted it (errors, orphans and skipped items are no
 * evidence and are left out by the store, which owns that vocabulary).
 */
export function storeDivergenceSource(store: Store): DivergenceSource {
  return {
    async counts(q) {
      const c = await store.analysis.comparisonCounts(q);
      return { candidate: { n: c.n, events: c.overNoise }, baseline: null };
    },
    available: (candidate) => store.analysis.hasComparisonSource(candidate),
  };
}
