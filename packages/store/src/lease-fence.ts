import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/** The lease a controller acts under: a change applies only while it still holds it with this fence. */
export interface LeaseFence {
  readonly name: string;
  readonly holder: string;
  readonly fence: number;
}

/**
 * Whether `lease` is still held with its fence at `at`, decided in `trx` so that it stays true
 * until `trx` ends: a conditional update of the lease row that changes nothing, whose affected-row
 * count decides. It holds the row's write lock, so a takeover (`LeaseRepository.tryAcquire`, an
 * update of the same row) waits for `trx` to commit and the controller that lost the lease can
 * write no transition after it; a takeover that committed first has grown the fence, and this
 * finds no row. A plain read did neither on PostgreSQL (read committed): both controllers could
 * pass it.
 */
export async function holdLease(trx: Transaction<Database>, lease: LeaseFence, at: number): Promise<boolean> {
  const held = await trx
    .updateTable('controller_leases')
    .set({ fence: lease.fence })
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .where('fence', '=', lease.fence)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(held.numUpdatedRows) === 1;
}
