import { describe, expect, it } from 'vitest';
import { regressionKinds as judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

// A time promised or bounded with an article ("approved within a week", "ready in an hour") is as
// firm as one in digits; "a week" as a rate's period ("twice a week", "$5 a week") stays a weak value.
const durations = (s: string) => factSheet(s).values.filter((v) => v.type === 'duration');
describe('time promises with an article', () => {
  it('reads "within a week", "in an hour", "under a day" as firm durations, "twice a week" as a weak one', () => {
    for (const s of ['Permits are approved within a week.', 'Your order is ready in an hour.', 'The flight is under a day.'])
      expect(
        durations(s).map((v) => v.weak),
        s,
      ).toEqual([false]);
    for (const s of ['We clean twice a week.', 'It costs $5 a week.', 'Refunds take a week.'])
      expect(
        durations(s).map((v) => v.weak),
        s,
      ).toEqual([true]);
  });

  it('reports a time promise added to a kept answer, and one changed', () => {
    const o =
      'A county well permit is required before we can start, and we will file it for you. The water test after completion is included in the price.';
    const added =
      'A county well permit is required before we can start, and we will file it for you. Permits in your county are usually approved within a week. The water test after completion is included in the price.';
    expect(judged(o, added)).toEqual(['added_claim']);
    expect(judged(added, added.replace('within a week', 'within a month'))).toEqual(['fact_changed']);
    expect(judged(added, added)).toEqual([]);
  });
});
