import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Where a tap serving `route` sends traffic; `revision` grows with every change. */
export interface Routing {
  readonly route: string;
  readonly revision: number;
  /** The version that serves everything not sent to the candidate. */
  readonly primary: string;
  readonly candidate: string | null;
  /** Percent of traffic (0..100) on the candidate. */
  readonly weight: number;
  /** `header:NAME`, `cookie:NAME`, `json:$.path`, or null to split per request. */
  readonly sticky: string | null;
  /** Serve from the primary when the candidate fails to connect or answers 5xx. */
  readonly fallback: boolean;
  readonly canaryId: string | null;
  readonly updatedAt: number;
}

export type RoutingWrite = Omit<Routing, 'revision' | 'updatedAt'>;

/** Tap routing, read by every tap (polling the revision) and written by the canary controller. */
export class RoutingRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(route: string): Promise<Routing | undefined> {
    const row = await this.#db.selectFrom('routing').selectAll().where('route', '=', route).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** The current revision of `route`, 0 when never written: the cheap query taps poll. */
  async revision(route: string): Promise<number> {
    const row = await this.#db.selectFrom('routing').select('revision').where('route', '=', route).executeTakeFirst();
    return row === undefined ? 0 : Number(row.revision);
  }

  async list(): Promise<Routing[]> {
    const rows = await this.#db.selectFrom('routing').selectAll().orderBy('route').execute();
    return rows.map(fromRow);
  }

  /** Writes routing and bumps its revision. */
  async set(write: RoutingWrite, now: number): Promise<Routing> {
    return this.#db.transaction().execute((trx) => writeRouting(trx, write, now));
  }
}

/** Writes routing inside a caller's transaction (so a canary transition and its routing commit together). */
export async function writeRouting(trx: Transaction<Database>, write: RoutingWrite, now: number): Promise<Routing> {
  const values = {
    primary_version: write.primary,
    candidate: write.candidate,
    weight: write.weight,
    sticky: write.sticky,
    fallback: write.fallback ? 1 : 0,
    canary_id: write.canaryId,
    updated_at: now,
  };
  const updated = await trx
    .updateTable('routing')
    .set((eb) => ({ ...values, revision: eb('revision', '+', 1) }))
    .where('route', '=', write.route)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx
      .insertInto('routing')
      .values({ route: write.route, revision: 1, ...values })
      .execute();
  }
  const row = await trx.selectFrom('routing').selectAll().where('route', '=', write.route).executeTakeFirstOrThrow();
  return fromRow(row);
}

function fromRow(r: Database['routing']): Routing {
  return {
    route: r.route,
    revision: Number(r.revision),
    primary: r.primary_version,
    candidate: r.candidate,
    weight: Number(r.weight),
    sticky: r.sticky,
    fallback: r.fallback === 1,
    canaryId: r.canary_id,
    updatedAt: Number(r.updated_at),
  };
}
