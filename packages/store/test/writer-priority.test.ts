import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe.runIf(linux)('the capture writer yields the CPU to the proxy', () => {
  it('runs the writer thread at the nice value it was given, the rest of the process untouched', async () => {
    const mainBefore = niceOf('/proc/thread-self/stat');
    const sink = sqliteWorkerSink({ url: join(dir, 'thread.db'), niceness: 13 });
    try {
      // A write is answered only once the writer has started (and set its priority first).
      await sink.write([]);
      expect(threadNices().filter((n) => n === 13)).toHaveLength(1);
      expect(niceOf('/proc/thread-self/stat')).toBe(mainBefore);
    } finally {
      await sink.close();
    }
  });

  it('runs the writer process at the nice value it was given', async () => {
    const writer = sqliteWriterProcess({ url: join(dir, 'process.db'), niceness: 11 });
    try {
      await writer.write([]);
      expect(childNices()).toContain(11);
    } finally {
      await writer.close();
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
