import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markAcross, markWithin } from './mark-search.js';

const mark = Buffer.from('"usage"');
/** Bytes drawn mostly from the mark's own, so partial and whole marks are frequent. */
const bytes = fc.array(fc.oneof(fc.constantFrom(...mark), fc.constantFrom(0x20, 0x61, 0x22)), { maxLength: 24 }).map((b) => Buffer.from(b));

describe('mark search', () => {
  it('finds a mark in a prefix and across a seam exactly where the joined copy of the bytes holds one', () => {
    fc.assert(
      fc.property(bytes, bytes, fc.nat(), fc.nat(), fc.nat(), (carry, own, c, f, t) => {
        // Stale bytes past `carried` and outside `from`–`to` must not count.
        const carried = c % (carry.length + 1);
        const from = f % (own.length + 1);
        const to = from + (t % (own.length - from + 1));
        const before = carry.subarray(0, carried);
        const after = own.subarray(from, to);
        expect(markWithin(carry, carried, mark)).toBe(before.includes(mark));
        const joined = Buffer.concat([before, after]).includes(mark);
        expect(markWithin(carry, carried, mark) || after.includes(mark) || markAcross(carry, carried, own, from, to, mark)).toBe(joined);
        // Across alone: only a mark that neither side holds whole.
        if (!before.includes(mark) && !after.includes(mark)) expect(markAcross(carry, carried, own, from, to, mark)).toBe(joined);
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });

  it('reads a mark split at each of its bytes', () => {
    for (let k = 1; k < mark.length; k++) {
      const carry = Buffer.concat([Buffer.from('xx'), mark.subarray(0, k), Buffer.from('stale"usage"')]);
      const own = Buffer.concat([Buffer.from('zz'), mark.subarray(k), Buffer.from('yy')]);
      expect(markAcross(carry, 2 + k, own, 2, own.length, mark)).toBe(true);
      expect(markAcross(carry, 2 + k, own, 2, 2 + mark.length - k - 1, mark)).toBe(false);
      expect(markWithin(carry, 2 + k, mark)).toBe(false);
    }
  });
});
