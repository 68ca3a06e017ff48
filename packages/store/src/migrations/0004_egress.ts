import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/** Tool calls seen by the egress proxy (issue 5): live recordings and shadow/replay answers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bytes } = columnTypes(db);
  await db.schema
    .createTable('tool_calls')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('exchange_id', 'varchar(32)')
    .addColumn('attempt_id', 'varchar(32)')
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('destination', 'varchar(64)', (c) => c.notNull())
    .addColumn('policy', 'varchar(16)', (c) => c.notNull())
    .addColumn('method', 'varchar(16)', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('body_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('request_headers', 'text', (c) => c.notNull())
    .addColumn('request_body', bytes, (c) => c.notNull())
    .addColumn('request_size', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response_headers', 'text', (c) => c.notNull())
    .addColumn('response_body', bytes, (c) => c.notNull())
    .addColumn('response_size', 'integer', (c) => c.notNull())
    .addColumn('response_truncated', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('match', 'varchar(16)', (c) => c.notNull())
    .addColumn('matched_id', 'varchar(32)')
    .addColumn('ttfb_ms', 'double precision')
    .addColumn('duration_ms', 'double precision')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('cost_usd', 'double precision')
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema.createIndex('tool_calls_exchange').on('tool_calls').columns(['exchange_id', 'role', 'seq']).execute();
  await db.schema.createIndex('tool_calls_attempt').on('tool_calls').columns(['attempt_id', 'seq']).execute();
  await db.schema.createIndex('tool_calls_started_at').on('tool_calls').column('started_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tool_calls').execute();
}
