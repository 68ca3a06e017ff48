import SQLite from 'better-sqlite3';
import { type Dialect, PostgresDialect } from 'kysely';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect.js';
import { prepareSqliteDirectory } from './prepare-sqlite-directory.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface OpenedDialect {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  /** The SQLite connection itself, for the few hot paths that run a cached prepared statement. */
  readonly sqlite?: SQLite.Database;
}

/** `postgres://…` (or `postgresql://…`) selects PostgreSQL; anything else is a SQLite file path. */
export function storeKind(url: string): StoreKind {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export async function openDialect(url: string, options: { poolSize?: number } = {}): Promise<OpenedDialect> {
  if (storeKind(url) === 'postgres') {
    // Loaded only here: a SQLite tap (and its capture writer thread) never pays for the driver.
    const { default: pg } = await import('pg');
    const int8 = 20;
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // Epoch milliseconds and sizes fit a double exactly; read BIGINT as a number.
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === int8 ? Number : pg.types.getTypeParser(oid, format)) },
    });
    return { kind: 'postgres', dialect: new PostgresDialect({ pool }) };
  }
  if (url !== ':memory:') prepareSqliteDirectory(url);
  const database = new SQLite(url);
  // WAL lets readers (the control plane, other processes) run beside the single writer;
  // busy_timeout makes concurrent writers from several processes wait instead of failing.
  // Before any table exists (a new file), so retention's incremental_vacuum can shrink it later;
  // a no-op on an existing file (`understudy prune --vacuum` converts one).
  database.pragma('auto_vacuum = INCREMENTAL');
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // SQLite's LIKE folds ASCII case, PostgreSQL's does not: path globs must select the same
  // exchanges on both (URL paths are case-sensitive).
  database.pragma('case_sensitive_like = ON');
  return { kind: 'sqlite', dialect: new ImmediateSqliteDialect({ database }), sqlite: database };
}
