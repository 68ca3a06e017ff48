import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const negated = (text: string): boolean[] => factSheet(text).clauses.map((c) => c.polarity.negated);

// "blocks" is the verb that denies ("the cap blocks new uploads") or a plural noun ("2-hour blocks").
describe('"blocks" as a thing or as a denial', () => {
  it('names a thing after a figure, a compound, a determiner or a preposition', () => {
    expect(negated('Studio time: 3-hour blocks, max 2 a week.')).toEqual([false]);
    expect(negated('Book the kiln in blocks.')).toEqual([false]);
    expect(negated('You can take two blocks a week.')).toEqual([false]);
    expect(judged('Members book the kiln in 3-hour blocks, up to two a week.', 'Kiln: 3-hour blocks, max 2/week.')).toEqual([]);
  });

  it('still denies as a verb after its subject', () => {
    expect(negated('The spam filter blocks links from new senders.')).toEqual([true]);
    expect(negated('Going over the quota blocks new uploads.')).toEqual([true]);
  });
});
