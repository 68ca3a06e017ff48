import type { Clock, Exchange } from '@understudy/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { insertExchanges } from './insert-exchanges.js';
import type { ReplayResultRecord, ReplayRunRecord, ReplayRunStatus, ReplayVerdictUpdate } from './replay-records.js';
import { fromReplayResultRow, fromReplayRunRow, toReplayResultRow } from './replay-result-row.js';
import type { Database } from './schema.js';

/** What a new run starts with; counters start at zero. */
export interface NewReplayRun {
  readonly id: string;
  readonly createdAt: number;
  readonly spec: unknown;
  readonly target: string;
  readonly baseline: string | null;
  readonly planned: number | null;
}

/** Fields a running replayer updates as it goes. */
export interface ReplayRunPatch {
  readonly status?: ReplayRunStatus;
  readonly planned?: number | null;
  readonly summary?: unknown;
  readonly errorMessage?: string | null;
}

export interface ReplayResultPage {
  readonly items: ReplayResultRecord[];
  /** Pass back as `afterSeq` for the next page; `null` at the end. */
  readonly nextSeq: number | null;
}

const rowsPerStatement = 200;

/** Replay runs and their per-item results, committed as they complete. */
export class ReplayRepository {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;

  constructor(db: Kysely<Database>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async createRun(run: NewReplayRun): Promise<void> {
    await this.#db
      .insertInto('replay_runs')
      .values({
        id: run.id,
        created_at: run.createdAt,
        updated_at: run.createdAt,
        status: 'running',
        spec: JSON.stringify(run.spec),
        target: run.target,
        baseline: run.baseline,
        planned: run.planned,
        done: 0,
        errors: 0,
        summary: null,
        error_message: null,
      })
      .execute();
  }

  async getRun(id: string): Promise<ReplayRunRecord | undefined> {
    const row = await this.#db.selectFrom('replay_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromReplayRunRow(row, this.#clock.now());
  }

  /** Newest first. */
  async listRuns(limit = 50): Promise<ReplayRunRecord[]> {
    const rows = await this.#db
      .selectFrom('replay_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(limit, 1), 1000))
      .execute();
    return rows.map((row) => fromReplayRunRow(row, this.#clock.now()));
  }

  /**
   * Results of every run completed from `since` on that have a candidate answer, oldest first
   * (exporters tailing comparisons); without the baseline report.
   */
  async resultsCompletedSince(since: number, limit: number): Promise<ReplayResultRecord[]> {
    const rows = await this.#db
      .selectFrom('replay_results')
      .selectAll()
      .where('completed_at', '>=', since)
      .where('candidate_id', 'is not', null)
      .orderBy('completed_at')
      .limit(Math.min(Math.max(limit, 1), 10_000))
      .execute();
    return rows.map(fromReplayResultRow);
  }

  /** Items of a run whose baseline answered and was compared: the pairs its noise floor is built from. */
  async countBaselinePairs(runId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('replay_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId)
      .where('baseline_report', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The heartbeat of a process running `id`: it is alive (see `replayStaleAfterMs`). */
  async beat(id: string, now: number): Promise<void> {
    await this.#db.updateTable('replay_runs').set({ updated_at: now }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async updateRun(id: string, patch: ReplayRunPatch, now: number): Promise<void> {
    await this.#db
      .updateTable('replay_runs')
      .set({
        updated_at: now,
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.planned === undefined ? {} : { planned: patch.planned }),
        ...(patch.summary === undefined ? {} : { summary: JSON.stringify(patch.summary) }),
        ...(patch.errorMessage === undefined ? {} : { error_message: patch.errorMessage }),
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Commits finished items with the exchanges they produced, in one transaction. An item
   * already committed (a resumed run re-sent an in-flight item) is ignored, so each item is
   * counted exactly once. Returns how many items were new.
   */
  async commitResults(runId: string, results: readonly ReplayResultRecord[], exchanges: readonly Exchange[], now: number): Promise<number> {
    if (results.length === 0) return 0;
    return this.#db.transaction().execute(async (trx) => {
      await insertExchanges(trx, exchanges);
      const fresh = await freshOnly(trx, runId, results);
      let inserted = 0;
      for (let i = 0; i < fresh.length; i += rowsPerStatement) {
        // Two processes resuming one run may race on PostgreSQL: the loser's rows are skipped.
        const result = await trx
          .insertInto('replay_results')
          .values(fresh.slice(i, i + rowsPerStatement).map(toReplayResultRow))
          .onConflict((oc) => oc.columns(['run_id', 'exchange_id']).doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      const errors = inserted === fresh.length ? fresh.filter((r) => r.verdict === 'error').length : 0;
      await trx
        .updateTable('replay_runs')
        .set((eb) => ({ done: eb('done', '+', inserted), errors: eb('errors', '+', errors), updated_at: now }))
        .where('id', '=', runId)
        .execute();
      return inserted;
    });
  }

  /** Which of `exchangeIds` already have a committed result in the run. */
  async completedAmong(runId: string, exchangeIds: readonly string[]): Promise<Set<string>> {
    if (exchangeIds.length === 0) return new Set();
    const rows = await this.#db
      .selectFrom('replay_results')
      .select('exchange_id')
      .where('run_id', '=', runId)
      .where('exchange_id', 'in', [...exchangeIds])
      .execute();
    return new Set(rows.map((r) => r.exchange_id));
  }

  /**
   * Results in selection order, optionally of one verdict, paged by `seq`. `reports: false`
   * leaves the JSON reports out (`report` and `baselineReport` come back `null`): a summary pass
   * over millions of rows then reads only the figures.
   */
  async listResults(
    runId: string,
    options: { verdict?: string; afterSeq?: number; limit?: number; reports?: boolean } = {},
  ): Promise<ReplayResultPage> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
    let query = this.#db
      .selectFrom('replay_results')
      .select(options.reports === false ? figureColumns : allColumns)
      .where('run_id', '=', runId);
    if (options.verdict !== undefined) query = query.where('verdict', '=', options.verdict);
    if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
    const rows = await query
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(fromReplayResultRow);
    return { items, nextSeq: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
  }

  async getResult(runId: string, exchangeId: string): Promise<ReplayResultRecord | undefined> {
    const row = await this.#db
      .selectFrom('replay_results')
      .selectAll()
      .where('run_id', '=', runId)
      .where('exchange_id', '=', exchangeId)
      .executeTakeFirst();
    return row === undefined ? undefined : fromReplayResultRow(row);
  }

  /** Counts of committed results by verdict. */
  async countByVerdict(runId: string): Promise<Record<string, number>> {
    const rows = await this.#db
      .selectFrom('replay_results')
      .select(['verdict', (eb) => eb.fn.countAll<number>().as('n')])
      .where('run_id', '=', runId)
      .groupBy('verdict')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.verdict, Number(r.n)]));
  }

  /** Revises verdicts once the run's noise floor is complete, in one transaction. */
  async updateVerdicts(runId: string, updates: readonly ReplayVerdictUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      for (const u of updates) {
        await trx
          .updateTable('replay_results')
          .set({ verdict: u.verdict, score_over_noise: u.scoreOverNoise, report: u.report === null ? null : JSON.stringify(u.report) })
          .where('run_id', '=', runId)
          .where('exchange_id', '=', u.exchangeId)
          .execute();
      }
    });
  }
}

const figureColumns = [
  'run_id',
  'exchange_id',
  'seq',
  'endpoint',
  'candidate_id',
  'baseline_id',
  'verdict',
  'score',
  'score_over_noise',
  'original_status',
  'candidate_status',
  'original_ms',
  'candidate_ms',
  'original_tokens',
  'candidate_tokens',
  'original_cost',
  'candidate_cost',
  'attempts',
  'error_code',
  'error_message',
  'completed_at',
  sql<string | null>`null`.as('report'),
  sql<string | null>`null`.as('baseline_report'),
] as const;
const allColumns = [...figureColumns.slice(0, -2), 'report', 'baseline_report'] as const;

async function freshOnly(trx: Transaction<Database>, runId: string, results: readonly ReplayResultRecord[]): Promise<ReplayResultRecord[]> {
  const seen = new Set<string>();
  for (let i = 0; i < results.length; i += rowsPerStatement) {
    const ids = results.slice(i, i + rowsPerStatement).map((r) => r.exchangeId);
    const rows = await trx
      .selectFrom('replay_results')
      .select('exchange_id')
      .where('run_id', '=', runId)
      .where('exchange_id', 'in', ids)
      .execute();
    for (const r of rows) seen.add(r.exchange_id);
  }
  return results.filter((r) => {
    if (seen.has(r.exchangeId)) return false;
    seen.add(r.exchangeId);
    return true;
  });
}
