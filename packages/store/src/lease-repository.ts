import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The outcome of a lease attempt. `fence` grows each time the lease changes hands. */
export interface LeaseState {
  readonly held: boolean;
  readonly holder: string;
  readonly expiresAt: number;
  readonly fence: number;
}

/**
 * A named lease row: whoever holds an unexpired lease is the one active controller. Taking
 * over an expired lease is a compare-and-set on (holder, expires_at), so two contenders
 * cannot both win.
 */
export class LeaseRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Acquires or renews `name` for `holder` until `now + ttlMs`, unless someone else holds it. */
  async tryAcquire(name: string, holder: string, ttlMs: number, now: number): Promise<LeaseState> {
    const expiresAt = now + ttlMs;
    const current = await this.#db.selectFrom('controller_leases').selectAll().where('name', '=', name).executeTakeFirst();
    if (current === undefined) {
      try {
        await this.#db.insertInto('controller_leases').values({ name, holder, expires_at: expiresAt, fence: 1 }).execute();
        return { held: true, holder, expiresAt, fence: 1 };
      } catch {
        // Another contender inserted first; read who won.
        return this.#state(name, holder);
      }
    }
    const mine = current.holder === holder;
    if (!mine && Number(current.expires_at) > now) return this.#state(name, holder);
    const fence = mine ? Number(current.fence) : Number(current.fence) + 1;
    const result = await this.#db
      .updateTable('controller_leases')
      .set({ holder, expires_at: expiresAt, fence })
      .where('name', '=', name)
      .where('holder', '=', current.holder)
      .where('expires_at', '=', current.expires_at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return { held: true, holder, expiresAt, fence };
    return this.#state(name, holder);
  }

  /** Gives the lease up so a successor need not wait for it to expire. */
  async release(name: string, holder: string): Promise<void> {
    await this.#db.updateTable('controller_leases').set({ expires_at: 0 }).where('name', '=', name).where('holder', '=', holder).execute();
  }

  async #state(name: string, me: string): Promise<LeaseState> {
    const row = await this.#db.selectFrom('controller_leases').selectAll().where('name', '=', name).executeTakeFirst();
    if (row === undefined) return { held: false, holder: '', expiresAt: 0, fence: 0 };
    return { held: false, holder: row.holder === me ? '' : row.holder, expiresAt: Number(row.expires_at), fence: Number(row.fence) };
  }
}
