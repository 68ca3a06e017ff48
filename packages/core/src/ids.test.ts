import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { createIdGenerator } from './ids.js';
import { seededRandom } from './random.js';

describe('createIdGenerator', () => {
  it('makes 26-character ids that sort by time and stay increasing within a millisecond', () => {
    const clock = new ManualClock(1_700_000_000_000);
    const id = createIdGenerator({ clock, random: seededRandom(1) });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      ids.push(id());
      if (i % 100 === 0) clock.advance(1);
    }
    expect(ids.every((x) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(x))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('ManualClock', () => {
  it('fires timers only when advanced, in order', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    const every = clock.setInterval(() => fired.push('i'), 15);
    clock.advance(9);
    expect(fired).toEqual([]);
    clock.advance(21);
    expect(fired).toEqual(['a', 'i', 'b', 'i']);
    every.cancel();
    clock.advance(100);
    expect(fired).toHaveLength(4);
    expect(clock.now()).toBe(130);
  });
});
