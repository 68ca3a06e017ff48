import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('replay_runs')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text')
    .addColumn('planned', 'integer')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema.createIndex('replay_runs_created_at').on('replay_runs').column('created_at').execute();

  await db.schema
    .createTable('replay_results')
    .addColumn('run_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('exchange_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'varchar(32)')
    .addColumn('baseline_id', 'varchar(32)')
    .addColumn('verdict', 'varchar(16)', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('score_over_noise', 'double precision')
    .addColumn('original_status', 'integer')
    .addColumn('candidate_status', 'integer')
    .addColumn('original_ms', 'double precision')
    .addColumn('candidate_ms', 'double precision')
    .addColumn('original_tokens', 'integer')
    .addColumn('candidate_tokens', 'integer')
    .addColumn('original_cost', 'double precision')
    .addColumn('candidate_cost', 'double precision')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_message', 'text')
    .addColumn('report', 'text')
    .addColumn('baseline_report', 'text')
    .addColumn('completed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('replay_results_pk', ['run_id', 'exchange_id'])
    .execute();
  await db.schema.createIndex('replay_results_run_seq').on('replay_results').columns(['run_id', 'seq']).execute();
  await db.schema.createIndex('replay_results_run_verdict').on('replay_results').columns(['run_id', 'verdict']).execute();

  await db.schema
    .createTable('shadow_comparisons')
    .addColumn('exchange_id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('verdict', 'varchar(16)', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('score_over_noise', 'double precision')
    .addColumn('report', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shadow_comparisons_created_at').on('shadow_comparisons').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shadow_comparisons').execute();
  await db.schema.dropTable('replay_results').execute();
  await db.schema.dropTable('replay_runs').execute();
}
