import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

describe('what the original denies, joined in a list to what it affirms', () => {
  it('is a flip where a list puts the exception under the rule ("Course books and the exam fee are included")', () => {
    expect(
      flips(
        'The evening course is $320 for ten weeks. Course books are included, but the exam fee of $90 isn’t. Students over 65 get 20% off.',
        'The evening course is $320 for ten weeks. Course books and the exam fee are included. Students over 65 get 20% off.',
      ).join(),
    ).toContain('exam');
    expect(
      flips(
        'Screen repairs are covered with a $29 excess. Theft is covered too, but loss isn’t.',
        'Screen repairs are covered with a $29 excess. Theft and loss are both covered.',
      ).join(),
    ).toContain('loss');
    // The middle of a longer list.
    expect(
      flips(
        'Rooms come with towels and a kettle. Hairdryers aren’t provided. Checkout is at 11.',
        'Rooms come with towels, hairdryers and a kettle. Checkout is at 11.',
      ).join(),
    ).toContain('hairdryer');
  });

  it('is no flip where the list repeats the original’s own, or a comma cuts two claims', () => {
    // Both items denied together in the original.
    expect(
      flips(
        'The desktop licence covers print and logos. It does not cover embedding the font in apps or websites; that needs a separate web or app licence.',
        'Desktop licences cover print and logo use. To embed the font in an app or website, you’ll need a separate web or app licence.',
      ),
    ).toEqual([]);
    // A terse answer's comma, no list.
    expect(
      flips(
        'VACUUM FULL takes an exclusive lock, so the orders table can’t be read or written while it runs.',
        'VACUUM FULL = exclusive lock, orders unusable meanwhile.',
      ),
    ).toEqual([]);
  });
});
