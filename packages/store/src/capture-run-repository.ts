import type { Kysely } from 'kysely';
import type { CaptureRunsTable, Database } from './schema.js';

/** How a capture run ended: stopped by its process, or found dead by a later start on its host. */
export type CaptureRunEnd = 'closed' | 'killed';

/** One tap process's capture: what it stored and, once ended, what it lost. */
export interface CaptureRun {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: number;
  /** Rows stored, counted in the transaction of each batch. */
  readonly stored: number;
  readonly endedAt: number | null;
  readonly endReason: CaptureRunEnd | null;
  /** Captures the tap accepted into its queue; null when its durable count was not found. */
  readonly accepted: number | null;
  /** Accepted captures the store refused, already counted as drops while the run lived. */
  readonly refused: number | null;
  /** Accepted, neither stored nor counted as refused: what a kill took. Null when unknown. */
  readonly lost: number | null;
}

/**
 * Capture runs (migration 0007): the durable half of the lost-capture count. A tap begins a run
 * when it starts; its writer adds each batch's inserted rows to `stored` in the batch's own
 * transaction (see `ExchangeRepository.insertMany`); the accepted count lives in a file the tap
 * rewrites per capture. Whoever ends the run — the tap at a clean stop, or the next start on its
 * host after a kill — compares the two and records `lost`.
 */
export class CaptureRunRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async begin(run: { id: string; host: string; pid: number; startedAt: number }): Promise<void> {
    await this.#db
      .insertInto('capture_runs')
      .values({ id: run.id, host: run.host, pid: run.pid, started_at: run.startedAt, stored: 0 })
      .execute();
  }

  async get(id: string): Promise<CaptureRun | undefined> {
    const row = await this.#db.selectFrom('capture_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  /** Every run, oldest first (at most the last 1 000). */
  async list(): Promise<CaptureRun[]> {
    const rows = await this.#db
      .selectFrom('capture_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1000)
      .execute();
    return rows.reverse().map(toRun);
  }

  /** Runs on `host` that have not ended (oldest first): live ones, and those a kill left behind. */
  async unended(host: string): Promise<CaptureRun[]> {
    const rows = await this.#db
      .selectFrom('capture_runs')
      .selectAll()
      .where('host', '=', host)
      .where('ended_at', 'is', null)
      .orderBy('started_at')
      .limit(1000)
      .execute();
    return rows.map(toRun);
  }

  /**
   * Ends a run once: `lost` = accepted − stored − refused (null when `accepted` is unknown).
   * Returns the ended run, or undefined when it was already ended (two starts racing to settle
   * the same dead run record it once).
   */
  async end(
    id: string,
    end: { endedAt: number; reason: CaptureRunEnd; accepted: number | null; refused: number | null },
  ): Promise<CaptureRun | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('capture_runs').selectAll().where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
      if (row === undefined) return undefined;
      const stored = Number(row.stored);
      const lost = end.accepted === null ? null : Math.max(0, end.accepted - stored - (end.refused ?? 0));
      const values = { ended_at: end.endedAt, end_reason: end.reason, accepted: end.accepted, refused: end.refused, lost };
      const result = await trx
        .updateTable('capture_runs')
        .set(values)
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? toRun({ ...row, ...values }) : undefined;
    });
  }
}

function toRun(row: CaptureRunsTable): CaptureRun {
  const n = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    id: row.id,
    host: row.host,
    pid: Number(row.pid),
    startedAt: Number(row.started_at),
    stored: Number(row.stored),
    endedAt: n(row.ended_at),
    endReason: row.end_reason === 'closed' || row.end_reason === 'killed' ? row.end_reason : null,
    accepted: n(row.accepted),
    refused: n(row.refused),
    lost: n(row.lost),
  };
}
