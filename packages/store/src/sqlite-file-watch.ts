import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** What became of a SQLite file since {@link SqliteFileWatch.remember}. */
export type SqliteFileState = 'same' | 'replaced' | 'directory_gone';

export interface SqliteFileWatch {
  /** Records the identity (device and inode) of the file as it is now. */
  remember(): void;
  /** `replaced` also covers a file deleted from a directory that still exists. */
  check(): SqliteFileState;
}

/**
 * Watches a SQLite database's path for the file under an open connection being deleted or
 * swapped: the connection cannot notice (writes go on into the unlinked inode), so a writer asks
 * before each batch. `:memory:` never changes.
 */
export function watchSqliteFile(path: string): SqliteFileWatch {
  let known: { dev: number; ino: number } | undefined;
  const identity = () => {
    const s = statSync(path, { throwIfNoEntry: false });
    return s === undefined ? undefined : { dev: s.dev, ino: s.ino };
  };
  return {
    remember() {
      if (path !== ':memory:') known = identity();
    },
    check() {
      if (path === ':memory:') return 'same';
      const now = identity();
      if (now !== undefined && known !== undefined && now.dev === known.dev && now.ino === known.ino) return 'same';
      if (now === undefined && !existsSync(dirname(path))) return 'directory_gone';
      return 'replaced';
    },
  };
}
