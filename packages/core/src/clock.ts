/** A cancellable timer handle, as returned by {@link Clock.setTimeout}. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * Time as the rest of the code sees it. Inject a fake in tests so that nothing sleeps; the
 * system clock is the only place that reads `Date.now()` or calls the global timers.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** A monotonic, high-resolution reading in milliseconds, for measuring durations. */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  setInterval(fn: () => void, ms: number): TimerHandle;
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
  setInterval(fn: () => void, ms: number): TimerHandle {
    const t = setInterval(fn, ms);
    t.unref?.();
    return { cancel: () => clearInterval(t) };
  },
});

/**
 * Keeps the process alive until released. The system clock's timers are unref'd so no library
 * holds a process open, and a pending promise holds nothing either: a CLI whose only pending
 * work is a clock sleep (replay pacing, a retry backoff) would end with Node's unsettled
 * top-level-await code 13. A command that waits on purpose holds the loop while it does.
 */
export function holdEventLoop(): { release(): void } {
  const hold = setInterval(() => {}, 2 ** 31 - 1);
  return { release: () => clearInterval(hold) };
}

/** A clock that only moves when told to: timers fire inside {@link ManualClock.advance}. */
export class ManualClock implements Clock {
  #now: number;
  #mono = 0;
  #timers: { at: number; fn: () => void; every?: number; id: number }[] = [];
  #nextId = 0;

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  monotonic(): number {
    return this.#mono;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.#schedule(fn, ms);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.#schedule(fn, ms, Math.max(1, ms));
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    const target = this.#mono + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.#timers[0];
      if (next === undefined || next.at > target) break;
      this.#set(next.at);
      if (next.every === undefined) this.#timers.shift();
      else next.at += next.every;
      next.fn();
    }
    this.#set(target);
  }

  #set(mono: number): void {
    this.#now += mono - this.#mono;
    this.#mono = mono;
  }

  #schedule(fn: () => void, ms: number, every?: number): TimerHandle {
    const id = this.#nextId++;
    const timer = every === undefined ? { at: this.#mono + ms, fn, id } : { at: this.#mono + ms, fn, every, id };
    this.#timers.push(timer);
    return { cancel: () => (this.#timers = this.#timers.filter((t) => t.id !== id)) };
  }
}
