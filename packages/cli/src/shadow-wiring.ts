import type { Clock, Config, Logger, Version } from '@understudy/core';
import { createShadowWorker, type ShadowWorker } from '@understudy/replay';
import type { Store } from '@understudy/store';
import { createShadowMetrics, type Tap } from '@understudy/tap';
import { UsageError } from './cli-io.js';
import type { CompareWiring } from './compare-wiring.js';
import type { ShutdownStack } from './shutdown-stack.js';

/**
 * The candidate of the live shadow (`tap.shadow.version`): one of `known` (versions this process
 * runs but has not written yet, like the demo's), the config's `versions` entry, else the store's. `undefined` when shadowing is off (no version or rate 0).
 */
export async function resolveShadowVersion(config: Config, store: Store, known: readonly Version[] = []): Promise<Version | undefined> {
  const { version: name, rate } = config.tap.shadow;
  if (name === undefined || rate <= 0) return undefined;
  const version = known.find((v) => v.name === name) ?? config.versions.find((v) => v.name === name) ?? (await store.versions.get(name));
  if (version === undefined)
    throw new UsageError(`tap.shadow.version: no version named "${name}" (add it to "versions" or with understudy versions add)`);
  return version;
}

/** Runs the shadow comparison worker in this process, comparing as the config says and counting verdicts in the tap's `/metrics`. */
export function startShadowWorker(deps: {
  store: Store;
  registry: Tap['registry'];
  clock: Clock;
  logger: Logger;
  stack: ShutdownStack;
  /** The process's way to compare (the config's options, its second opinions). */
  compare: CompareWiring;
}): ShadowWorker {
  const metrics = createShadowMetrics(deps.registry);
  const worker = createShadowWorker({
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'shadow-worker' }),
    compareOptions: deps.compare.compareOptions,
    extensions: deps.compare.extensions,
    comparePool: deps.compare.pool,
    onComparison: (verdict) => metrics.comparison(verdict),
  });
  worker.start();
  deps.stack.defer('stop shadow worker', () => worker.stop());
  return worker;
}
