import type { Store } from '@understudy/store';
import { sql } from 'kysely';
import type { DivergenceCounts } from './arm-stats.js';

/**
 * Where divergence evidence comes from. The gate only needs counts: how many comparisons of
 * the candidate there were and how many exceeded the noise floor, so any producer (the live
 * shadow worker, replay runs, a test) can stand behind it.
 */
export interface DivergenceSource {
  counts(q: { candidate: string; stable: string; since: number; until: number }): Promise<DivergenceCounts | null>;
}

/** Verdicts that mean "beyond the noise floor" in the compare package's reports. */
const overNoise = ['regression'];

/**
 * Counts from the store: live shadow comparisons of the candidate's shadow exchanges, plus
 * replay results of runs that targeted the candidate, in the window. Errors (no response) are
 * the error-rate gate's business and are left out here.
 */
export function storeDivergenceSource(store: Store): DivergenceSource {
  return {
    async counts(q) {
      const shadow = await store.db
        .selectFrom('shadow_comparisons')
        .innerJoin('exchanges', 'exchanges.id', 'shadow_comparisons.exchange_id')
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`coalesce(sum(case when shadow_comparisons.verdict in (${sql.join(overNoise)}) then 1 else 0 end), 0)`.as('over'),
        ])
        .where('exchanges.version', '=', q.candidate)
        .where('shadow_comparisons.verdict', '<>', 'error')
        .where('shadow_comparisons.created_at', '>=', q.since)
        .where('shadow_comparisons.created_at', '<', q.until)
        .executeTakeFirstOrThrow();
      const replay = await store.db
        .selectFrom('replay_results')
        .innerJoin('replay_runs', 'replay_runs.id', 'replay_results.run_id')
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`coalesce(sum(case when replay_results.verdict in (${sql.join(overNoise)}) then 1 else 0 end), 0)`.as('over'),
        ])
        .where('replay_runs.target', '=', q.candidate)
        .where('replay_results.verdict', '<>', 'error')
        .where('replay_results.completed_at', '>=', q.since)
        .where('replay_results.completed_at', '<', q.until)
        .executeTakeFirstOrThrow();
      const n = Number(shadow.n) + Number(replay.n);
      return { candidate: { n, events: Number(shadow.over) + Number(replay.over) }, baseline: null };
    },
  };
}
