import { type ArmQuery, maxLatencySamples, type Store } from '@understudy/store';
import type { ArmStats } from './arm-stats.js';

export { type ArmQuery, maxLatencySamples };

/**
 * Where the controller reads live traffic per arm. The queries live in the store
 * (`store.analysis`, tested on SQLite and PostgreSQL); a test or a simulation can stand in.
 */
export interface AnalysisSource {
  armStats(q: ArmQuery, options?: { latencies?: boolean }): Promise<ArmStats>;
  /** Live requests the version served in a range (a step's request count). */
  liveRequests(q: ArmQuery): Promise<number>;
}

/** The store's analysis repository as the controller's source. */
export function storeAnalysisSource(store: Store): AnalysisSource {
  return {
    armStats: (q, options) => store.analysis.armSums(q, options),
    liveRequests: (q) => store.analysis.liveRequests(q),
  };
}

/** One arm's statistics from the store (see `CanaryAnalysisRepository.armSums`). */
export function collectArmStats(store: Store, q: ArmQuery, options: { latencies?: boolean } = {}): Promise<ArmStats> {
  return store.analysis.armSums(q, options);
}

/** Live requests the version served in a range. */
export function countLiveRequests(store: Store, q: ArmQuery): Promise<number> {
  return store.analysis.liveRequests(q);
}
