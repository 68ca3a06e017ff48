import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from './schema.js';

/** PostgreSQL advisory-lock key between content writers and the content sweep (any constant; distinct from the migration lock's). */
const contentSweepLockKey = 0x756e6465_7273_7765n;

/**
 * Called by every transaction that stores exchanges with content references, BEFORE it looks up
 * which nodes exist: on PostgreSQL it takes the content lock shared (held to commit), so a sweep
 * batch never runs between that look-up and the commit of the rows that reuse what it found. The
 * look-up that follows sees every batch committed before it (read committed: a new snapshot per
 * statement), so a node a batch deleted is written again. SQLite needs nothing: its writes are
 * serialized by the write lock, which the sweep's batches take too.
 */
export async function shareContentLock(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock_shared(${sql.lit(contentSweepLockKey)})`.execute(trx);
}

/**
 * The content sweep's side (PostgreSQL): waits for every content-writing transaction in flight to
 * commit and keeps new ones out until this transaction ends — kept short, one batch.
 */
export async function takeContentLock(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(contentSweepLockKey)})`.execute(trx);
}
