import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const negated = (text: string): boolean[] => factSheet(text).clauses.map((c) => c.polarity.negated);

// Each "no" of a list of denied items denies its own item: the clause denies once, however many
// items it lists.
describe('a list of denied items ("no perfume, no phones")', () => {
  it('reads "no X, no Y" and "no X and no Y" as one denial', () => {
    expect(negated('On the boat: no glass, no loud music')).toEqual([true]);
    expect(negated('No glass and no loud music on the boat.')).toEqual([true]);
    expect(negated('No glass, no loud music and no pets.')).toEqual([true]);
  });

  it('reads it as the request production words with one negation', () => {
    expect(judged('Please do not bring glass or play loud music on the boat.', 'On the boat: no glass, no loud music.')).toEqual([]);
    // Allowed now is still a change.
    expect(
      judged('Please do not bring glass or play loud music on the boat.', 'You can bring glass and play loud music on the boat.'),
    ).not.toEqual([]);
  });

  it('still counts a "no" that is no item of the list', () => {
    expect(negated("You can't bring glass, and no one checks bags.")).toEqual([false]);
  });
});
