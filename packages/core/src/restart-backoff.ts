import type { Clock } from './clock.js';

export interface RestartBackoffOptions {
  /** The wait after a first failure. */
  readonly initialMs: number;
  /** The ceiling the wait doubles up to. */
  readonly maxMs: number;
  /**
   * A thing that stayed up this long before failing failed once, not again: the wait starts over
   * from `initialMs`. 0 resets at every {@link RestartBackoff.up}.
   */
  readonly healthyAfterMs: number;
  readonly clock: Pick<Clock, 'monotonic'>;
}

/** Where a backoff stands, for health reports. */
export interface RestartBackoffState {
  /** Failures since the thing was last up for a healthy period. */
  readonly consecutiveFailures: number;
  /** The wait the last failure was given (0 before any). */
  readonly lastDelayMs: number;
}

/**
 * Exponential backoff for restarting something that keeps failing (a child process, a
 * connection): `initialMs`, doubled per consecutive failure, capped at `maxMs`. Without it a
 * thing that fails at every start is restarted at a fixed short interval forever. Only failures
 * in a row count: once the thing stayed up for `healthyAfterMs`, its next failure waits
 * `initialMs` again.
 */
export class RestartBackoff {
  readonly #options: RestartBackoffOptions;
  #failures = 0;
  #lastDelayMs = 0;
  #upSince: number | undefined;

  constructor(options: RestartBackoffOptions) {
    if (!(options.initialMs > 0) || !(options.maxMs >= options.initialMs) || !(options.healthyAfterMs >= 0))
      throw new RangeError('RestartBackoff: expected 0 < initialMs <= maxMs and healthyAfterMs >= 0');
    this.#options = options;
  }

  /** The thing is up (started, connected); its uptime counts from now. */
  up(): void {
    this.#upSince = this.#options.clock.monotonic();
  }

  /** The thing failed (or never came up): how long to wait before the next attempt. */
  failed(): number {
    const { initialMs, maxMs, healthyAfterMs, clock } = this.#options;
    if (this.#upSince !== undefined && clock.monotonic() - this.#upSince >= healthyAfterMs) this.#failures = 0;
    this.#upSince = undefined;
    this.#failures += 1;
    // 2^30 already exceeds any sane ceiling; the cap keeps the power finite.
    this.#lastDelayMs = Math.min(maxMs, initialMs * 2 ** Math.min(30, this.#failures - 1));
    return this.#lastDelayMs;
  }

  state(): RestartBackoffState {
    return { consecutiveFailures: this.#failures, lastDelayMs: this.#lastDelayMs };
  }
}
