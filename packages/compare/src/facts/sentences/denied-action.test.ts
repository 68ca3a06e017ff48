import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

describe('an action the original denies the service does, said as the service’s in other words', () => {
  it('is a flip where the service now does what it said it does not ("our crew doesn’t move…" / "our crew will shift…")', () => {
    expect(
      flips(
        'Pumping is $350. Please clear access to the lid before we arrive; our crew doesn’t move kitchen equipment.',
        'A pump-out is $350. Our crew will shift any kitchen equipment in the way when they arrive.',
      ).join(),
    ).toContain('the reader → the service');
    expect(
      flips(
        'A basic test is $95. We don’t collect samples; you drop the bottle at our lab.',
        'The basic test is $95. A technician comes out to take the sample for you.',
      ).join(),
    ).toContain('the reader → the service');
  });

  it('reads "handed out" and "issued" as the service’s, as "provided" ("Towels aren’t provided" / "Towels are handed out at reception")', () => {
    expect(
      flips(
        'The pool is open to everyone. Towels aren’t provided, so bring your own.',
        'Everyone can swim. Towels are handed out at reception.',
      ).join(),
    ).toContain('the reader → the service');
    // "are not provided": the participle read past the negation.
    expect(
      flips(
        'Mats can be rented for $3, but towels are not provided, so bring your own.',
        'Mats are $3 to rent, and towels are handed out at the desk.',
      ).join(),
    ).toContain('the reader → the service');
  });

  it('reads "is on you" as the reader’s ("The 811 locate is on you")', () => {
    expect(
      flips(
        'We’ll arrange the utility line locate before digging. Posts are set in concrete.',
        'The utility locate is on you, so please call it in before we dig. Posts are set in concrete.',
      ).join(),
    ).toContain('the service → the reader');
  });

  it('is no flip where the service’s action is named inside a relative, or "on you" is no one’s task', () => {
    expect(
      flips(
        'We charge £40 to assess an accordion. We don’t repair electronic accordions.',
        'Assessing an accordion costs £40. Electronic models are outside what we repair.',
      ),
    ).toEqual([]);
    expect(
      flips('We’ll arrange the permit before the build starts.', 'Whether the permit comes first depends on you and the council.'),
    ).toEqual([]);
  });
});
