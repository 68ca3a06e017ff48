import type { Clock } from '@understudy/core';
import type SQLite from 'better-sqlite3';
import { storeError } from './errors.js';

export interface SwitchToWalOptions {
  readonly clock: Pick<Clock, 'monotonic' | 'setTimeout'>;
  /** How long to keep trying while other connections hold the file's locks (the busy_timeout). */
  readonly budgetMs: number;
}

/** The first wait after a refused switch, doubled per refusal up to {@link maxWaitMs}. */
const firstWaitMs = 2;
const maxWaitMs = 100;

/**
 * Puts a SQLite file in WAL mode, waiting out other connections instead of failing. Switching
 * reads the file, then upgrades that read to a write; SQLite refuses such an upgrade at once with
 * SQLITE_BUSY while another connection holds the write lock, and busy_timeout does not apply to
 * it (waiting could deadlock). Processes starting together on a new file meet exactly this: one
 * is switching while another asks to. The switch is made once per file and kept in it, so a
 * retry soon finds the file already in WAL. Retries back off up to `budgetMs`, then fail coded.
 * Returns the journal mode the file ends in (`memory` for `:memory:`).
 */
export async function switchToWal(database: SQLite.Database, options: SwitchToWalOptions): Promise<string> {
  const { clock, budgetMs } = options;
  const start = clock.monotonic();
  for (let wait = firstWaitMs; ; wait = Math.min(maxWaitMs, wait * 2)) {
    try {
      return String(database.pragma('journal_mode = WAL', { simple: true }));
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (clock.monotonic() - start >= budgetMs) throw storeError(`could not switch the SQLite file to WAL within ${budgetMs} ms`, error);
    }
    await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, …). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
