import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli-io.js';

export interface CapturedIo {
  readonly io: CliIo;
  /** The command's working directory (a fresh temporary one unless given). */
  readonly dir: string;
  out(): string;
  err(): string;
  /** Forgets what was written so far. */
  reset(): void;
}

/**
 * A {@link CliIo} that records stdout and stderr, for running commands in-process. The store is
 * a SQLite file in `dir` (`UNDERSTUDY_DB`), so every test gets its own.
 */
export function captureIo(options: { dir?: string; env?: Record<string, string>; isTty?: boolean; dbFile?: string } = {}): CapturedIo {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'us-cli-'));
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTty: options.isTty ?? false,
    env: { UNDERSTUDY_DB: join(dir, options.dbFile ?? 'test.db'), ...options.env },
    cwd: dir,
  };
  return {
    io,
    dir,
    out: () => out,
    err: () => err,
    reset: () => {
      out = '';
      err = '';
    },
  };
}
