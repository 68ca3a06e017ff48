import type { Logger } from '@understudy/core';

/**
 * Cleanup steps registered as resources come up, run in reverse on shutdown or when a later
 * step of startup fails, so a half-started process still closes what it opened.
 */
export class ShutdownStack {
  readonly #steps: { name: string; run: () => Promise<void> }[] = [];

  defer(name: string, run: () => Promise<void>): void {
    this.#steps.push({ name, run });
  }

  /** Runs every step, newest first; a failing step is logged and the rest still run. */
  async unwind(logger: Logger): Promise<void> {
    for (let step = this.#steps.pop(); step !== undefined; step = this.#steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
  }
}

/** Resolves once `signal` aborts (never, without a signal). */
export function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
