import { ManualClock } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { ratePacer, speedPacer } from './pacer.js';

/** Lets resolved promises run their callbacks. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Starts `waits`, advances the clock 1 ms at a time up to `ms`, and returns when each resolved. */
async function drive(clock: ManualClock, waits: (() => Promise<void>)[], ms: number): Promise<number[]> {
  const times: number[] = new Array(waits.length).fill(-1);
  waits.forEach((w, i) => {
    void w().then(() => {
      times[i] = clock.monotonic();
    });
  });
  await settle();
  for (let t = 0; t < ms; t++) {
    clock.advance(1);
    await settle();
  }
  return times;
}

describe('pacers', () => {
  it('spaces starts evenly at the rate, even when workers ask at once', async () => {
    const clock = new ManualClock();
    const pacer = ratePacer(clock, 20);
    const times = await drive(
      clock,
      Array.from({ length: 6 }, () => () => pacer.wait(0)),
      400,
    );
    expect(times).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('keeps original gaps divided by the speed', async () => {
    const clock = new ManualClock();
    const pacer = speedPacer(clock, 2);
    const starts = [10_000, 11_000, 13_000, 13_000, 17_000];
    const times = await drive(
      clock,
      starts.map((s) => () => pacer.wait(s)),
      4_000,
    );
    expect(times).toEqual([0, 500, 1_500, 1_500, 3_500]);
  });

  it('returns at once when aborted', async () => {
    const clock = new ManualClock();
    const pacer = ratePacer(clock, 1);
    await pacer.wait(0);
    const controller = new AbortController();
    const waiting = pacer.wait(0, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
