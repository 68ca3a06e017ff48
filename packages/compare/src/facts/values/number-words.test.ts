import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { numberWordsValue } from './number-words.js';

describe('a dozen', () => {
  it('counts twelve', () => {
    expect(numberWordsValue(['a', 'dozen'])).toBe(12);
    expect(numberWordsValue(['two', 'dozen'])).toBe(24);
    expect(judged('You get a dozen eggs with the box.', 'You get 12 eggs with the box.')).toEqual([]);
    expect(judged('Order two dozen roses for the table.', 'Order 24 roses for the table.')).toEqual([]);
  });

  it('is not another count', () => {
    expect(judged('You get a dozen eggs with the box.', 'You get 13 eggs with the box.')).not.toEqual([]);
  });
});
