import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a negation bounded by "until" or "before" (a moment, not the claim denied)', () => {
  it('is no flip against the moment said from the other side ("isn\'t refunded until" / "is refunded once")', () => {
    expect(flips("Your deposit isn't refunded until the keys are returned.", 'We refund the deposit once the keys are returned.')).toEqual(
      [],
    );
    expect(
      flips("Your first instalment isn't due until 3 months after delivery.", 'First instalment due 3 months after delivery.'),
    ).toEqual([]);
    expect(flips("Guests can't check in before 3 pm.", 'Check-in opens at 3 pm for guests.')).toEqual([]);
  });

  it('is still a flip where the other clause keeps the bound, or names the opposite one', () => {
    expect(
      flips("Your deposit isn't refunded until the keys are returned.", 'Your deposit is refunded until the keys are returned.'),
    ).not.toEqual([]);
    expect(flips("Guests can't check in before 3 pm.", 'Guests can check in before 3 pm.')).not.toEqual([]);
    // "during the term" names the span the bound closes, not the moment it opens.
    expect(flips("You can't withdraw the savings before the term ends.", 'Withdrawals are possible during the term.')).not.toEqual([]);
    expect(
      flips("Your deposit isn't refunded until the keys are returned.", 'Your deposit is refunded before the keys are returned.'),
    ).not.toEqual([]);
  });
});

describe('a negation bounded by "after", and "not before" said as the earliest moment', () => {
  it('is no flip against the moment said from the other side ("no bookings after 6 pm" / "until 6 pm", "last … at")', () => {
    expect(flips("We don't take table bookings after 6pm.", 'We take table bookings until 6pm.')).toEqual([]);
    expect(flips('Entry to the gallery is not possible after 8pm.', 'Last entry to the gallery is at 8pm.')).toEqual([]);
    expect(flips('Check-in is not possible before 3pm.', 'The earliest check-in is 3pm.')).toEqual([]);
  });

  it('is still a flip where the other clause keeps "after" or allows what was denied (regressions)', () => {
    expect(flips("We don't take table bookings after 6pm.", 'We take table bookings after 6pm.')).not.toEqual([]);
    expect(flips('Check-in is not possible before 3pm.', 'Check-in is possible before 3pm.')).not.toEqual([]);
  });
});
