import type { Clock, TimerHandle } from '@understudy/core';

export interface DeferredBuildsOptions {
  readonly clock: Clock;
  /** Most builds waiting; past it `offer` refuses (the caller builds at once). */
  readonly maxPending: number;
  /** How long one turn of the event loop may spend building before it yields (default 2 ms). */
  readonly sliceMs?: number;
}

/**
 * Builds captured exchanges after their responses, in short slices between turns of the event
 * loop. Building one (redaction above all) takes ~0.1 ms for a short completion but several ms
 * for a long stream's body and events; when a thousand streams end within seconds, building each
 * where it ended holds every other stream's next chunk behind all of them. Here each turn forwards
 * what arrived, then builds for at most `sliceMs` (plus the build under way), so a chunk waits at
 * most one slice. Bounded: at most `maxPending` wait (past it the caller builds at once: falling
 * behind for good must not grow memory), and what they hold stays inside the tap's in-flight
 * capture budget until each is built.
 */
export class DeferredBuilds {
  readonly #clock: Clock;
  readonly #maxPending: number;
  readonly #sliceMs: number;
  #pending: (() => void)[] = [];
  #next = 0;
  #timer: TimerHandle | undefined;

  constructor(options: DeferredBuildsOptions) {
    this.#clock = options.clock;
    this.#maxPending = options.maxPending;
    this.#sliceMs = options.sliceMs ?? 2;
  }

  /** Queues one build (it must not throw: it handles its own failure); false when `maxPending` are already waiting. */
  offer(build: () => void): boolean {
    if (this.depth >= this.#maxPending) return false;
    this.#pending.push(build);
    this.#timer ??= this.#clock.setTimeout(() => this.#slice(), 0);
    return true;
  }

  /** Builds waiting. */
  get depth(): number {
    return this.#pending.length - this.#next;
  }

  /** Runs every waiting build now (flush and shutdown). */
  drain(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#run(Number.POSITIVE_INFINITY);
  }

  #slice(): void {
    this.#timer = undefined;
    try {
      this.#run(this.#clock.monotonic() + this.#sliceMs);
    } finally {
      if (this.depth > 0) this.#timer ??= this.#clock.setTimeout(() => this.#slice(), 0);
    }
  }

  #run(until: number): void {
    while (this.#next < this.#pending.length) {
      const build = this.#pending[this.#next] as () => void;
      // The slot is cleared before the build runs: a build that throws is not run twice.
      this.#pending[this.#next++] = noop;
      build();
      if (this.#clock.monotonic() >= until) break;
    }
    if (this.#next === this.#pending.length) {
      this.#pending = [];
      this.#next = 0;
    } else if (this.#next > 1024) {
      this.#pending = this.#pending.slice(this.#next);
      this.#next = 0;
    }
  }
}

const noop = (): void => {};
