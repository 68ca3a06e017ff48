import type { Worker } from 'node:worker_threads';
import { type Logger, moduleWorker, silentLogger, UnderstudyError } from '@understudy/core';
import { BatchBuffers, packItems } from './packed-items.js';
import {
  type WorkerReply,
  type WorkerRequest,
  type WriteOutcome,
  type WriterBuilder,
  type WriterData,
  type WriterItem,
  writerSemiSpaceMb,
} from './sqlite-worker-messages.js';

/** A batch writer over a store opened in a worker thread (a tap's capture sink is one). */
export interface SqliteWorkerSink {
  /** Stores a batch; unbuilt items are built in the writer (see `buildWith`), and those that fail to build are counted. */
  write(batch: readonly WriterItem[]): Promise<WriteOutcome>;
  /** Has the writer build unbuilt items with this module from now on (before the first write that holds one). */
  buildWith(builder: WriterBuilder): void;
  close(): Promise<void>;
}

export interface SqliteWorkerSinkOptions {
  /** A SQLite file path (or any store URL `openStore` accepts). */
  url: string;
  /** The capture run whose `stored` count each batch adds to (see CaptureRunRepository). */
  captureRun?: string;
  logger?: Logger;
  /** How many nice steps the writer thread runs below the thread that starts it (0-19, default 0): see `lowerWriterPriority`. */
  niceness?: number;
  /** Versions' header values are sealed under it (see `OpenStoreOptions.redactionKey`). */
  redactionKey?: string;
  /** Each semi-space of the writer's young generation, in MB (default `writerSemiSpaceMb`; an A/B of bench:tap). */
  semiSpaceMb?: number;
}

/**
 * A capture sink that writes through a store opened in a worker thread. better-sqlite3 runs
 * every insert synchronously, so on the main thread a 500-row batch blocks the proxy for
 * several milliseconds and a WAL checkpoint for tens; here the proxy only pays for posting
 * the batch (its packed parts copied into one transferred buffer, anything else cloned). A failed or crashed writer rejects writes, which the capture
 * queue counts as store errors.
 *
 * From TypeScript sources (tests, `--conditions=source`) the worker loads its `.ts` entry
 * through tsx's loader API; from `dist/` it loads the compiled `.js`.
 */
export function sqliteWorkerSink(options: SqliteWorkerSinkOptions): SqliteWorkerSink {
  const logger = options.logger ?? silentLogger;
  const worker = startWorker(
    {
      url: options.url,
      captureRun: options.captureRun,
      niceness: options.niceness ?? 0,
      ...(options.redactionKey === undefined ? {} : { redactionKey: options.redactionKey }),
    },
    options.semiSpaceMb ?? writerSemiSpaceMb,
  );
  const pending = new Map<number, { resolve: (outcome: WriteOutcome) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const buffers = new BatchBuffers();
  let failure: Error | undefined;
  let onClosed: (() => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'failed')
        fail(new UnderstudyError('store_unavailable', `capture writer could not open the store: ${m.error}`), reject);
      else if (m.type === 'closed') onClosed?.();
      else if (m.type === 'done') {
        if (m.spare !== undefined) buffers.give(m.spare);
        const waiter = pending.get(m.id);
        pending.delete(m.id);
        if (m.error === undefined) waiter?.resolve(writeOutcome(m));
        else waiter?.reject(new UnderstudyError('store_unavailable', `capture write failed: ${m.error}`));
      }
    });
    worker.on('error', (error) => fail(new UnderstudyError('store_unavailable', 'capture writer crashed', { cause: error }), reject));
    worker.on('exit', () => fail(new UnderstudyError('store_unavailable', 'capture writer exited'), reject));
  });
  // A failure before anyone writes must not surface as an unhandled rejection.
  ready.catch(() => {});

  function fail(error: Error, rejectReady: (e: Error) => void): void {
    if (failure !== undefined) return;
    failure = error;
    logger.error({ err: error }, 'capture writer failed');
    rejectReady(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  const post = (m: WorkerRequest): void => worker.postMessage(m);

  return {
    async write(batch) {
      await ready;
      if (failure !== undefined) throw failure;
      const id = nextId++;
      const done = new Promise<WriteOutcome>((resolve, reject) => pending.set(id, { resolve, reject }));
      const { rest, packed } = packItems(batch, buffers);
      if (packed === undefined) post({ type: 'write', id, batch: rest });
      else worker.postMessage({ type: 'write', id, batch: rest, packed } satisfies WorkerRequest, [packed.bytes]);
      return done;
    },
    buildWith(builder) {
      // A port queues messages until the thread listens: this one is handled before any later write.
      post({ type: 'builder', builder });
    },
    async close() {
      if (failure === undefined) {
        await ready.catch(() => {});
        const closed = new Promise<void>((resolve) => {
          onClosed = resolve;
        });
        if (failure === undefined) {
          post({ type: 'close' });
          await Promise.race([closed, new Promise<void>((resolve) => worker.once('exit', () => resolve()))]);
        }
      }
      failure ??= new UnderstudyError('store_unavailable', 'capture writer closed');
      await worker.terminate();
    },
  };
}

/** A `done` reply's build failures as a write's outcome. */
export function writeOutcome(m: { buildFailures?: number; buildFailure?: string }): WriteOutcome {
  const buildFailures = m.buildFailures ?? 0;
  return m.buildFailure === undefined ? { buildFailures } : { buildFailures, buildFailure: m.buildFailure };
}

function startWorker(workerData: WriterData, semiSpaceMb: number): Worker {
  // Young generation = two semi-spaces plus the new large-object space.
  return moduleWorker(import.meta.url, 'sqlite-writer-worker', {
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: 3 * semiSpaceMb },
  });
}
