import { UnderstudyError } from '@understudy/core';
import type { Kysely } from 'kysely';
import { appendEvents, verifyLedger } from './canary-ledger.js';
import {
  type CanaryChange,
  type CanaryEvent,
  type CanaryEventInput,
  type CanaryRecord,
  fromEventRow,
  fromRow,
  type LedgerVerification,
  patchRow,
  toRow,
} from './canary-record.js';
import type { CanariesTable } from './canary-tables.js';
import { holdLease, type LeaseFence } from './lease-fence.js';
import { keepPrimary, refuseStaleStable } from './route-primary.js';
import type { RoutingSignal } from './routing-changes.js';
import { type Routing, writeRouting } from './routing-repository.js';
import type { Database } from './schema.js';

/** Canaries with their state machine, ledger and routing, changed only in single transactions. */
export class CanaryRepository {
  readonly #db: Kysely<Database>;
  readonly #signal: RoutingSignal;

  constructor(db: Kysely<Database>, signal: RoutingSignal) {
    this.#db = db;
    this.#signal = signal;
  }

  /**
   * Records a new canary. With `route`, the database holds it to one live (not final) canary per
   * route: a second one, even from a racing create, fails with a `conflict`.
   */
  async create(
    record: Omit<CanaryRecord, 'generation' | 'updatedAt'> & { readonly route?: string },
    event: CanaryEventInput,
  ): Promise<CanaryRecord> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const row: CanariesTable = { ...toRow(record), generation: 0, updated_at: record.createdAt };
        // `route` is the column migration 0005 added; the shared table type does not list it.
        await trx
          .withTables<{ canaries: { route: string | null } }>()
          .insertInto('canaries')
          .values({ ...row, route: record.route ?? null })
          .execute();
        if (record.route !== undefined) await refuseStaleStable(trx, record.route, record.stable);
        await appendEvents(trx, record.id, [event], record.createdAt);
        return fromRow(row);
      });
    } catch (error) {
      if (record.route !== undefined && isLiveRouteClash(error))
        throw new UnderstudyError('conflict', `another canary is already running on route ${record.route}`, { cause: error });
      throw error;
    }
  }

  async get(id: string): Promise<CanaryRecord | undefined> {
    const row = await this.#db.selectFrom('canaries').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Newest first; `states` filters; `beforeId` pages (the last id of the previous page). */
  async list(options: { states?: readonly string[]; limit?: number; beforeId?: string } = {}): Promise<CanaryRecord[]> {
    let query = this.#db.selectFrom('canaries').selectAll();
    if (options.states !== undefined && options.states.length > 0) query = query.where('state', 'in', [...options.states]);
    if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000))
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Applies a change if the canary is still at `change.generation`: patch, ledger events and
   * routing commit together or not at all. Returns the new record and routing, or null when
   * another change (or this same action) got there first, or when `lease` is given and no
   * longer held with that fence at `change.at`. A routing change is in force in this process's
   * taps when this returns, and notified to other processes' taps as it commits.
   */
  async apply(id: string, change: CanaryChange, lease?: LeaseFence): Promise<{ canary: CanaryRecord; routing: Routing | null } | null> {
    const applied = await this.#transition(id, change, lease);
    if (applied?.routing != null) await this.#signal.published({ route: applied.routing.route });
    return applied;
  }

  async #transition(
    id: string,
    change: CanaryChange,
    lease?: LeaseFence,
  ): Promise<{ canary: CanaryRecord; routing: Routing | null } | null> {
    return this.#db.transaction().execute(async (trx) => {
      // A controller whose lease moved on (another took it over: the fence grew) writes nothing;
      // one that still holds it keeps it until this transaction ends.
      if (lease !== undefined && !(await holdLease(trx, lease, change.at))) return null;
      const updated = await trx
        .updateTable('canaries')
        .set({ ...patchRow(change.patch), generation: change.generation + 1, updated_at: change.at })
        .where('id', '=', id)
        .where('generation', '=', change.generation)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return null;
      await trx
        .insertInto('canary_actions')
        .values({ canary_id: id, generation: change.generation, action: change.action, at: change.at })
        .execute();
      await appendEvents(trx, id, change.events, change.at);
      const row = await trx.selectFrom('canaries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const routing =
        change.routing === undefined
          ? null
          : await writeRouting(trx, await keepPrimary(trx, change.routing, row.candidate), change.at, this.#signal);
      return { canary: fromRow(row), routing };
    });
  }

  /**
   * The action of the change that moved the canary on from `generation`, or undefined: lets a
   * manual action tell its own retry (the last change was that action) from a state it cannot take.
   */
  async actionFrom(id: string, generation: number): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('canary_actions')
      .select('action')
      .where('canary_id', '=', id)
      .where('generation', '=', generation)
      .executeTakeFirst();
    return row?.action;
  }

  /** The ledger in order; `afterSeq` pages. */
  async events(id: string, options: { afterSeq?: number; limit?: number } = {}): Promise<CanaryEvent[]> {
    const rows = await this.#db
      .selectFrom('canary_events')
      .selectAll()
      .where('canary_id', '=', id)
      .where('seq', '>', options.afterSeq ?? 0)
      .orderBy('seq')
      .limit(Math.min(Math.max(options.limit ?? 1000, 1), 10_000))
      .execute();
    return rows.map(fromEventRow);
  }

  /** Ledger events of every canary from `at` on, oldest first (exporters tailing the ledger). */
  async eventsSince(at: number, limit: number): Promise<CanaryEvent[]> {
    const rows = await this.#db
      .selectFrom('canary_events')
      .selectAll()
      .where('at', '>=', at)
      .orderBy('at')
      .orderBy('canary_id')
      .orderBy('seq')
      .limit(Math.min(Math.max(limit, 1), 10_000))
      .execute();
    return rows.map(fromEventRow);
  }

  /** When events of one type happened, oldest first (e.g. the start of each step). */
  async eventTimes(id: string, type: string, limit = 1000): Promise<number[]> {
    const rows = await this.#db
      .selectFrom('canary_events')
      .select('at')
      .where('canary_id', '=', id)
      .where('type', '=', type)
      .orderBy('seq')
      .limit(Math.min(Math.max(limit, 1), 10_000))
      .execute();
    return rows.map((r) => Number(r.at));
  }

  /** Recomputes the hash chain of a canary's ledger, page by page. */
  verify(id: string): Promise<LedgerVerification> {
    return verifyLedger(this.#db, id);
  }
}

/** Whether a driver error is the live-route unique index refusing a row (SQLite or PostgreSQL). */
function isLiveRouteClash(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === '23505') return constraint === 'canaries_live_route';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('canaries.route');
}
