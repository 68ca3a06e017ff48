import type { Clock, TimerHandle } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { DeferredBuilds } from './deferred-builds.js';

/** A clock the builds move by hand; `turn()` runs what waits for the next turn of the loop. */
class TurnClock implements Clock {
  mono = 0;
  #due: (() => void)[] = [];
  now = (): number => 0;
  monotonic = (): number => this.mono;
  setTimeout(fn: () => void): TimerHandle {
    this.#due.push(fn);
    return { cancel: () => (this.#due = this.#due.filter((f) => f !== fn)) };
  }
  setInterval(): TimerHandle {
    return { cancel: () => {} };
  }
  turn(): void {
    const due = this.#due;
    this.#due = [];
    for (const fn of due) fn();
  }
}

describe('DeferredBuilds', () => {
  it('builds nothing where it was offered, then one slice per turn: other work runs between slices', () => {
    const clock = new TurnClock();
    const builds = new DeferredBuilds({ clock, maxPending: 100, sliceMs: 2 });
    const done: number[] = [];
    // Each build takes 1.5 ms.
    for (let i = 0; i < 5; i++)
      builds.offer(() => {
        done.push(i);
        clock.mono += 1.5;
      });
    expect(done).toEqual([]);
    expect(builds.depth).toBe(5);
    clock.turn();
    // The second build crosses the 2 ms slice: the turn ends there.
    expect(done).toEqual([0, 1]);
    clock.turn();
    expect(done).toEqual([0, 1, 2, 3]);
    clock.turn();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(builds.depth).toBe(0);
  });

  it('refuses past maxPending and drains everything at once on flush', () => {
    const clock = new TurnClock();
    const builds = new DeferredBuilds({ clock, maxPending: 3 });
    let built = 0;
    const results = Array.from({ length: 5 }, () => builds.offer(() => built++));
    expect(results).toEqual([true, true, true, false, false]);
    builds.drain();
    expect(built).toBe(3);
    expect(builds.depth).toBe(0);
    expect(builds.offer(() => built++)).toBe(true);
    clock.turn();
    expect(built).toBe(4);
  });

  it('keeps going after a build that throws', () => {
    const clock = new TurnClock();
    const builds = new DeferredBuilds({ clock, maxPending: 10 });
    let built = 0;
    builds.offer(() => {
      throw new Error('boom');
    });
    builds.offer(() => built++);
    expect(() => clock.turn()).toThrow('boom');
    clock.turn();
    expect(built).toBe(1);
  });
});
