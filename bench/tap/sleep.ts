import { systemClock } from '@understudy/core';

/**
 * Waits `ms` on core's clock. Its timers are unref'd, so this alone does not hold the process
 * open; in the benchmark the children's IPC channels and pipes do.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => systemClock.setTimeout(resolve, ms));
}
