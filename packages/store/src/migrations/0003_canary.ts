import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/** Canaries, their hash-chained event ledger, idempotency keys, tap routing and the controller lease. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('canaries')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('stable', 'varchar(64)', (c) => c.notNull())
    .addColumn('candidate', 'varchar(64)', (c) => c.notNull())
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('step_started_at', 'bigint')
    .addColumn('analysis_started_at', 'bigint')
    .addColumn('next_analysis_at', 'bigint')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('looks', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('resume_state', 'varchar(32)')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('canaries_state').on('canaries').column('state').execute();

  await db.schema
    .createTable('canary_events')
    .addColumn('canary_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor', 'varchar(128)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('canary_events_pk', ['canary_id', 'seq'])
    .execute();

  await db.schema
    .createTable('canary_actions')
    .addColumn('canary_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('canary_actions_pk', ['canary_id', 'generation', 'action'])
    .execute();

  await db.schema
    .createTable('routing')
    .addColumn('route', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('primary_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('candidate', 'varchar(64)')
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('sticky', 'varchar(200)')
    .addColumn('fallback', 'integer', (c) => c.notNull())
    .addColumn('canary_id', 'varchar(32)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('controller_leases')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('fence', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('controller_leases').execute();
  await db.schema.dropTable('routing').execute();
  await db.schema.dropTable('canary_actions').execute();
  await db.schema.dropTable('canary_events').execute();
  await db.schema.dropTable('canaries').execute();
}
