import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The few column types SQLite and PostgreSQL spell differently. Migrations ask here, so one
 * migration file runs unchanged on both.
 */
export function columnTypes(db: Kysely<unknown>): { bytes: 'blob' | 'bytea' } {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return { bytes: postgres ? 'bytea' : 'blob' };
}
