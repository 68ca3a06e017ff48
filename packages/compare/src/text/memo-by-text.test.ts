import { describe, expect, it } from 'vitest';
import { memoByText } from './memo-by-text.js';

/** A reading that counts how often it was made. */
function counted(): { read: (text: string) => number; calls: () => number } {
  let calls = 0;
  return {
    read: (text) => {
      calls++;
      return text.length;
    },
    calls: () => calls,
  };
}

describe('memoByText', () => {
  it('reads a text once, and gives what the reading gives', () => {
    const c = counted();
    const memo = memoByText(c.read);
    expect([memo('free'), memo('free'), memo('refund'), memo('free')]).toEqual([4, 4, 6, 4]);
    expect(c.calls()).toBe(2);
  });

  it('keeps a falsy reading too (false, 0, an empty list are answers, not misses)', () => {
    const c = counted();
    const memo = memoByText((t) => c.read(t) * 0);
    expect([memo('x'), memo('x'), memo('x')]).toEqual([0, 0, 0]);
    expect(c.calls()).toBe(1);
  });

  it('reads a text longer than maxChars afresh every time: a long clause is never kept', () => {
    const c = counted();
    const memo = memoByText(c.read, 10, 8);
    const long = 'a'.repeat(9);
    memo(long);
    memo(long);
    memo('a'.repeat(8));
    memo('a'.repeat(8));
    expect(c.calls()).toBe(3);
  });

  it('holds at most maxEntries texts: past them it starts empty again', () => {
    const c = counted();
    const memo = memoByText(c.read, 3);
    for (const t of ['a', 'b', 'c']) memo(t);
    for (const t of ['a', 'b', 'c']) memo(t);
    expect(c.calls()).toBe(3);
    // The fourth text empties the memo before it is kept: the first three are read again.
    memo('d');
    for (const t of ['a', 'b', 'c']) memo(t);
    expect(c.calls()).toBe(7);
    // …and 'd' was kept alongside two of them only until the memo filled again.
    memo('d');
    expect(c.calls()).toBe(8);
  });
});
