import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/**
 * PostgreSQL only: `exchanges.seq`, a number given to each row as it is inserted, indexed, so the
 * retention's content sweep can read "the exchanges stored since I last looked" in pages, as it
 * does by `rowid` on SQLite (which already numbers rows this way, so nothing is added there).
 * Adding the column numbers the existing rows once (PostgreSQL rewrites the table).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .alterTable('exchanges')
    .addColumn('seq', 'bigint', (c) => c.generatedByDefaultAsIdentity().notNull())
    .execute();
  await db.schema.createIndex('exchanges_seq').on('exchanges').column('seq').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.dropIndex('exchanges_seq').execute();
  await db.schema.alterTable('exchanges').dropColumn('seq').execute();
}
