import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { judgedVerdicts, overNoiseVerdicts } from './stored-verdicts.js';

/** A time range of live traffic for one version. `until` is exclusive. */
export interface ArmQuery {
  readonly version: string;
  readonly since: number;
  readonly until: number;
}

/** Sums for a mean: count, sum and sum of squares. */
export interface MeanSums {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** One arm's live traffic over a window, as the canary's gates read it. */
export interface ArmSums {
  readonly n: number;
  readonly errors: number;
  /** The most recent durations (ms) of successful requests, at most `maxLatencySamples`. */
  readonly latencies: readonly number[];
  readonly cost: MeanSums;
  readonly tokens: MeanSums;
}

/** Judged comparisons of a candidate and how many were beyond the noise floor. */
export interface ComparisonCounts {
  readonly n: number;
  readonly overNoise: number;
}

/** Latency samples kept per arm: the most recent ones, so memory stays flat on busy canaries. */
export const maxLatencySamples = 5_000;

/**
 * The canary's analysis queries: live traffic per arm, and the candidate's live-shadow and
 * replay comparisons. Only judged comparisons count (match, noise, regression): an `error` (no
 * response), an `orphan` (no live parent) or a `skipped` replay item is no evidence either way.
 */
export class CanaryAnalysisRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * One arm's statistics: live, top-level exchanges of the version (a stable exchange that
   * served a candidate's fallback has a parent and is left out, while the candidate's failed
   * attempt counts against the candidate). An error is a 5xx, no response at all, or an
   * upstream error; a client hanging up is not the version's fault and is not counted at all.
   */
  async armSums(q: ArmQuery, options: { latencies?: boolean } = {}): Promise<ArmSums> {
    const base = this.#live(q);
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
        sql<number>`coalesce(sum((coalesce(input_tokens, 0) + output_tokens) * (coalesce(input_tokens, 0) + output_tokens)), 0)`.as(
          'tok_sq',
        ),
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

  /** Live requests the version served in a range (a step's request count). */
  async liveRequests(q: ArmQuery): Promise<number> {
    const row = await this.#live(q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Judged comparisons of the candidate in a range: live-shadow comparisons of its shadow
   * exchanges plus results of replay runs that targeted it.
   */
  async comparisonCounts(q: { candidate: string; since: number; until: number }): Promise<ComparisonCounts> {
    const over = sql.join(overNoiseVerdicts.map((v) => sql.lit(v)));
    const shadow = await this.#db
      .selectFrom('shadow_comparisons')
      .innerJoin('exchanges', 'exchanges.id', 'shadow_comparisons.exchange_id')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum(case when shadow_comparisons.verdict in (${over}) then 1 else 0 end), 0)`.as('over'),
      ])
      .where('exchanges.version', '=', q.candidate)
      .where('shadow_comparisons.verdict', 'in', [...judgedVerdicts])
      .where('shadow_comparisons.created_at', '>=', q.since)
      .where('shadow_comparisons.created_at', '<', q.until)
      .executeTakeFirstOrThrow();
    const replay = await this.#db
      .selectFrom('replay_results')
      .innerJoin('replay_runs', 'replay_runs.id', 'replay_results.run_id')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`coalesce(sum(case when replay_results.verdict in (${over}) then 1 else 0 end), 0)`.as('over'),
      ])
      .where('replay_runs.target', '=', q.candidate)
      .where('replay_results.verdict', 'in', [...judgedVerdicts])
      .where('replay_results.completed_at', '>=', q.since)
      .where('replay_results.completed_at', '<', q.until)
      .executeTakeFirstOrThrow();
    return { n: Number(shadow.n) + Number(replay.n), overNoise: Number(shadow.over) + Number(replay.over) };
  }

  /**
   * Whether comparisons of the candidate exist or are on their way: shadow exchanges of it (a
   * tap mirrors to it) or a replay run that targets it. A divergence gate without one waits forever.
   */
  async hasComparisonSource(candidate: string): Promise<boolean> {
    const shadow = await this.#db
      .selectFrom('exchanges')
      .select('id')
      .where('version', '=', candidate)
      .where('role', '=', 'shadow')
      .limit(1)
      .executeTakeFirst();
    if (shadow !== undefined) return true;
    const run = await this.#db.selectFrom('replay_runs').select('id').where('target', '=', candidate).limit(1).executeTakeFirst();
    return run !== undefined;
  }

  /**
   * Whether a version exists for a gate to judge: registered, or named by any stored exchange
   * (traffic may be imported, or served by a tap's `--upstream`, without a registry row) or by a
   * replay run's target. A name that is none of these is a typo, not a version without data.
   */
  async knowsVersion(name: string): Promise<boolean> {
    const registered = await this.#db.selectFrom('versions').select('name').where('name', '=', name).executeTakeFirst();
    if (registered !== undefined) return true;
    const seen = await this.#db.selectFrom('exchanges').select('id').where('version', '=', name).limit(1).executeTakeFirst();
    if (seen !== undefined) return true;
    const run = await this.#db.selectFrom('replay_runs').select('id').where('target', '=', name).limit(1).executeTakeFirst();
    return run !== undefined;
  }

  #live(q: ArmQuery) {
    return this.#db
      .selectFrom('exchanges')
      .where('version', '=', q.version)
      .where('role', '=', 'live')
      .where('parent_id', 'is', null)
      .where('started_at', '>=', q.since)
      .where('started_at', '<', q.until);
  }
}
