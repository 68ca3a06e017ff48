import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { openDialect } from './open-dialect.js';
import type { Database } from './schema.js';

/** One process's use of a SQLite file: its connection and kysely instance, and how many stores hold them. */
interface SharedFile {
  readonly db: Kysely<Database>;
  readonly sqlite: SQLite.Database | undefined;
  refs: number;
}

const files = new Map<string, Promise<SharedFile>>();

/** A store's database: `release` closes it (a shared SQLite file's, once no store in the process holds it). */
export interface HeldDatabase {
  readonly db: Kysely<Database>;
  readonly sqlite: SQLite.Database | undefined;
  release(): Promise<void>;
}

/**
 * The one connection this process keeps on a SQLite file, shared by every store opened on it.
 * better-sqlite3 waits for another connection's lock synchronously (busy_timeout): two
 * connections of one thread, one inside a transaction that awaits, stalled the thread that had
 * to finish it, then failed with "database is locked". One connection behind kysely's own
 * queue serializes them instead. Other processes and the capture writer thread keep their own
 * connections (WAL and busy_timeout serve them). `:memory:` is a new database each time.
 */
export async function holdSqlite(url: string): Promise<HeldDatabase> {
  if (url === ':memory:') {
    const opened = await openConnection(url);
    return { db: opened.db, sqlite: opened.sqlite, release: () => opened.db.destroy() };
  }
  const key = fileKey(url);
  let pending = files.get(key);
  if (pending === undefined) {
    pending = openConnection(url);
    files.set(key, pending);
    pending.catch(() => files.delete(key));
  }
  const shared = await pending;
  shared.refs++;
  let released = false;
  return {
    db: shared.db,
    sqlite: shared.sqlite,
    release: async () => {
      if (released) return;
      released = true;
      if (--shared.refs > 0) return;
      files.delete(key);
      await shared.db.destroy();
    },
  };
}

async function openConnection(url: string): Promise<SharedFile> {
  const { dialect, sqlite } = await openDialect(url);
  return { db: new Kysely<Database>({ dialect }), sqlite, refs: 0 };
}

/** The file's canonical path (symlinks and `..` resolved where the file exists). */
function fileKey(url: string): string {
  const path = resolve(url);
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
