import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new numbered file instead.

/**
 * Fewer index entries per captured exchange: every captured row paid a B-tree insert into each of
 * `exchanges`' secondary indexes, and most of those rows are live ones no lookup by parent or by
 * exact path needs.
 * - `exchanges_parent_id` becomes partial (`parent_id is not null`): only shadow and replay rows
 *   have a parent, and the one lookup by it (`parent_id = ?`, the API's `parent` filter) implies
 *   the predicate, so SQLite and PostgreSQL both still use it; a live row adds no entry.
 * - `exchanges_path` goes: globs (`--path`, `like … escape`) never used it (case-insensitive on
 *   SQLite, collation-bound on PostgreSQL), and an exact path over LLM traffic's handful of
 *   endpoints is better answered newest-first along the id key than by the index plus a sort of
 *   every row on that path.
 * `exchanges_started_at` (retention, time filters) and `exchanges_version_started_at` (the
 * canary's analysis) stay. `exchange-indexes.test.ts` checks each of those queries' plans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('exchanges_path').execute();
  await db.schema.dropIndex('exchanges_parent_id').execute();
  await db.schema
    .createIndex('exchanges_parent_id')
    .on('exchanges')
    .column('parent_id')
    .where(sql<boolean>`parent_id is not null`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('exchanges_parent_id').execute();
  await db.schema.createIndex('exchanges_parent_id').on('exchanges').column('parent_id').execute();
  await db.schema.createIndex('exchanges_path').on('exchanges').column('path').execute();
}
