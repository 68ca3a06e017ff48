import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { UnderstudyError } from '@understudy/core';

/** Kernel file systems: a database there is a mistake, and mkdir in them can misbehave. */
const virtualRoots = ['/proc', '/sys', '/dev'];

/**
 * Checks a SQLite file's directory before anything is created: the nearest existing ancestor
 * must be a writable directory outside the kernel's virtual file systems. Only then are the
 * missing directories made. A bad `UNDERSTUDY_DB` is one clear `invalid_config` error at start,
 * not a `mkdir` that hangs or fails half-way.
 */
export function prepareSqliteDirectory(file: string): void {
  const dir = resolve(dirname(file));
  for (const root of virtualRoots) if (dir === root || dir.startsWith(`${root}${sep}`)) throw bad(file, `${root} is a virtual file system`);
  let existing = dir;
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(existing).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === false) throw bad(file, `${existing} is not a directory`);
    if (isDir === true) break;
    const parent = dirname(existing);
    if (parent === existing) throw bad(file, 'no existing directory above it');
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw bad(file, `${existing} is not writable`);
  }
  if (existing !== dir) mkdirSync(dir, { recursive: true });
}

function bad(file: string, why: string): UnderstudyError {
  return new UnderstudyError('invalid_config', `db "${file}" cannot hold a SQLite file: ${why} (set UNDERSTUDY_DB to a writable path)`, {
    details: { path: 'db' },
  });
}
