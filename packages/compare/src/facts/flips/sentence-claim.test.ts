import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (original: string, candidate: string): string[] =>
  diffFacts(factSheet(original), factSheet(candidate))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a flip read where two wordings cut one sentence into clauses differently', () => {
  it('reads a negation in a condition or a contrast as the sentence says it, not the clause', () => {
    // A relative clause in one, a condition in the other.
    expect(
      flips('Parcels that cannot be delivered are returned to the depot.', "If a parcel can't be delivered, it is returned to the depot."),
    ).toEqual([]);
    // One exception said as a contrast of two clauses, or inside one.
    expect(
      flips(
        "We don't ship lithium batteries by air, but every other item can go by air for €9.",
        'Air shipping costs €9 and is available for every item except lithium batteries.',
      ),
    ).toEqual([]);
  });

  it('still reads a flip where the negation moved to another thing', () => {
    // One clause negating a conjoined subject against a contrast of two clauses of opposite polarity.
    expect(
      flips('Batteries and aerosol cans are not accepted.', "Batteries are accepted, though aerosol cans aren't accepted."),
    ).not.toEqual([]);
    // The same number of negations, about other words.
    expect(
      flips('Lunch is not provided, so please bring one every day.', "Lunch is provided every day, so there's no need to bring one."),
    ).not.toEqual([]);
  });
});
