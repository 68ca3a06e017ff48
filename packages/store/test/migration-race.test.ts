import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store.js';
import { freshPostgresUrl, hasPostgres } from './postgres.js';

const child = fileURLToPath(new URL('./fixtures/open-store-child.ts', import.meta.url));

/** A child that opens the store on each URL it is sent, answering one line per open. */
interface Racer {
  send(url: string, at: number): void;
  answer(): Promise<string>;
  kill(): void;
}

function startRacer(): Racer {
  const proc: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  const lines = proc.stdout === null ? undefined : createInterface({ input: proc.stdout });
  lines?.on('line', (line) => {
    const next = waiting.shift();
    if (next === undefined) answers.push(line);
    else next(line);
  });
  proc.on('exit', (code) => {
    for (const next of waiting.splice(0)) next(`fail exited with ${code}`);
  });
  return {
    send: (url, at) => proc.stdin?.write(`${url} ${at}\n`),
    answer: () => {
      const line = answers.shift();
      return line === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(line);
    },
    kill: () => proc.kill(),
  };
}

/**
 * A busy loop on another thread for at most `ms`, so the racers run on a loaded machine (the
 * CI runs that saw "database is locked" ran at load ~5): a preempted racer holds its lock
 * longer, which widens every window between two processes' lock steps.
 */
function busyLoop(ms: number): Worker {
  return new Worker(`const end = Date.now() + ${ms}; for (let i = 0; i < 1e12 && Date.now() < end; i++);`, { eval: true });
}

/** One database to open at once; `beside` runs in this process as the racers start at `at`. */
interface Round {
  readonly url: string;
  readonly beside?: (at: number) => Promise<void>;
}

/**
 * `racers` processes open each round's new database all at once (their starts aligned on the
 * wall clock), and every open must succeed. Answers are the failures, one per racer and round.
 */
async function race(racers: number, rounds: AsyncIterable<Round>, load: boolean): Promise<string[]> {
  const procs = Array.from({ length: racers }, startRacer);
  const busy = load ? busyLoop(60_000) : undefined;
  const failures: string[] = [];
  try {
    for (const proc of procs) expect(await proc.answer()).toBe('ready');
    for await (const { url, beside } of rounds) {
      const at = Date.now() + 5;
      for (const proc of procs) proc.send(url, at);
      const besides = beside?.(at);
      for (const proc of procs) {
        const answer = await proc.answer();
        if (answer !== 'ok') failures.push(answer);
      }
      await besides;
    }
  } finally {
    for (const proc of procs) proc.kill();
    await busy?.terminate();
  }
  return failures;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Another process's first start caught half-way: it has created the file and holds its write
 * lock (a new file is not in WAL yet) for `holdMs` from the racers' start. The racers' switch to
 * WAL is then refused at once (busy_timeout does not apply to that lock upgrade) unless they retry.
 */
function holdWriteLock(file: string, holdMs: number): (at: number) => Promise<void> {
  return async (at) => {
    const holder = new SQLite(file);
    holder.exec('create table first_start (x)');
    holder.exec('begin immediate');
    holder.exec('insert into first_start values (1)');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()) + holdMs));
    holder.exec('commit');
    holder.close();
  };
}

describe('concurrent first starts on an empty database', () => {
  // Before the WAL switch retried, ~1 in 100-200 racer-rounds of the free race failed with a
  // bare "database is locked" (one racer's switch refused while another held the write lock);
  // every held round failed (3 of 4 racers, the fourth waiting behind them).
  it('SQLite: every process migrates or waits, none fails (4 processes; 6 new files with a held lock, 40 free, under load)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'understudy-race-'));
    dirs.push(dir);
    const held = 6;
    const free = 40;
    async function* files(): AsyncIterable<Round> {
      for (let i = 0; i < held; i++) {
        const url = join(dir, `held-${i}.db`);
        yield { url, beside: holdWriteLock(url, 100) };
      }
      for (let i = 0; i < free; i++) yield { url: join(dir, `free-${i}.db`) };
    }
    expect(await race(4, files(), true)).toEqual([]);
    for (const name of ['held-0.db', `free-${free - 1}.db`]) {
      const store = await openStore({ url: join(dir, name) });
      expect(await store.scan.count({})).toBe(0);
      await store.close();
    }
  }, 90_000);

  it.skipIf(!hasPostgres())(
    'PostgreSQL: every process migrates or waits, none fails (3 new databases, 6 processes each)',
    async () => {
      const created: string[] = [];
      async function* databases(): AsyncIterable<Round> {
        for (let i = 0; i < 3; i++) {
          const url = await freshPostgresUrl();
          if (url === undefined) return;
          created.push(url);
          yield { url };
        }
      }
      expect(await race(6, databases(), false)).toEqual([]);
      for (const url of created) {
        const store = await openStore({ url });
        expect(await store.scan.count({})).toBe(0);
        await store.close();
      }
    },
    90_000,
  );
});
