import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/**
 * Content-addressed request storage: repeated request content (system prompt, tools, earlier
 * turns) is stored once as chains of `content_nodes`; an exchange keeps its body's skeleton in
 * `request_body` and, in `request_refs`, where each chain goes back (`[[offset, head], …]`).
 * Rows written before this migration keep `request_refs` null and their whole body.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bytes } = columnTypes(db);
  await db.schema
    .createTable('content_nodes')
    .addColumn('hash', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('parent', 'varchar(32)')
    .addColumn('bytes', bytes, (c) => c.notNull())
    .execute();
  await db.schema.alterTable('exchanges').addColumn('request_refs', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exchanges').dropColumn('request_refs').execute();
  await db.schema.dropTable('content_nodes').execute();
}
