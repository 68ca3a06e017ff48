import { seededRandom } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { msprtHalfWidth, rateDifferenceBound } from './sequential-bound.js';

describe('rateDifferenceBound', () => {
  it('is wide on tiny samples and narrows as data accrues', () => {
    const small = rateDifferenceBound({ n: 10, events: 1 }, { n: 10, events: 0 }, 0.01, 0.02);
    const large = rateDifferenceBound({ n: 10_000, events: 1000 }, { n: 10_000, events: 0 }, 0.01, 0.02);
    expect(small.upper - small.lower).toBeGreaterThan(0.5);
    expect(large.lower).toBeGreaterThan(0.085);
    expect(large.upper).toBeLessThan(0.115);
  });

  it('is wider than a fixed-n interval, the price of looking any time', () => {
    const v = 0.0001;
    expect(msprtHalfWidth(v, 0.05, 0.02)).toBeGreaterThan(1.645 * Math.sqrt(v));
  });

  it('keeps false alarms under alpha when looking after every batch (seeded simulation)', () => {
    const random = seededRandom(7);
    const runs = 400;
    let alarms = 0;
    for (let r = 0; r < runs; r++) {
      let c = { n: 0, events: 0 };
      let s = { n: 0, events: 0 };
      for (let look = 0; look < 60; look++) {
        for (let i = 0; i < 50; i++) {
          c = { n: c.n + 1, events: c.events + (random.next() < 0.05 ? 1 : 0) };
          s = { n: s.n + 1, events: s.events + (random.next() < 0.05 ? 1 : 0) };
        }
        if (rateDifferenceBound(c, s, 0.05, 0.02).lower > 0) {
          alarms++;
          break;
        }
      }
    }
    expect(alarms / runs).toBeLessThan(0.05);
  });

  it('detects a three-point increase', () => {
    const b = rateDifferenceBound({ n: 3000, events: 150 }, { n: 3000, events: 60 }, 0.01, 0.02);
    expect(b.lower).toBeGreaterThan(0.01);
  });
});
