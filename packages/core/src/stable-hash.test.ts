import { describe, expect, it } from 'vitest';
import { stableHash32, stableUnit } from './stable-hash.js';

describe('stableHash32', () => {
  it('is deterministic and seed-dependent', () => {
    expect(stableHash32('conversation-42')).toBe(stableHash32('conversation-42'));
    expect(stableHash32('conversation-42', 1)).not.toBe(stableHash32('conversation-42'));
  });

  it('spreads similar keys evenly over [0, 1)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const u = stableUnit(`user-${i}`);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[Math.floor(u * 10)] = (counts[Math.floor(u * 10)] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 2_000)).toBeLessThan(200);
  });

  it('gives independent selections under different seeds', () => {
    // Taking the lowest 10 % under two seeds should overlap by ~1 %, not 10 %.
    let both = 0;
    for (let i = 0; i < 20_000; i++) if (stableUnit(`k${i}`, 0) < 0.1 && stableUnit(`k${i}`, 0x5eed) < 0.1) both++;
    expect(both / 20_000).toBeLessThan(0.02);
  });
});
