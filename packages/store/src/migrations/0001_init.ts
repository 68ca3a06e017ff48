import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  const { bytes } = columnTypes(db);
  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('method', 'varchar(16)', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('request_headers', 'text', (c) => c.notNull())
    .addColumn('request_body', bytes, (c) => c.notNull())
    .addColumn('request_size', 'bigint', (c) => c.notNull())
    .addColumn('request_truncated', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response_headers', 'text', (c) => c.notNull())
    .addColumn('response_body', bytes, (c) => c.notNull())
    .addColumn('response_size', 'bigint', (c) => c.notNull())
    .addColumn('response_truncated', 'integer', (c) => c.notNull())
    .addColumn('streamed', 'integer', (c) => c.notNull())
    .addColumn('sse_events', 'text')
    .addColumn('ttfb_ms', 'double precision')
    .addColumn('duration_ms', 'double precision')
    .addColumn('version', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(32)')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('cost_usd', 'double precision')
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema.createIndex('exchanges_started_at').on('exchanges').column('started_at').execute();
  await db.schema.createIndex('exchanges_version_started_at').on('exchanges').columns(['version', 'started_at']).execute();
  await db.schema.createIndex('exchanges_path').on('exchanges').column('path').execute();
  await db.schema.createIndex('exchanges_parent_id').on('exchanges').column('parent_id').execute();

  await db.schema
    .createTable('versions')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('upstream', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meta').execute();
  await db.schema.dropTable('versions').execute();
  await db.schema.dropTable('exchanges').execute();
}
