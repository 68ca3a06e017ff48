import { type Clock, type Logger, parseDuration, type RetentionConfig, type TimerHandle } from '@understudy/core';
import type { PruneResult, Store } from '@understudy/store';

export interface RetentionPolicy {
  /** Runs the policy once now (also what the timer does); resolves with what it pruned, or null when off. */
  runOnce(): Promise<PruneResult | null>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The `retention` section of the config, applied beside the canary controller: every
 * `intervalMs`, exchanges older than `maxAge` are pruned in batches of `batchSize` (the store
 * spares what active canaries and running replays need), then SQLite's free pages are given back
 * with `incremental_vacuum`. Runs never overlap; a failure is logged and retried next time.
 */
export function createRetentionPolicy(deps: { store: Store; config: RetentionConfig; clock: Clock; logger: Logger }): RetentionPolicy {
  const maxAge = deps.config.maxAge === undefined ? undefined : parseDuration(deps.config.maxAge);
  let timer: TimerHandle | undefined;
  let running: Promise<PruneResult | null> | undefined;

  const prune = async (): Promise<PruneResult | null> => {
    if (maxAge === undefined) return null;
    const result = await deps.store.retention.prune({
      before: deps.clock.now() - maxAge,
      batchSize: deps.config.batchSize,
      vacuum: 'incremental',
    });
    if (result.exchanges > 0 || result.heldBy.length > 0) deps.logger.info({ ...result }, 'retention pruned old exchanges');
    return result;
  };

  const runOnce = (): Promise<PruneResult | null> => {
    running ??= prune()
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'retention run failed; retrying at the next interval');
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    runOnce,
    start() {
      if (maxAge === undefined || timer !== undefined) return;
      timer = deps.clock.setInterval(() => void runOnce(), deps.config.intervalMs);
    },
    async stop() {
      timer?.cancel();
      timer = undefined;
      await running;
    },
  };
}
