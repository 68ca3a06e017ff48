import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from '../polarity/clause-polarity.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);
const negated = (s: string) => clausePolarity(clauseTokens(s)).negated;

describe('antonym predicates without a negation word', () => {
  it('reads opposite sides of a state as a flip', () => {
    expect(flips('Your room has a private bathroom.', 'Your room has a shared bathroom.')).toHaveLength(1);
    expect(flips('The kill switch is disabled by default.', 'The kill switch is enabled by default.')).toHaveLength(1);
    expect(
      flips('You will receive a full refund within 5 business days.', 'You will receive a partial refund within 5 business days.'),
    ).toHaveLength(1);
    expect(flips('The seller pays return shipping on all items.', 'The buyer pays return shipping on all items.')).toHaveLength(1);
  });

  it('reads "extra" against "included"', () => {
    expect(flips('A helmet is included with every rental.', 'A helmet is extra with every rental.')).toHaveLength(1);
    expect(flips('A helmet is included with every rental.', 'A helmet comes at no extra cost with every rental.')).toEqual([]);
  });

  it('reads a sum paid back against one kept or forfeited', () => {
    expect(
      flips(
        'If a passenger cancels less than 1 hour before departure, the $2 booking fee is kept.',
        'If a passenger cancels less than 1 hour before departure, the $2 booking fee is refunded.',
      ),
    ).toHaveLength(1);
    expect(flips('Your deposit is refundable on cancellation.', 'Your deposit is forfeited on cancellation.')).toHaveLength(1);
    // A baseline that words the kept fee with a negation does not excuse the refund.
    const varied = diffFacts(
      factSheet('If you cancel less than 1 hour before departure, the $2 booking fee is kept.'),
      factSheet('If you cancel less than 1 hour before departure, the $2 booking fee is refunded.'),
      [factSheet("If you cancel within an hour of departure, you don't get the $2 booking fee back.")],
    ).filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true);
    expect(varied).toHaveLength(1);
    // Both sides in one clause take none; a negated pole says the other.
    expect(flips('The deposit is refunded, but the booking fee is kept.', 'The booking fee is kept and the deposit refunded.')).toEqual([]);
    expect(flips('The booking fee is kept.', "The booking fee isn't refunded.")).toEqual([]);
  });

  it('lets a negation and the opposite word cancel out', () => {
    expect(flips('The kill switch is disabled by default.', 'The kill switch is not enabled by default.')).toEqual([]);
    expect(flips('The room has a private bathroom.', 'The bathroom of the room is not shared.')).toEqual([]);
  });
});

describe('verbs of failing and stopping', () => {
  it('reads "failed to …" and "stopped …ing" as negations', () => {
    expect(negated('The parcel failed to arrive on time.')).toBe(true);
    expect(negated('The clinic stopped accepting walk-in patients.')).toBe(true);
    expect(negated('That plan has been discontinued.')).toBe(true);
    expect(
      flips('The clinic accepts walk-in patients on Saturdays.', 'The clinic stopped accepting walk-in patients on Saturdays.'),
    ).toHaveLength(1);
  });

  it('leaves a failure reported as an event and a stop on a route alone', () => {
    expect(negated('We retried the failed payment this morning.')).toBe(false);
    expect(negated('The pipeline failed at the test step.')).toBe(false);
    expect(negated('The bus stopped at the station.')).toBe(false);
  });
});
