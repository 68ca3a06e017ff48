import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map(
    (d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`,
  );
const kinds = (a: string, b: string) => facts(a, b).map((d) => d.split(':')[0]);

describe('"no" before a word of price says "free", not "not"', () => {
  it('reads "at no charge", "no extra cost", "without any fee" in the price sense', () => {
    for (const s of [
      'Parking is available at no charge',
      'Towels are provided at no extra cost',
      'You can reschedule without any fee',
      'There is no additional charge for a second driver',
    ])
      expect({ s, free: clausePolarity(clauseTokens(s)).free }).toEqual({ s, free: true });
    expect(clausePolarity(clauseTokens('There is no parking at the marina')).free).toBeUndefined();
  });

  it('does not let "at no charge" cancel the negation of another clause ("not offered" / "available at no charge")', () => {
    expect(kinds('The charger is not offered at this location.', 'The charger is offered at no charge at this location.')).toEqual([
      'polarity_flip',
    ]);
    expect(kinds('Guest parking is available at no charge.', 'Guest parking is not available.')).toEqual(['polarity_flip']);
    expect(kinds('Checked bags are not included in this fare.', 'Checked bags are included in this fare at no extra cost.')).toEqual([
      'polarity_flip',
    ]);
  });

  it('agrees where both say the same thing, one as "no charge" and one as "included" or "free"', () => {
    expect(facts('Checked bags are included in this fare.', 'There is no extra charge for checked bags in this fare.')).toEqual([]);
    expect(facts('Towels are free for guests.', 'Towels are provided to guests at no charge.')).toEqual([]);
    expect(facts('There is no fee to change the date.', 'Changing the date is free.')).toEqual([]);
    expect(facts('There is no fee to change the date.', 'There is a fee to change the date.')).toHaveLength(1);
  });
});
