import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true)
    .map((d) => d.message);

describe('a negated predicate bears on a clause that states its kin', () => {
  it('reads "not eligible" against "covered" and "not part of" against "included"', () => {
    expect(
      flips('Water-damaged phones are not eligible for the warranty.', 'Water-damaged phones are also covered by the warranty.'),
    ).toHaveLength(1);
    expect(flips('The gym locker is included in your membership.', 'The gym locker is not part of your membership.')).toHaveLength(1);
    expect(flips('Lunch is not provided on the course days.', 'Lunch is included on the course days.')).toHaveLength(1);
  });

  it('reads "not offered", "do not permit", "not welcome" against "available" and "allowed"', () => {
    expect(flips('Late checkout is available at the front desk.', 'Late checkout is not offered at the front desk.')).toHaveLength(1);
    expect(flips('Pets are allowed in the cabins.', 'We do not permit pets in the cabins.')).toHaveLength(1);
    expect(flips('Pets are allowed in the cabins.', 'Pets are not welcome in the cabins.')).toHaveLength(1);
  });

  it('keeps apart what is included and what is merely available', () => {
    // "Not included" and "available to rent" are both true of a towel you pay for.
    expect(flips('Towels are not included in the room rate.', 'Towels are available in the room for a rate.')).toEqual([]);
    expect(flips('Pets are allowed in the cabins.', 'Pets are allowed in the cabins.')).toEqual([]);
  });
});
