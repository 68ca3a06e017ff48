import { type Clock, type Config, createIdGenerator, type Logger, systemRandom, type Version } from '@understudy/core';
import { type Store, sqliteWorkerSink } from '@understudy/store';
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
 */
export async function runTap(deps: {
  config: Config;
  version: Version;
  store: Store;
  /** The store's URL: a SQLite file gets its own writer thread for captures. */
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
}): Promise<{ tap: Tap; listening: Listening; watcher: RoutingWatcher }> {
  const split = await startCanarySplit({
    store: deps.store,
    route: deps.version.name,
    clock: deps.clock,
    logger: deps.logger,
    stack: deps.stack,
    pollMs: deps.config.tap.routingPollMs,
  });
  // Settles what killed taps on this host lost, then counts this one's captures durably.
  const run = await beginCaptureRun({
    store: deps.store,
    dataDir: deps.dataDir,
    clock: deps.clock,
    ids: createIdGenerator({ clock: deps.clock, random: systemRandom }),
    logger: deps.logger.child({ role: 'tap' }),
  });
  // Unwound after the queue was flushed and closed (the stack runs last-deferred first).
  deps.stack.defer('end capture run', () => run.end());
  const tap = createTap({
    config: deps.config.tap,
    split,
    version: deps.version,
    sink: captureSink(deps.store, deps.dbUrl, deps.logger, run.id),
    tally: run.tally,
    lostBeforeStart: run.lostBeforeStart,
    redactionKey: deps.redactionKey,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'tap' }),
    ...(deps.shadowVersion === undefined ? {} : { shadowVersion: deps.shadowVersion }),
    ...(deps.registry === undefined ? {} : { registry: deps.registry }),
  });
  deps.stack.defer('flush captures', () => tap.close());
  const listening = await listen(tap.app, {
    name: 'tap',
    host: deps.config.tap.host,
    port: deps.config.tap.port,
    clock: deps.clock,
    serverOptions: tapServerOptions(deps.config.tap.timeouts),
    backlog: tapListenBacklog,
  });
  deps.stack.defer('stop tap server', () => listening.close(drainMs));
  return { tap, listening, watcher: split.watcher };
}

/**
 * better-sqlite3 writes synchronously, so a capture batch written on the proxy's thread stalls
 * every in-flight request for the length of the insert (and a WAL checkpoint for tens of ms).
 * A SQLite file therefore gets a writer thread of its own; PostgreSQL writes are asynchronous.
 */
function captureSink(store: Store, dbUrl: string, logger: Logger, captureRun: string): CaptureSink {
  if (store.kind === 'sqlite' && dbUrl !== ':memory:')
    return sqliteWorkerSink({ url: dbUrl, captureRun, logger: logger.child({ role: 'capture-writer' }) });
  return storeSink(store, captureRun);
}
