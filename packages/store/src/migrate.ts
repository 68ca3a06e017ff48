import { type Kysely, Migrator, sql } from 'kysely';
import { storeError } from './errors.js';
import { migrationProvider } from './migrations/index.js';
import type { StoreKind } from './open-dialect.js';
import type { Database } from './schema.js';

/** Our own PostgreSQL advisory-lock key for migrations (any constant; distinct from kysely's). */
const migrationLockKey = 0x756e6465_7273_7475n;

/**
 * Runs pending migrations under a lock that spans processes, so several processes starting on
 * one empty database at once (`start` beside `egress`, a fleet of taps) never race to create the
 * same table: a session advisory lock on PostgreSQL, a write transaction (`BEGIN IMMEDIATE`) on
 * SQLite, which also makes the whole set of pending migrations apply all or nothing. kysely's own
 * migration lock is a no-op on SQLite, and on PostgreSQL it is taken only after the migration
 * tables are created, which itself can race. A failure names the migration that failed.
 */
export async function migrate(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  await db.connection().execute(async (conn) => {
    if (kind === 'postgres') {
      await sql`select pg_advisory_lock(${sql.lit(migrationLockKey)})`.execute(conn);
      try {
        await migrateToLatest(conn);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(migrationLockKey)})`.execute(conn);
      }
      return;
    }
    // The wait for another process's write lock is the connection's busy_timeout.
    await sql`begin immediate`.execute(conn);
    try {
      await migrateToLatest(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
    await sql`commit`.execute(conn);
  });
}

async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw storeError(`migration ${failed} failed`, error);
  }
}
