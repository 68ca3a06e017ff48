import type { Clock } from '@understudy/core';

/** Decides when the next request may start: by rate, by original timing, or at once. */
export interface Pacer {
  /** Resolves when the request of an exchange that started at `startedAt` may be sent. */
  wait(startedAt: number, signal?: AbortSignal): Promise<void>;
}

/** Sleeps on the injected clock, so tests drive time by hand. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      timer.cancel();
      resolve();
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** No pacing: concurrency alone bounds the load. */
export const unpaced: Pacer = Object.freeze({ wait: () => Promise.resolve() });

/**
 * At most `rps` starts per second, evenly spaced: slots are handed out in call order, so
 * concurrent workers never burst past the rate.
 */
export function ratePacer(clock: Clock, rps: number): Pacer {
  const gap = 1000 / rps;
  let next = Number.NEGATIVE_INFINITY;
  return {
    wait(_startedAt, signal) {
      const now = clock.monotonic();
      const slot = Math.max(now, next);
      next = slot + gap;
      return sleep(clock, slot - now, signal);
    },
  };
}

/**
 * Keeps the original inter-arrival gaps divided by `speed` (GoReplay's `200%` is speed 2):
 * the first exchange paced starts at once and anchors the timeline.
 */
export function speedPacer(clock: Clock, speed: number): Pacer {
  let anchor: { original: number; mono: number } | undefined;
  return {
    wait(startedAt, signal) {
      const now = clock.monotonic();
      if (anchor === undefined) anchor = { original: startedAt, mono: now };
      const due = anchor.mono + (startedAt - anchor.original) / speed;
      return sleep(clock, due - now, signal);
    },
  };
}

export function createPacer(clock: Clock, options: { rate: number | null; speed: number | null }): Pacer {
  if (options.rate !== null) return ratePacer(clock, options.rate);
  if (options.speed !== null) return speedPacer(clock, options.speed);
  return unpaced;
}
