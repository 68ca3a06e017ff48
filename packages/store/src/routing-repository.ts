import type { Kysely, Transaction } from 'kysely';
import type { RoutingSignal } from './routing-changes.js';
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

/**
 * Routes: what each tap serves. A route has a primary version (the one production gets) and at
 * most one canary candidate with its weight; the canary controller writes changes, a promotion
 * makes the candidate the primary, and taps hear of each change (`Store.routingChanges`) and
 * poll {@link RoutingRepository.stamp} as the fallback.
 */
export class RoutingRepository {
  readonly #db: Kysely<Database>;
  readonly #signal: RoutingSignal;

  constructor(db: Kysely<Database>, signal: RoutingSignal) {
    this.#db = db;
    this.#signal = signal;
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

  /**
   * What a tap serving `route` must watch, as one cheap query: the routing revision and the
   * upstream and headers of the versions it names. Any change to the routing or to those
   * versions (`versions add stable --upstream NEW`) changes the stamp; '0' while no routing exists.
   */
  async stamp(route: string): Promise<string> {
    const row = await this.#db
      .selectFrom('routing')
      .leftJoin('versions as p', 'p.name', 'routing.primary_version')
      .leftJoin('versions as c', 'c.name', 'routing.candidate')
      .select(['routing.revision', 'p.upstream as pu', 'p.headers as ph', 'c.upstream as cu', 'c.headers as ch'])
      .where('routing.route', '=', route)
      .executeTakeFirst();
    return row === undefined ? '0' : JSON.stringify([Number(row.revision), row.pu, row.ph, row.cu, row.ch]);
  }

  /**
   * Creates `route` serving `primary` when it does not exist yet; an existing route (one a
   * promotion moved to another version) is left as it is. Returns the route as stored.
   */
  async ensure(route: string, primary: string, now: number): Promise<Routing> {
    const { row, created } = await this.#db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('routing')
        .values({
          route,
          revision: 1,
          primary_version: primary,
          candidate: null,
          weight: 0,
          sticky: null,
          fallback: 0,
          canary_id: null,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('route').doNothing())
        .executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      if (created) await this.#signal.notifyIn(trx, { route });
      return { row: await trx.selectFrom('routing').selectAll().where('route', '=', route).executeTakeFirstOrThrow(), created };
    });
    if (created) await this.#signal.published({ route });
    return fromRow(row);
  }

  async list(): Promise<Routing[]> {
    const rows = await this.#db.selectFrom('routing').selectAll().orderBy('route').execute();
    return rows.map(fromRow);
  }

  /** Writes routing and bumps its revision; this process's taps serve it before this returns. */
  async set(write: RoutingWrite, now: number): Promise<Routing> {
    const routing = await this.#db.transaction().execute((trx) => writeRouting(trx, write, now, this.#signal));
    await this.#signal.published({ route: routing.route });
    return routing;
  }
}

/**
 * Writes routing inside a caller's transaction (so a canary transition and its routing commit
 * together), with the NOTIFY that tells other processes once it commits. The caller publishes
 * the change to this process after the commit (`RoutingSignal.published`).
 */
export async function writeRouting(trx: Transaction<Database>, write: RoutingWrite, now: number, signal: RoutingSignal): Promise<Routing> {
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
  await signal.notifyIn(trx, { route: write.route });
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
