import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  type Clock,
  type Exchange,
  type Logger,
  silentLogger,
  systemClock,
  type TimerHandle,
  UnderstudyError,
  type Version,
} from '@understudy/core';
import type { Routing } from './routing-repository.js';
import type { StoreRead, WorkerReply, WorkerRequest, WriterData } from './sqlite-worker-messages.js';

/** The store reads a tap makes while it serves (its routing watcher's), answered by the writer process. */
export interface WriterReads {
  readonly routing: { stamp(route: string): Promise<string>; get(route: string): Promise<Routing | undefined> };
  readonly versions: { get(name: string): Promise<Version | undefined> };
}

/** A capture sink whose SQLite connection lives in a child process, restarted when it dies. */
export interface SqliteWriterProcess {
  write(batch: readonly Exchange[]): Promise<void>;
  readonly reads: WriterReads;
  /** Times the writer process died and was started again. */
  restarts(): number;
  close(): Promise<void>;
}

export interface SqliteWriterProcessOptions {
  /** A SQLite file path. */
  url: string;
  /** The capture run whose `stored` count each batch adds to. */
  captureRun?: string;
  logger?: Logger;
  clock?: Clock;
  /** How long after a death the writer is started again (default 1 s). */
  restartDelayMs?: number;
  /** How long `close()` waits for the writer to finish before killing it (default 10 s). */
  closeTimeoutMs?: number;
}

interface Waiter {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The tap's SQLite connection in a child process of its own. SQLite maps the WAL index (`-shm`)
 * into every process that opens the database; if that file is truncated or its storage fails
 * under the mapping, the next access raises SIGBUS, which kills the process that made it. Here
 * that is the writer, not the proxy: its pending writes and reads fail (the capture queue counts
 * the batches as store errors and `/_understudy/healthz` says degraded; the routing watcher keeps
 * the routing it has), and a new writer is started after `restartDelayMs` — SQLite rebuilds the
 * WAL index when it opens the database. Batches cross the process boundary with V8's serializer
 * (`serialization: 'advanced'`), as a worker thread's `postMessage` would.
 */
export function sqliteWriterProcess(options: SqliteWriterProcessOptions): SqliteWriterProcess {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const restartDelayMs = options.restartDelayMs ?? 1_000;
  const data: WriterData = { url: options.url, captureRun: options.captureRun };
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let restarts = 0;
  let closing = false;
  let restartTimer: TimerHandle | undefined;
  let current: { child: ChildProcess; ready: Promise<void>; closed: Promise<void> } | undefined;

  const start = (): void => {
    const child = forkWriter(data);
    let markReady: () => void = () => {};
    let refuse: (e: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      refuse = reject;
    });
    ready.catch(() => {});
    const closed = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    current = { child, ready, closed };
    child.on('message', (m: WorkerReply) => {
      if (m.type === 'ready') markReady();
      else if (m.type === 'failed') refuse(new UnderstudyError('store_unavailable', `capture writer could not open the store: ${m.error}`));
      else if (m.type === 'done' || m.type === 'answer') {
        const waiter = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) waiter?.reject(new UnderstudyError('store_unavailable', `capture writer: ${m.error}`));
        else waiter?.resolve(m.type === 'answer' ? m.value : undefined);
      }
    });
    child.on('error', (error) => logger.error({ err: error }, 'capture writer process error'));
    child.once('exit', (code, signal) => {
      if (current?.child === child) current = undefined;
      const error = new UnderstudyError('store_unavailable', `capture writer exited (${signal ?? `code ${code}`})`);
      refuse(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      if (closing) return;
      logger.error({ signal, code, restartInMs: restartDelayMs }, 'capture writer process died; capture is degraded until it is restarted');
      restartTimer = clock.setTimeout(() => {
        restartTimer = undefined;
        if (closing) return;
        restarts += 1;
        logger.warn({ restarts }, 'capture writer process restarted');
        start();
      }, restartDelayMs);
    });
  };

  const ask = async (request: (id: number) => WorkerRequest): Promise<unknown> => {
    const writer = current;
    if (writer === undefined || closing)
      throw new UnderstudyError('store_unavailable', closing ? 'capture writer closed' : 'capture writer is restarting');
    await writer.ready;
    const id = nextId++;
    const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    writer.child.send(request(id));
    return answer;
  };
  const read = (r: StoreRead): Promise<unknown> => ask((id) => ({ type: 'read', id, read: r }));

  start();

  return {
    async write(batch) {
      await ask((id) => ({ type: 'write', id, batch }));
    },
    reads: {
      routing: {
        stamp: async (route) => String(await read({ op: 'routing_stamp', route })),
        get: async (route) => (await read({ op: 'routing_get', route })) as Routing | undefined,
      },
      versions: { get: async (name) => (await read({ op: 'version_get', name })) as Version | undefined },
    },
    restarts: () => restarts,
    async close() {
      if (closing) return;
      closing = true;
      restartTimer?.cancel();
      const writer = current;
      if (writer === undefined) return;
      await writer.ready.catch(() => {});
      if (writer.child.connected) writer.child.send({ type: 'close' } satisfies WorkerRequest);
      let timer: TimerHandle | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = clock.setTimeout(() => resolve('late'), options.closeTimeoutMs ?? 10_000);
      });
      if ((await Promise.race([writer.closed, late])) === 'late') {
        logger.warn('capture writer did not close in time; killed');
        writer.child.kill('SIGKILL');
        await writer.closed;
      }
      timer?.cancel();
    },
  };
}

function forkWriter(data: WriterData): ChildProcess {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './sqlite-writer-worker.ts' : './sqlite-writer-worker.js', import.meta.url));
  // From sources the child needs tsx's loader (tests, --conditions=source); from dist, nothing.
  const execArgv = fromSource ? ['--conditions=source', '--import', createRequire(import.meta.url).resolve('tsx')] : [];
  return fork(entry, [], {
    execArgv,
    env: { ...process.env, UNDERSTUDY_WRITER: JSON.stringify(data) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
