import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/**
 * One row per tap process that captured (a capture run): how many rows it stored, counted in the
 * same transaction as each batch, and — once it ended, or once a later start on its host found it
 * killed — how many captures it accepted and how many of those never reached the store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('capture_runs')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('host', 'varchar(255)', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('stored', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'bigint')
    .addColumn('end_reason', 'varchar(16)')
    .addColumn('accepted', 'bigint')
    .addColumn('refused', 'bigint')
    .addColumn('lost', 'bigint')
    .execute();
  await db.schema.createIndex('capture_runs_open').on('capture_runs').columns(['host', 'ended_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('capture_runs').execute();
}
