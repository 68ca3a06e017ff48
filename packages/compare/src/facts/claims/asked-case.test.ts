import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

// A short question the answer goes on to answer ("Already shipped? Refuse the parcel.") sets the case
// the answer is about, as a leading "If …," does: it asserts nothing of its own.
describe('a short question answered by what follows', () => {
  it('is a condition, not a claim', () => {
    const conditions = (t: string) => factSheet(t).clauses.map((c) => c.condition);
    expect(conditions('Already shipped? Refuse the parcel at the door.')).toEqual([true, false]);
    // The answer's last line, or a long question, is not.
    expect(conditions('Refuse the parcel at the door. Any questions?')).toEqual([false, false]);
  });

  it('is not read as a flip of the denial production words', () => {
    expect(
      judged(
        "Don't edit a release that has already been applied in production; publish a new one instead.",
        'Applied in production? Leave it alone and publish a new release.',
      ),
    ).toEqual([]);
    expect(
      judged(
        "Don't edit a release that has already been applied in production; publish a new one instead.",
        'Applied in production? Just edit it.',
      ),
    ).not.toEqual([]);
  });
});
