import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, systemClock } from '@understudy/core';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDialect } from './open-dialect.js';

const dir = mkdtempSync(join(tmpdir(), 'us-open-dialect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The system clock's timers, except that each wait is recorded and `onWait` runs before it
 * (with the number of waits so far): a test releases a lock at a known retry instead of sleeping.
 */
function recordingClock(onWait: (waits: number) => void): Clock & { readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    now: systemClock.now,
    monotonic: systemClock.monotonic,
    setInterval: systemClock.setInterval,
    setTimeout(fn, ms) {
      waits.push(ms);
      onWait(waits.length);
      return systemClock.setTimeout(fn, 0);
    },
  };
}

/** A connection on a new, non-WAL file that holds its write lock until committed or rolled back. */
function holdWriteLock(file: string): SQLite.Database {
  const holder = new SQLite(file);
  holder.exec('create table earlier (x)');
  holder.exec('begin immediate');
  holder.exec('insert into earlier values (1)');
  return holder;
}

describe('openDialect on a SQLite file not yet in WAL', () => {
  // Switching to WAL reads the file, then upgrades to a write: SQLite refuses that upgrade at
  // once with SQLITE_BUSY while another connection holds the write lock — busy_timeout does not
  // apply to it. Two processes starting on one new file meet exactly this: one is switching
  // (holding the write lock) while the other asks to switch.
  it('waits out another connection holding the write lock, then switches', async () => {
    const file = join(dir, 'held.db');
    const holder = holdWriteLock(file);
    const clock = recordingClock((waits) => {
      if (waits === 3) holder.exec('commit');
    });
    const opened = await openDialect(file, { clock });
    try {
      expect(opened.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(clock.waits.length).toBeGreaterThanOrEqual(3);
      // Backing off, not spinning: each wait at least as long as the one before.
      expect(clock.waits).toEqual([...clock.waits].sort((a, b) => a - b));
    } finally {
      opened.sqlite?.close();
      holder.close();
    }
  });

  it('gives up with a coded error when the lock is never released', async () => {
    const file = join(dir, 'never.db');
    const holder = holdWriteLock(file);
    let elapsed = 0;
    // A clock whose every wait moves time on by that wait: the budget runs out without sleeping.
    const clock: Clock = {
      now: () => elapsed,
      monotonic: () => elapsed,
      setInterval: systemClock.setInterval,
      setTimeout(fn, ms) {
        elapsed += ms;
        return systemClock.setTimeout(fn, 0);
      },
    };
    try {
      await expect(openDialect(file, { clock })).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringMatching(/WAL.*database is locked/),
      });
      expect(elapsed).toBeGreaterThanOrEqual(5_000);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  });
});

describe('openDialect page size', () => {
  it('creates a new SQLite file with 16 KB pages and checkpoints its WAL every ≈ 4 MB', async () => {
    const opened = await openDialect(join(dir, 'new-pages.db'));
    try {
      expect(opened.sqlite?.pragma('page_size', { simple: true })).toBe(16_384);
      expect(opened.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(250);
    } finally {
      opened.sqlite?.close();
    }
  });

  it('keeps the page size of an existing file, and its rows', async () => {
    const file = join(dir, 'old-pages.db');
    const old = new SQLite(file);
    old.exec("create table kept (x); insert into kept values ('a row written at 4 KB pages')");
    old.close();
    const opened = await openDialect(file);
    try {
      expect(opened.sqlite?.pragma('page_size', { simple: true })).toBe(4_096);
      expect(opened.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
      expect(opened.sqlite?.prepare('select x from kept').pluck().all()).toEqual(['a row written at 4 KB pages']);
    } finally {
      opened.sqlite?.close();
    }
  });
});
