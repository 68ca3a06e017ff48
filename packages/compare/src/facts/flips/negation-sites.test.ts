import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';

describe('the same negations on both sides of a reworded clause', () => {
  it('is no flip where the count reads one of them in a subordinate clause and not the other', () => {
    // The negation is in a relative clause on one side and in a conditional clause on the other:
    // both say it of the applicant's first language.
    expect(
      flips(
        "An IELTS score of at least 6.5 is required for applicants whose first language isn't English.",
        "IELTS 6.5 or higher is needed if English isn't your first language.",
      ),
    ).toEqual([]);
  });

  it('is no flip where a prefix negates one side\'s word and a "not" the other\'s', () => {
    expect(flips('Unused seats are not refundable mid-term.', "Seats you don't use can't be refunded in the middle of the term.")).toEqual(
      [],
    );
  });

  it('still flips where a negation of one side has no counterpart on the other', () => {
    // The negation moved from the instruction into its condition.
    expect(
      flips('Do not make him vomit unless a vet tells you to.', 'Make him vomit right away unless a vet tells you not to.'),
    ).not.toEqual([]);
    expect(flips("You can't cancel online, but you can by phone.", "You can cancel online, but you can't by phone.")).not.toEqual([]);
    expect(
      flips(
        "Applicants whose first language isn't English need an IELTS score.",
        "Applicants whose first language isn't English don't need an IELTS score.",
      ),
    ).not.toEqual([]);
  });
});
