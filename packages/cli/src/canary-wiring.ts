import { hostname } from 'node:os';
import { type CanaryController, createCanaryController, createRetentionPolicy } from '@understudy/canary';
import { type Clock, type Logger, type RetentionConfig, systemRandom } from '@understudy/core';
import type { Store } from '@understudy/store';
import { type CanarySplit, createCanarySplit, createRoutingWatcher, type RoutingSource } from '@understudy/tap';
import type { ShutdownStack } from './shutdown-stack.js';

/**
 * The tap's canary split: routing for `route` (the tap's version name) from the store — or from
 * the writer process that owns the tap's SQLite connection (`understudy tap`). A step or a
 * rollback written in this process (the controller of `start`) is in force before the write
 * returns; one written by another process arrives over LISTEN/NOTIFY on PostgreSQL, and by the
 * poll every `pollMs` (the fallback, and the only way across SQLite processes).
 */
export async function startCanarySplit(deps: {
  source: RoutingSource;
  route: string;
  clock: Clock;
  logger: Logger;
  stack: ShutdownStack;
  pollMs: number;
}): Promise<CanarySplit> {
  const watcher = createRoutingWatcher({
    source: deps.source,
    route: deps.route,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'routing' }),
    pollMs: deps.pollMs,
  });
  await watcher.start();
  deps.stack.defer('stop routing watcher', async () => watcher.stop());
  return createCanarySplit({ watcher, random: systemRandom });
}

/**
 * The canary controller in this process; the lease keeps it the only active one. The config's
 * `retention` policy, when set, runs beside it.
 */
export function startCanaryController(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  stack: ShutdownStack;
  holder?: string;
  retention?: RetentionConfig;
}): CanaryController {
  if (deps.retention !== undefined) {
    const retention = createRetentionPolicy({
      store: deps.store,
      config: deps.retention,
      clock: deps.clock,
      logger: deps.logger.child({ role: 'retention' }),
    });
    retention.start();
    deps.stack.defer('stop retention', () => retention.stop());
  }
  const controller = createCanaryController({
    store: deps.store,
    clock: deps.clock,
    holder: deps.holder ?? `${hostname()}:${process.pid}`,
    logger: deps.logger.child({ role: 'canary' }),
  });
  controller.start();
  deps.stack.defer('stop canary controller', () => controller.stop());
  return controller;
}
