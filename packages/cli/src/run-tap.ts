import { type Clock, type Config, createIdGenerator, type Logger, systemRandom, type Version } from '@understudy/core';
import { openStore, type Store, sqliteWorkerSink, sqliteWriterProcess } from '@understudy/store';
import { type CaptureSink, createTap, type RoutingWatcher, storeSink, type Tap, tapListenBacklog, tapServerOptions } from '@understudy/tap';
import type { Registry } from 'prom-client';
import { startCanarySplit } from './canary-wiring.js';
import { beginCaptureRun } from './capture-run.js';
import { type Listening, listen } from './listen.js';
import type { ShutdownStack } from './shutdown-stack.js';

/** How long shutdown waits for in-flight requests before cutting them. */
export const drainMs = 10_000;

/**
 * Creates the tap over the store and serves it. Registered on `stack` so that shutdown first
 * stops accepting and drains requests, then flushes the capture queue (`tap.close()`).
 *
 * With `isolateStore` and a SQLite file, every store access the tap makes while it serves — its
 * capture writes and its routing watcher's reads — goes through one child process (see
 * `sqliteWriterProcess`), so the caller can close its own connection once started
 * (`storeIsolated`) and a SIGBUS from the database's shared-memory file kills only that child.
 */
export async function runTap(deps: {
  config: Config;
  version: Version;
  store: Store;
  /** The store's URL: a SQLite file gets its own writer (a thread, or with `isolateStore` a process). */
  dbUrl: string;
  redactionKey: string;
  logger: Logger;
  clock: Clock;
  stack: ShutdownStack;
  /** The live shadow's candidate (`tap.shadow`), when shadowing is on. */
  shadowVersion?: Version | undefined;
  /** The metrics registry (shared with the egress proxy in `start`); a new one by default. */
  registry?: Registry | undefined;
  /** Where the capture run's tally file lives (`<dataDir>/capture-runs/`). */
  dataDir: string;
  /** Serve with no SQLite connection in this process (`understudy tap`). */
  isolateStore?: boolean;
}): Promise<{ tap: Tap; listening: Listening; watcher: RoutingWatcher; storeIsolated: boolean }> {
  // Settles what killed taps on this host lost, then counts this one's captures durably.
  const run = await beginCaptureRun({
    store: deps.store,
    dataDir: deps.dataDir,
    clock: deps.clock,
    ids: createIdGenerator({ clock: deps.clock, random: systemRandom }),
    logger: deps.logger.child({ role: 'tap' }),
  });
  const sqliteFile = deps.store.kind === 'sqlite' && deps.dbUrl !== ':memory:';
  const writerLogger = deps.logger.child({ role: 'capture-writer' });
  const niceness = deps.config.tap.capture.writerNiceness;
  const writer =
    sqliteFile && deps.isolateStore === true
      ? sqliteWriterProcess({
          url: deps.dbUrl,
          captureRun: run.id,
          clock: deps.clock,
          logger: writerLogger,
          niceness,
          redactionKey: deps.redactionKey,
        })
      : undefined;
  if (writer !== undefined) deps.stack.defer('close capture writer', () => writer.close());
  // Unwound after the queue was flushed and closed (the stack runs last-deferred first). With
  // the store isolated, the caller's connection is closed by then: a short-lived one ends the run.
  deps.stack.defer('end capture run', async () => {
    if (writer === undefined) return run.end(deps.store);
    const store = await openStore({ url: deps.dbUrl, redactionKey: deps.redactionKey });
    try {
      await run.end(store);
    } finally {
      await store.close();
    }
  });
  const split = await startCanarySplit({
    source: writer?.reads ?? deps.store,
    route: deps.version.name,
    clock: deps.clock,
    logger: deps.logger,
    stack: deps.stack,
    pollMs: deps.config.tap.routingPollMs,
  });
  // better-sqlite3 writes synchronously, so a capture batch written on the proxy's thread stalls
  // every in-flight request for the length of the insert (and a WAL checkpoint for tens of ms):
  // a SQLite file gets a writer of its own; PostgreSQL writes are asynchronous.
  const sink: CaptureSink =
    writer ??
    (sqliteFile
      ? sqliteWorkerSink({ url: deps.dbUrl, captureRun: run.id, logger: writerLogger, niceness, redactionKey: deps.redactionKey })
      : storeSink(deps.store, run.id));
  const tap = createTap({
    config: deps.config.tap,
    split,
    version: deps.version,
    sink,
    tally: run.tally,
    lostBeforeStart: run.lostBeforeStart,
    redactionKey: deps.redactionKey,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'tap' }),
    ...(deps.shadowVersion === undefined ? {} : { shadowVersion: deps.shadowVersion }),
    ...(deps.registry === undefined ? {} : { registry: deps.registry }),
  });
  deps.stack.defer('flush captures', () => tap.close());
  // Unwound after the server drained and before the flush above: on a SQLite file the watcher
  // reads through the capture writer, which that flush closes (a poll after it only warns).
  deps.stack.defer('stop routing watcher before the flush', async () => split.watcher.stop());
  const listening = await listen(tap.app, {
    name: 'tap',
    host: deps.config.tap.host,
    port: deps.config.tap.port,
    clock: deps.clock,
    serverOptions: tapServerOptions(deps.config.tap.timeouts),
    backlog: tapListenBacklog,
  });
  deps.stack.defer('stop tap server', () => listening.close(drainMs));
  return { tap, listening, watcher: split.watcher, storeIsolated: writer !== undefined };
}
