import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from '../polarity/clause-polarity.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
    .map((d) => `${d.kind}: ${d.message}`);

describe('a terse list read item by item', () => {
  it('takes an excluded item for its own claim, not the stance of the whole list', () => {
    expect(
      facts(
        'Your comprehensive policy has an excess of $300 per claim. Windscreen damage is excluded.',
        'Comprehensive cover, $300 excess per claim, windscreen excluded.',
      ),
    ).toEqual([]);
  });

  it('still flips where the excluded item is what production covers', () => {
    expect(
      facts(
        'Your comprehensive policy has an excess of $300 per claim. Windscreen damage is covered.',
        'Comprehensive cover, $300 excess per claim, windscreen excluded.',
      ),
    ).toHaveLength(1);
  });

  it('reads the modal of the item about the clause: "optional" of another item is not a weakened "required"', () => {
    expect(
      facts(
        'A driving licence is optional for volunteers, but a first-aid certificate is required for everyone who leads a group.',
        'Driving licence optional, first-aid certificate needed if you lead a group.',
      ),
    ).toEqual([]);
  });

  it('pairs an item with the clause of production that says it in its stance ("free with…, $25 without")', () => {
    expect(
      facts('Parking is free with most hotel bookings; without booking it costs $25.', 'Free with most bookings, $25 without.'),
    ).toEqual([]);
  });

  it('keeps a charge said in other words as what the item is about ("no charge" / "the cost goes on…")', () => {
    expect(
      facts(
        "Because the boiler is under warranty, there's no charge for the repair.",
        'Because the boiler is under warranty, the cost goes on your next invoice.',
      ),
    ).toHaveLength(1);
  });

  it('ends a charge\'s noun phrase at a new subject: "without booking it costs $25" is no "without any fee"', () => {
    expect(clausePolarity(clauseTokens('without booking it costs $25')).free).toBeUndefined();
    expect(clausePolarity(clauseTokens('without any booking fee')).free).toBe(true);
  });
});
