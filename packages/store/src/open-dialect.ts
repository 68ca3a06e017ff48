import { type Clock, systemClock, UnderstudyError } from '@understudy/core';
import SQLite from 'better-sqlite3';
import { type Dialect, PostgresDialect } from 'kysely';
import { storeError } from './errors.js';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect.js';
import { prepareSqliteDirectory } from './prepare-sqlite-directory.js';
import { switchToWal } from './switch-to-wal.js';

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

/** How long a SQLite connection waits for another's lock before SQLITE_BUSY ("database is locked"). */
const sqliteBusyTimeoutMs = 5_000;

/**
 * The page size of a new SQLite file. A captured short exchange is a ≈ 2.7 KB row: at SQLite's
 * default 4 KB each row takes most of a page of its own, and every page a commit changed is a WAL
 * frame written by two `pwrite` calls (its header, its page). At 16 KB a page holds five such rows:
 * the capture writer's insert path (`npm run bench:capture:page-size`, batches of 100) cost 31.8
 * → 18.9 µs of CPU per row, 3.4 → 0.7 write calls. A file keeps the page size it was created with.
 */
export const sqlitePageBytes = 16_384;

/**
 * WAL bytes between automatic checkpoints, whatever a file's page size: SQLite's default is
 * 1 000 pages (4 MB at 4 KB pages), which at 16 KB pages would let the WAL file grow to 16 MB.
 */
const walCheckpointBytes = 4_096_000;

export interface OpenDialectOptions {
  readonly poolSize?: number;
  /**
   * Times the waits of opening a SQLite file while other processes hold it (default: the system
   * clock). Not the store's clock: a test's manual clock would never end such a wait.
   */
  readonly clock?: Pick<Clock, 'monotonic' | 'setTimeout'>;
}

export async function openDialect(url: string, options: OpenDialectOptions = {}): Promise<OpenedDialect> {
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
  try {
    // First: busy_timeout makes this connection wait for other processes' locks instead of
    // failing, from its first statement on (auto_vacuum below writes to a new file).
    database.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
    // Before any table exists and before WAL (a new file); a no-op on an existing one.
    database.pragma(`page_size = ${sqlitePageBytes}`);
    // Before any table exists (a new file), so retention's incremental_vacuum can shrink it later;
    // a no-op on an existing file (`understudy prune --vacuum` converts one).
    database.pragma('auto_vacuum = INCREMENTAL');
    // WAL lets readers (the control plane, other processes) run beside the single writer.
    await switchToWal(database, { clock: options.clock ?? systemClock, budgetMs: sqliteBusyTimeoutMs });
  } catch (error) {
    database.close();
    throw error instanceof UnderstudyError ? error : storeError(`could not open the SQLite file ${url}`, error);
  }
  database.pragma('synchronous = NORMAL');
  const pageBytes = Number(database.pragma('page_size', { simple: true }));
  database.pragma(`wal_autocheckpoint = ${Math.max(1, Math.round(walCheckpointBytes / pageBytes))}`);
  database.pragma('foreign_keys = ON');
  // SQLite's LIKE folds ASCII case, PostgreSQL's does not: path globs must select the same
  // exchanges on both (URL paths are case-sensitive).
  database.pragma('case_sensitive_like = ON');
  return { kind: 'sqlite', dialect: new ImmediateSqliteDialect({ database }), sqlite: database };
}
