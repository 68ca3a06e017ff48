import { UnderstudyError } from '@understudy/core';
import type { Kysely, Transaction } from 'kysely';
import type { CanariesTable, CanaryEventsTable } from './canary-tables.js';
import { genesisHash, ledgerHash } from './ledger-hash.js';
import { keepPrimary, refuseStaleStable } from './route-primary.js';
import type { RoutingSignal } from './routing-changes.js';
import { type Routing, type RoutingWrite, writeRouting } from './routing-repository.js';
import type { Database } from './schema.js';

/** A canary as stored; `spec` is the validated spec (the canary package owns its shape). */
export interface CanaryRecord {
  readonly id: string;
  readonly spec: unknown;
  readonly stable: string;
  readonly candidate: string;
  readonly state: string;
  /** −1 before the first live step. */
  readonly stepIndex: number;
  readonly weight: number;
  readonly stepStartedAt: number | null;
  readonly analysisStartedAt: number | null;
  /** The controller's timer, as a stored timestamp. */
  readonly nextAnalysisAt: number | null;
  readonly consecutiveFailures: number;
  readonly looks: number;
  /** Bumped by every change; a change names the generation it saw (optimistic concurrency). */
  readonly generation: number;
  /** The state a paused canary returns to. */
  readonly resumeState: string | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type CanaryPatch = Partial<
  Pick<
    CanaryRecord,
    | 'state'
    | 'stepIndex'
    | 'weight'
    | 'stepStartedAt'
    | 'analysisStartedAt'
    | 'nextAnalysisAt'
    | 'consecutiveFailures'
    | 'looks'
    | 'resumeState'
    | 'reason'
  >
>;

/** An event to append to a canary's ledger. */
export interface CanaryEventInput {
  readonly type: string;
  /** `controller`, or the name of the API token / CLI user that acted. */
  readonly actor: string;
  readonly data: unknown;
}

/** One ledger entry as stored. */
export interface CanaryEvent {
  readonly canaryId: string;
  readonly seq: number;
  readonly at: number;
  readonly type: string;
  readonly actor: string;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The result of checking a ledger's hash chain. */
export interface LedgerVerification {
  readonly ok: boolean;
  readonly events: number;
  /** The first seq whose hash or link does not match, or null. */
  readonly brokenAt: number | null;
  readonly reason: string | null;
}

export interface CanaryChange {
  /** The generation the caller read; a stale one makes the change a no-op (null). */
  readonly generation: number;
  /** Idempotency key together with (canary, generation): the same action never applies twice. */
  readonly action: string;
  readonly patch: CanaryPatch;
  readonly events: readonly CanaryEventInput[];
  /** Routing to write in the same transaction, so a rollback and its weight 0 commit together. */
  readonly routing?: RoutingWrite;
  readonly at: number;
}

/** The lease a controller acts under: a change applies only while it still holds it with this fence. */
export interface LeaseFence {
  readonly name: string;
  readonly holder: string;
  readonly fence: number;
}

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
      // A controller whose lease moved on (another took it over: the fence grew) writes nothing.
      if (lease !== undefined) {
        const held = await trx
          .selectFrom('controller_leases')
          .select('name')
          .where('name', '=', lease.name)
          .where('holder', '=', lease.holder)
          .where('fence', '=', lease.fence)
          .where('expires_at', '>', change.at)
          .executeTakeFirst();
        if (held === undefined) return null;
      }
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
  async verify(id: string): Promise<LedgerVerification> {
    let prev = genesisHash;
    let expectedSeq = 1;
    let count = 0;
    for (;;) {
      const rows = await this.#db
        .selectFrom('canary_events')
        .selectAll()
        .where('canary_id', '=', id)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) return { ok: false, events: count, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing` };
        if (r.prev_hash !== prev)
          return { ok: false, events: count, brokenAt: seq, reason: `event ${seq} does not link to event ${seq - 1}` };
        const hash = ledgerHash(prev, { canaryId: id, seq, at: Number(r.at), type: r.type, actor: r.actor, data: r.data });
        if (hash !== r.hash) return { ok: false, events: count, brokenAt: seq, reason: `event ${seq} was altered (hash mismatch)` };
        prev = hash;
        expectedSeq++;
        count++;
      }
    }
    if (count === 0) return { ok: false, events: 0, brokenAt: 1, reason: 'the ledger is empty' };
    return { ok: true, events: count, brokenAt: null, reason: null };
  }
}

/** Whether a driver error is the live-route unique index refusing a row (SQLite or PostgreSQL). */
function isLiveRouteClash(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === '23505') return constraint === 'canaries_live_route';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('canaries.route');
}

async function appendEvents(trx: Transaction<Database>, id: string, events: readonly CanaryEventInput[], at: number): Promise<void> {
  if (events.length === 0) return;
  const last = await trx
    .selectFrom('canary_events')
    .select(['seq', 'hash'])
    .where('canary_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last === undefined ? 0 : Number(last.seq);
  let prev = last?.hash ?? genesisHash;
  const rows: CanaryEventsTable[] = [];
  for (const e of events) {
    seq++;
    const data = JSON.stringify(e.data ?? null);
    const hash = ledgerHash(prev, { canaryId: id, seq, at, type: e.type, actor: e.actor, data });
    rows.push({ canary_id: id, seq, at, type: e.type, actor: e.actor, data, prev_hash: prev, hash });
    prev = hash;
  }
  await trx.insertInto('canary_events').values(rows).execute();
}

function toRow(r: Omit<CanaryRecord, 'generation' | 'updatedAt'>): Omit<CanariesTable, 'generation' | 'updated_at'> {
  return {
    id: r.id,
    spec: JSON.stringify(r.spec),
    stable: r.stable,
    candidate: r.candidate,
    created_by: r.createdBy,
    created_at: r.createdAt,
    state: r.state,
    step_index: r.stepIndex,
    weight: r.weight,
    step_started_at: r.stepStartedAt,
    analysis_started_at: r.analysisStartedAt,
    next_analysis_at: r.nextAnalysisAt,
    consecutive_failures: r.consecutiveFailures,
    looks: r.looks,
    resume_state: r.resumeState,
    reason: r.reason,
  };
}

function patchRow(p: CanaryPatch): Partial<CanariesTable> {
  const out: Partial<CanariesTable> = {};
  if (p.state !== undefined) out.state = p.state;
  if (p.stepIndex !== undefined) out.step_index = p.stepIndex;
  if (p.weight !== undefined) out.weight = p.weight;
  if (p.stepStartedAt !== undefined) out.step_started_at = p.stepStartedAt;
  if (p.analysisStartedAt !== undefined) out.analysis_started_at = p.analysisStartedAt;
  if (p.nextAnalysisAt !== undefined) out.next_analysis_at = p.nextAnalysisAt;
  if (p.consecutiveFailures !== undefined) out.consecutive_failures = p.consecutiveFailures;
  if (p.looks !== undefined) out.looks = p.looks;
  if (p.resumeState !== undefined) out.resume_state = p.resumeState;
  if (p.reason !== undefined) out.reason = p.reason;
  return out;
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

function fromRow(r: CanariesTable): CanaryRecord {
  return {
    id: r.id,
    spec: JSON.parse(r.spec) as unknown,
    stable: r.stable,
    candidate: r.candidate,
    state: r.state,
    stepIndex: Number(r.step_index),
    weight: Number(r.weight),
    stepStartedAt: num(r.step_started_at),
    analysisStartedAt: num(r.analysis_started_at),
    nextAnalysisAt: num(r.next_analysis_at),
    consecutiveFailures: Number(r.consecutive_failures),
    looks: Number(r.looks),
    generation: Number(r.generation),
    resumeState: r.resume_state,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function fromEventRow(r: CanaryEventsTable): CanaryEvent {
  return {
    canaryId: r.canary_id,
    seq: Number(r.seq),
    at: Number(r.at),
    type: r.type,
    actor: r.actor,
    data: JSON.parse(r.data) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
