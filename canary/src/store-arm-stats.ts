import type { Store } from '@understudy/store';
import { sql } from 'kysely';
import type { ArmStats } from './arm-stats.js';

/** A time range of live traffic for one version. `until` is exclusive. */
export interface ArmQuery {
  readonly version: string;
  readonly since: number;
  readonly until: number;
}

/** Latency samples kept per arm: the most recent ones, so memory stays flat on busy canaries. */
export const maxLatencySamples = 5_000;

/**
 * One arm's statistics from the exchanges in the store: live, top-level exchanges of the
 * version (a stable exchange that served a candidate's fallback has a parent and is left out,
 * while the candidate's failed attempt counts against the candidate). An error is a 5xx, no
 * response at all, or an upstream error; a client hanging up is not the version's fault.
 */
export async function collectArmStats(store: Store, q: ArmQuery, options: { latencies?: boolean } = {}): Promise<ArmStats> {
  const base = store.db
    .selectFrom('exchanges')
    .where('version', '=', q.version)
    .where('role', '=', 'live')
    .where('parent_id', 'is', null)
    .where('started_at', '>=', q.since)
    .where('started_at', '<', q.until);
  const agg = await base
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(case when status is null or status >= 500 or (error_code is not null and error_code <> 'client_disconnected') then 1 else 0 end), 0)`.as(
        'errors',
      ),
      sql<number>`count(cost_usd)`.as('cost_n'),
      sql<number>`coalesce(sum(cost_usd), 0)`.as('cost_sum'),
      sql<number>`coalesce(sum(cost_usd * cost_usd), 0)`.as('cost_sq'),
      sql<number>`count(output_tokens)`.as('tok_n'),
      sql<number>`coalesce(sum(coalesce(input_tokens, 0) + output_tokens), 0)`.as('tok_sum'),
      sql<number>`coalesce(sum((coalesce(input_tokens, 0) + output_tokens) * (coalesce(input_tokens, 0) + output_tokens)), 0)`.as('tok_sq'),
    ])
    .where('error_code', 'is distinct from', 'client_disconnected')
    .executeTakeFirstOrThrow();
  const rows =
    options.latencies === false
      ? []
      : await base
          .select('duration_ms')
          .where('duration_ms', 'is not', null)
          .where('error_code', 'is', null)
          // A failure's latency says how fast it failed, not how fast the version serves.
          .where('status', '<', 500)
          .orderBy('started_at', 'desc')
          .limit(maxLatencySamples)
          .execute();
  return {
    n: Number(agg.n),
    errors: Number(agg.errors),
    latencies: rows.map((r) => Number(r.duration_ms)),
    cost: { n: Number(agg.cost_n), sum: Number(agg.cost_sum), sumSquares: Number(agg.cost_sq) },
    tokens: { n: Number(agg.tok_n), sum: Number(agg.tok_sum), sumSquares: Number(agg.tok_sq) },
  };
}

/** Live requests the version served in a range (the step's request count). */
export async function countLiveRequests(store: Store, q: ArmQuery): Promise<number> {
  const row = await store.db
    .selectFrom('exchanges')
    .select(sql<number>`count(*)`.as('n'))
    .where('version', '=', q.version)
    .where('role', '=', 'live')
    .where('parent_id', 'is', null)
    .where('started_at', '>=', q.since)
    .where('started_at', '<', q.until)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
