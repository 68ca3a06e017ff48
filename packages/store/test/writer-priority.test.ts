import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteWorkerSink, sqliteWriterProcess } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The writer's niceness is Linux's per-task nice value (/proc/PID/task/TID/stat, field 19).
const linux = existsSync('/proc/thread-self');

/** The nice value of a task from its `stat` line (the fields after the parenthesised name). */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 19 of the whole line is the 17th after the name (state is field 3).
  return Number(fields[16]);
}

/** This process's threads by their nice value. */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`));
}

/** The nice values of this process's children. */
function childNices(): number[] {
  const children = readdirSync('/proc/self/task').flatMap((tid) =>
    readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(' ').filter(Boolean),
  );
  return children.flatMap((pid) => (existsSync(`/proc/${pid}/stat`) ? [niceOf(`/proc/${pid}/stat`)] : []));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-writer-priority-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Raises the calling thread's nice value by `steps` (irreversible without privilege: a few steps, for the rest of this file). */
function lowerOwnThread(steps: number): number {
  const now = niceOf('/proc/thread-self/stat');
  const nice = Math.min(19, now + steps);
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), nice);
  return nice;
}

describe.runIf(linux)('the capture writer yields the CPU to the proxy', () => {
  it('runs the writer thread its niceness below the thread that started it, the rest of the process untouched', async () => {
    const mainBefore = niceOf('/proc/thread-self/stat');
    const sink = sqliteWorkerSink({ url: join(dir, 'thread.db'), niceness: 3 });
    try {
      // A write is answered only once the writer has started (and set its priority first).
      await sink.write([]);
      expect(threadNices().filter((n) => n === Math.min(19, mainBefore + 3))).toHaveLength(1);
      expect(niceOf('/proc/thread-self/stat')).toBe(mainBefore);
    } finally {
      await sink.close();
    }
  });

  it('runs the writer process its niceness below its parent', async () => {
    const parent = niceOf('/proc/thread-self/stat');
    const writer = sqliteWriterProcess({ url: join(dir, 'process.db'), niceness: 2 });
    try {
      await writer.write([]);
      expect(childNices()).toContain(Math.min(19, parent + 2));
    } finally {
      await writer.close();
    }
  }, 30_000);

  it('keeps the gap under a proxy that itself runs lowered (a tap started with `nice`), capped at 19', async () => {
    // Below this thread by 2 first, so the gap, not the value, is what is checked: an absolute
    // nice value of 2 would be no lower than this thread at all.
    const proxy = lowerOwnThread(2);
    const thread = sqliteWorkerSink({ url: join(dir, 'lowered-thread.db'), niceness: 2 });
    const process = sqliteWriterProcess({ url: join(dir, 'lowered-process.db'), niceness: 3 });
    const capped = sqliteWorkerSink({ url: join(dir, 'capped.db'), niceness: 19 });
    try {
      await Promise.all([thread.write([]), process.write([]), capped.write([])]);
      const nices = threadNices();
      expect(nices).toContain(Math.min(19, proxy + 2));
      expect(nices).toContain(19);
      expect(childNices()).toContain(Math.min(19, proxy + 3));
    } finally {
      await Promise.all([thread.close(), process.close(), capped.close()]);
    }
  }, 30_000);

  it('leaves the writer at its parent priority with niceness 0', async () => {
    // The parent's own nice value, not 0: the suite may run under `nice`, which every new thread inherits.
    const parent = niceOf('/proc/thread-self/stat');
    const before = threadNices().filter((n) => n !== parent).length;
    const sink = sqliteWorkerSink({ url: join(dir, 'zero.db'), niceness: 0 });
    try {
      await sink.write([]);
      expect(threadNices().filter((n) => n !== parent)).toHaveLength(before);
    } finally {
      await sink.close();
    }
  });
});
