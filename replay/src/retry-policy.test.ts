import { seededRandom } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from './retry-policy.js';

describe('retry policy', () => {
  const policy = { retries: 5, backoffMs: 100, maxBackoffMs: 1_000 };

  it('backs off exponentially with jitter inside [half, full] of the step, capped', () => {
    const random = seededRandom(4);
    for (const [attempt, step] of [
      [1, 100],
      [2, 200],
      [3, 400],
      [4, 800],
      [5, 1_000],
      [9, 1_000],
    ] as const) {
      const d = retryDelay(policy, attempt, random, undefined);
      expect(d).toBeGreaterThanOrEqual(step / 2);
      expect(d).toBeLessThanOrEqual(step);
    }
  });

  it('lets Retry-After win, in seconds or as an HTTP date, within a cap', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(retryDelay(policy, 1, seededRandom(1), 2_500)).toBe(2_500);
    expect(retryDelay(policy, 1, seededRandom(1), 3_600_000)).toBe(4_000);
  });
});
