import type { Store } from '@understudy/store';
import type { DivergenceSource } from './divergence-source.js';
import { rateVersusReferenceBound } from './sequential-bound.js';

/** Whether the candidate's replay / live-shadow comparisons so far allow live traffic. */
export interface ShadowVerdict {
  readonly outcome: 'pass' | 'fail' | 'pending';
  readonly reason: string;
  readonly n: number;
  readonly overNoise: number;
}

export interface ShadowVerdictSource {
  verdict(q: { candidate: string; stable: string; since: number; until: number }): Promise<ShadowVerdict>;
}

/**
 * From divergence counts: pass when at least `minComparisons` exist and the share over the
 * noise floor is bounded below `maxShare`; fail when it is bounded above; pending otherwise.
 */
export function storeShadowVerdictSource(
  _store: Store,
  source: DivergenceSource,
  options: { minComparisons?: number; maxShare?: number } = {},
): ShadowVerdictSource {
  const min = options.minComparisons ?? 30;
  const maxShare = options.maxShare ?? 0.1;
  return {
    async verdict(q) {
      const counts = await source.counts({ ...q, since: 0 });
      const n = counts?.candidate.n ?? 0;
      const over = counts?.candidate.events ?? 0;
      if (counts === null || n < min) return { outcome: 'pending', reason: `${n} of ${min} comparisons`, n, overNoise: over };
      const b = rateVersusReferenceBound(counts.candidate, maxShare, 0.01, 0.05);
      if (b.lower > 0)
        return { outcome: 'fail', reason: `${over}/${n} comparisons beyond the noise floor (max ${maxShare})`, n, overNoise: over };
      if (b.upper <= 0) return { outcome: 'pass', reason: `${over}/${n} comparisons beyond the noise floor`, n, overNoise: over };
      return { outcome: 'pending', reason: `${over}/${n} beyond the noise floor: undecided`, n, overNoise: over };
    },
  };
}
