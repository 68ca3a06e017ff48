import { seededRandom } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { mannWhitney, normalCdf, quantile } from './mann-whitney.js';

const lognormal = (random: () => number, median: number): number => {
  const u1 = Math.max(random(), 1e-12);
  const u2 = random();
  return median * Math.exp(0.5 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
};

describe('mannWhitney', () => {
  it('matches a hand-computed U with ties', () => {
    const r = mannWhitney([1, 2, 3], [2, 4]);
    // Pairs where a > b: (3>2) = 1, ties (2,2) = 0.5 → U = 1.5.
    expect(r.u).toBe(1.5);
    expect(r.effect).toBeCloseTo(0.25);
  });

  it('finds a 30% slower sample and not an equal one (seeded)', () => {
    const random = seededRandom(42);
    const next = () => random.next();
    const stable = Array.from({ length: 400 }, () => lognormal(next, 100));
    const same = Array.from({ length: 400 }, () => lognormal(next, 100));
    const slow = Array.from({ length: 400 }, () => lognormal(next, 130));
    expect(mannWhitney(slow, stable).pGreater).toBeLessThan(1e-6);
    expect(mannWhitney(same, stable).pGreater).toBeGreaterThan(0.01);
  });

  it('is undecided on empty input', () => {
    expect(mannWhitney([], [1]).pGreater).toBe(1);
  });
});

describe('helpers', () => {
  it('normalCdf and quantile', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 4);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
  });
});
