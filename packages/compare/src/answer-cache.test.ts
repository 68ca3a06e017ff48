import { describe, expect, it } from 'vitest';
import { AnswerCache, answerCache, limitAnswerCaches } from './answer-cache.js';

describe('AnswerCache', () => {
  it('keeps readings by content and forgets the least recently used past the answer limit', () => {
    const c = new AnswerCache<number>({ answers: 2, chars: 100 });
    c.set('first', 1);
    c.set('second', 2);
    // A copy of the text (another string of the same content) finds the entry; reading it makes it the most recent.
    expect(c.get(['fir', 'st'].join(''))).toBe(1);
    c.set('third', 3);
    expect(c.get('second')).toBeUndefined();
    expect(c.get('first')).toBe(1);
    expect(c.get('third')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('bounds the characters kept, and keeps no text longer than the bound', () => {
    const c = new AnswerCache<number>({ answers: 10, chars: 10 });
    c.set('aaaa', 1);
    c.set('bbbb', 2);
    c.set('cccc', 3);
    expect(c.get('aaaa')).toBeUndefined();
    expect(c.size).toBe(2);
    c.set('x'.repeat(11), 4);
    expect(c.get('x'.repeat(11))).toBeUndefined();
    // Replacing a reading counts its text once.
    c.set('cccc', 5);
    c.set('dd', 6);
    expect([c.get('bbbb'), c.get('cccc'), c.get('dd')]).toEqual([2, 5, 6]);
  });

  it('applies new limits to every cache of the thread, forgetting what no longer fits', () => {
    const c = answerCache<number>();
    c.set('one', 1);
    c.set('two', 2);
    const before = limitAnswerCaches({ answers: 1 });
    try {
      expect(c.get('one')).toBeUndefined();
      expect(c.get('two')).toBe(2);
      limitAnswerCaches({ answers: 0 });
      expect(c.size).toBe(0);
      c.set('three', 3);
      expect(c.get('three')).toBeUndefined();
    } finally {
      limitAnswerCaches(before);
    }
  });
});
