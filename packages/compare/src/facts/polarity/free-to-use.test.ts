import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const polarity = (text: string) => factSheet(text).clauses.map((c) => c.polarity);

// "free to use" / "free to enter" is the price sense of "free"; "free to leave" permits.
describe('"free to" and a verb of using', () => {
  it('reads "free to use" as free of charge, "free to leave" as a permission', () => {
    expect(polarity('The sauna is free to use.')[0]?.free).toBe(true);
    expect(polarity('You are free to leave at any time.')[0]?.free).toBeUndefined();
  });

  it('reads it against production\'s "free" as one claim', () => {
    expect(judged('The sauna is free for members.', 'The sauna is free to use for members.')).toEqual([]);
    expect(judged('Dryers cost $2 in the other halls and are free in the Annex.', 'In the Annex the dryers are free to use.')).toEqual([]);
    expect(judged('The sauna is free for members.', 'The sauna costs $5 for members.')).not.toEqual([]);
  });

  it('reads "free to" a figure as free up to it ("free to 200 pages"), a price, not a permission', () => {
    expect(polarity('Printing free to 200 pages.')[0]?.free).toBe(true);
    expect(judged("The library's free plan covers up to 200 pages.", 'Library plan free to 200 pages.')).toEqual([]);
    expect(judged("The library's free plan covers up to 200 pages.", 'Library plan: $3 to 200 pages.')).not.toEqual([]);
  });
});
