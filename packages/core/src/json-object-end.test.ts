import { describe, expect, it } from 'vitest';
import { jsonObjectEnd } from './json-object-end.js';

describe('jsonObjectEnd', () => {
  it('finds the closing brace of the object at open, skipping braces and escaped quotes in strings', () => {
    const text = 'see {"a":{"b":"}\\"{"},"c":1} after }';
    expect(jsonObjectEnd(text, 4)).toBe(text.indexOf(' after') - 1);
    expect(JSON.parse(text.slice(4, jsonObjectEnd(text, 4) + 1))).toEqual({ a: { b: '}"{' }, c: 1 });
  });

  it('answers -1 for an object that does not close, or not within maxScan characters', () => {
    expect(jsonObjectEnd('{"a":{"b":1}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":"}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":1}', 0, 6)).toBe(-1);
    expect(jsonObjectEnd('{"a":1}', 0, 7)).toBe(6);
  });
});
