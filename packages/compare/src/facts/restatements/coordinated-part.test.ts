import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('two negated predications joined after a comma', () => {
  const original = "The telescope rents for $40 a weekend. We don't rent out the tracking mount to first-time customers.";

  it('do not cancel: the part about what the other clause says decides', () => {
    expect(
      flips(
        original,
        "The telescope rents for $40 a weekend. First-time customers can't rent the tracking mount, and the telescope doesn't fit in a small car.",
      ),
    ).toEqual([]);
  });

  it('still flip where that part is not negated', () => {
    expect(
      flips(
        original,
        "The telescope rents for $40 a weekend. First-time customers can rent the tracking mount without a deposit, and the telescope doesn't fit in a small car.",
      ),
    ).not.toEqual([]);
  });
});

describe('a clause that says only one of two predications joined after a comma', () => {
  const original = "Rides cost $3 each. Children under 6 aren't allowed on the big wheel, and everyone must wear the seatbelt provided.";

  it('is compared with that part alone: no flip where the part agrees with it', () => {
    expect(flips(original, '- Rides: $3 each\n- Seatbelt: compulsory, we provide it')).toEqual([]);
  });

  it('is still a flip where that part is turned around', () => {
    expect(flips(original, 'Rides cost $3 each. Children under 6 are allowed on the big wheel.')).not.toEqual([]);
  });
});
