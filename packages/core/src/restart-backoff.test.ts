import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { RestartBackoff } from './restart-backoff.js';

const options = (clock: ManualClock) => ({ initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000, clock });

describe('RestartBackoff', () => {
  it('doubles the wait per failure in a row, up to the ceiling', () => {
    const backoff = new RestartBackoff(options(new ManualClock()));
    const waits = Array.from({ length: 8 }, () => backoff.failed());
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoff.state()).toEqual({ consecutiveFailures: 8, lastDelayMs: 30_000 });
  });

  it('a thing that comes up but dies before the healthy period keeps climbing', () => {
    const clock = new ManualClock();
    const backoff = new RestartBackoff(options(clock));
    expect(backoff.failed()).toBe(1_000);
    backoff.up();
    clock.advance(59_999);
    expect(backoff.failed()).toBe(2_000);
    backoff.up();
    clock.advance(10);
    expect(backoff.failed()).toBe(4_000);
  });

  it('starts over from the first wait once the thing stayed up for the healthy period', () => {
    const clock = new ManualClock();
    const backoff = new RestartBackoff(options(clock));
    for (let i = 0; i < 6; i++) backoff.failed();
    expect(backoff.state().lastDelayMs).toBe(30_000);
    backoff.up();
    clock.advance(60_000);
    expect(backoff.failed()).toBe(1_000);
    expect(backoff.state()).toEqual({ consecutiveFailures: 1, lastDelayMs: 1_000 });
  });

  it('with no healthy period, being up at all resets it (a connection that connected)', () => {
    const backoff = new RestartBackoff({ initialMs: 100, maxMs: 5_000, healthyAfterMs: 0, clock: new ManualClock() });
    expect([backoff.failed(), backoff.failed(), backoff.failed()]).toEqual([100, 200, 400]);
    backoff.up();
    expect(backoff.failed()).toBe(100);
  });

  it('never overflows however long the failures go on', () => {
    const backoff = new RestartBackoff(options(new ManualClock()));
    for (let i = 0; i < 5_000; i++) backoff.failed();
    expect(backoff.failed()).toBe(30_000);
  });

  it('refuses options that make no backoff', () => {
    const clock = new ManualClock();
    expect(() => new RestartBackoff({ initialMs: 0, maxMs: 1, healthyAfterMs: 0, clock })).toThrow(RangeError);
    expect(() => new RestartBackoff({ initialMs: 10, maxMs: 5, healthyAfterMs: 0, clock })).toThrow(RangeError);
    expect(() => new RestartBackoff({ initialMs: 10, maxMs: 50, healthyAfterMs: -1, clock })).toThrow(RangeError);
  });
});
