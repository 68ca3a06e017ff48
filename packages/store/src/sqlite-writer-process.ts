import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  type Clock,
  type Logger,
  RestartBackoff,
  type RestartBackoffOptions,
  silentLogger,
  systemClock,
  type TimerHandle,
  UnderstudyError,
  type Version,
} from '@understudy/core';
import { packItems } from './packed-items.js';
import type { Routing } from './routing-repository.js';
import {
  type StoreRead,
  type WorkerReply,
  type WorkerRequest,
  type WriteOutcome,
  type WriterBuilder,
  type WriterData,
  type WriterItem,
  writerSemiSpaceMb,
} from './sqlite-worker-messages.js';
import { writeOutcome } from './sqlite-worker-sink.js';

/** The store reads a tap makes while it serves (its routing watcher's), answered by the writer process. */
export interface WriterReads {
  readonly routing: { stamp(route: string): Promise<string>; get(route: string): Promise<Routing | undefined> };
  readonly versions: { get(name: string): Promise<Version | undefined> };
}

/** A capture sink whose SQLite connection lives in a child process, restarted when it dies. */
export interface SqliteWriterProcess {
  /** Stores a batch; unbuilt items are built in the writer (see `buildWith`), and those that fail to build are counted. */
  write(batch: readonly WriterItem[]): Promise<WriteOutcome>;
  /**
   * Has the writer build unbuilt items with this module: sent to each writer process once it is
   * ready (a restarted one too), before any write, over the IPC channel (never its environment).
   */
  buildWith(builder: WriterBuilder): void;
  readonly reads: WriterReads;
  /** Times the writer process died and was started again. */
  restarts(): number;
  /** Whether the writer runs, and when it does not, how long until it is started again. */
  health(): WriterHealth;
  close(): Promise<void>;
}

/** The capture writer's state, as `/_understudy/healthz` and the tap's metrics show it. */
export interface WriterHealth {
  /** A writer process is up with the store open. */
  readonly running: boolean;
  /** Times a writer process died and another was started. */
  readonly restarts: number;
  /** Deaths since a writer last stayed up for the healthy period (a store that kills it at every start climbs). */
  readonly consecutiveFailures: number;
  /** The wait before the next start while one is pending, else null. */
  readonly restartInMs: number | null;
  /** How the last writer ended (`SIGBUS`, `code 1`), or null. */
  readonly lastExit: string | null;
}

/** Waits between writer restarts: 1 s doubled per death in a row up to 30 s, back to 1 s after a minute up. */
export const writerRestartBackoff = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 } as const;

export interface SqliteWriterProcessOptions {
  /** A SQLite file path. */
  url: string;
  /** The capture run whose `stored` count each batch adds to. */
  captureRun?: string;
  logger?: Logger;
  clock?: Clock;
  /**
   * How long after a death the writer is started again: `initialMs` doubled per death in a row up
   * to `maxMs`, reset once a writer stayed up `healthyAfterMs` (default {@link writerRestartBackoff}).
   */
  restartBackoff?: Omit<RestartBackoffOptions, 'clock'>;
  /** How long `close()` waits for the writer to finish before killing it (default 10 s). */
  closeTimeoutMs?: number;
  /** How many nice steps the writer process runs below this one (0-19, default 0): see `lowerWriterPriority`. */
  niceness?: number;
  /** Versions' header values are sealed under it (see `OpenStoreOptions.redactionKey`). */
  redactionKey?: string;
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
 * the routing it has), and a new writer is started after a backoff (`restartBackoff`: 1 s, doubled
 * per death in a row up to 30 s) — SQLite rebuilds the WAL index when it opens the database. Batches cross the process boundary with V8's serializer
 * (`serialization: 'advanced'`), as a worker thread's `postMessage` would.
 */
export function sqliteWriterProcess(options: SqliteWriterProcessOptions): SqliteWriterProcess {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const backoff = new RestartBackoff({ ...(options.restartBackoff ?? writerRestartBackoff), clock });
  const data: WriterData = {
    url: options.url,
    captureRun: options.captureRun,
    niceness: options.niceness ?? 0,
    ...(options.redactionKey === undefined ? {} : { redactionKey: options.redactionKey }),
  };
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let restarts = 0;
  let closing = false;
  let restartTimer: TimerHandle | undefined;
  let restartAt: number | undefined;
  let running = false;
  let lastExit: string | null = null;
  let current: { child: ChildProcess; ready: Promise<void>; closed: Promise<void> } | undefined;
  let builder: WriterBuilder | undefined;

  const start = (): void => {
    const child = forkWriter(data);
    let openError: string | undefined;
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
      if (m.type === 'ready') {
        // Ahead of every write: the writer handles its messages in order.
        if (builder !== undefined) child.send({ type: 'builder', builder } satisfies WorkerRequest);
        running = true;
        backoff.up();
        markReady();
      } else if (m.type === 'failed') {
        openError = m.error;
        refuse(new UnderstudyError('store_unavailable', `capture writer could not open the store: ${m.error}`));
      } else if (m.type === 'done' || m.type === 'answer') {
        const waiter = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) waiter?.reject(new UnderstudyError('store_unavailable', `capture writer: ${m.error}`));
        else waiter?.resolve(m.type === 'answer' ? m.value : writeOutcome(m));
      }
    });
    child.on('error', (error) => logger.error({ err: error }, 'capture writer process error'));
    child.once('exit', (code, signal) => {
      if (current?.child === child) current = undefined;
      running = false;
      lastExit = openError === undefined ? (signal ?? `code ${code}`) : `could not open the store: ${openError}`;
      const error = new UnderstudyError('store_unavailable', `capture writer exited (${lastExit})`);
      refuse(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      if (closing) return;
      // A store that kills the writer at every start must not cost a fork a second forever.
      const restartInMs = backoff.failed();
      const { consecutiveFailures } = backoff.state();
      restartAt = clock.monotonic() + restartInMs;
      logger.error(
        { exit: lastExit, signal, code, restartInMs, consecutiveFailures },
        'capture writer process died; capture is degraded until it is restarted',
      );
      restartTimer = clock.setTimeout(() => {
        restartTimer = undefined;
        restartAt = undefined;
        if (closing) return;
        restarts += 1;
        logger.warn({ restarts }, 'capture writer process restarted');
        start();
      }, restartInMs);
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
      // The packed parts as one buffer: cloned per item, each would be an object of its own on both sides.
      const { rest, packed } = packItems(batch);
      return (await ask((id) =>
        packed === undefined ? { type: 'write', id, batch: rest } : { type: 'write', id, batch: rest, packed },
      )) as WriteOutcome;
    },
    buildWith(next) {
      builder = next;
      // A writer already up gets it now; one starting gets it with its ready.
      if (running && current?.child.connected === true) current.child.send({ type: 'builder', builder: next } satisfies WorkerRequest);
    },
    reads: {
      routing: {
        stamp: async (route) => String(await read({ op: 'routing_stamp', route })),
        get: async (route) => (await read({ op: 'routing_get', route })) as Routing | undefined,
      },
      versions: { get: async (name) => (await read({ op: 'version_get', name })) as Version | undefined },
    },
    restarts: () => restarts,
    health: () => ({
      running,
      restarts,
      consecutiveFailures: backoff.state().consecutiveFailures,
      restartInMs: restartAt === undefined ? null : Math.max(0, Math.round(restartAt - clock.monotonic())),
      lastExit,
    }),
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
    // One GC thread: V8's helper threads run at the normal priority whatever the writer's niceness,
    // and took as much CPU as the writer itself from the proxy's cores (bench:streams, docs/benchmarks.md).
    execArgv: [...execArgv, `--max-semi-space-size=${writerSemiSpaceMb}`, '--single-threaded-gc'],
    env: { ...process.env, UNDERSTUDY_WRITER: JSON.stringify(data) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
