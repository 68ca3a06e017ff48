import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A longer answer reassures and explains: "so don't worry if…" denies nothing the service does, and
// "most of them will…" promises nothing of the service's. Neither is a claim production must support.
describe('reassurance and observations in a longer answer', () => {
  const original = 'Beginner pottery classes run on Thursdays from 6 to 8pm and cost £20 a session, clay and firing included.';

  it('reads "don\'t worry if…" as reassurance, not a claim', () => {
    expect(
      judged(
        original,
        "Beginner pottery classes run on Thursdays from 6 to 8pm and cost £20 a session, clay and firing included. Most people centre their first pot within a few sessions, so don't worry if it wobbles at first.",
      ),
    ).toEqual([]);
    // A new rule with a negation is still a claim.
    expect(
      judged(
        original,
        'Beginner pottery classes run on Thursdays from 6 to 8pm and cost £20 a session, clay and firing included. Pots are not fired for beginners in their first month.',
      ),
    ).not.toEqual([]);
  });

  it('reads "most of them will…" as no promise of the service', () => {
    expect(
      judged(
        'Our cattery has twelve resident cats; please let them come to you.',
        'Our cattery has twelve resident cats. Please let them come to you - most of them will sit on your lap if you stay still.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Our cattery has twelve resident cats; please let them come to you.',
        'Our cattery has twelve resident cats; please let them come to you. Children are not allowed in the cat room.',
      ),
    ).not.toEqual([]);
  });
});
