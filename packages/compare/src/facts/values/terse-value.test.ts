import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const keys = (text: string): string[] => factSheet(text).values.flatMap((v) => v.keys);

// A terse answer writes a figure the way a price list or a note does: a rate abbreviated after an
// amount ("£15pp"), a figure per a unit after a slash ("40p/kg", "3/day"), pages as "pp", a
// qualified unit joined by hyphens ("5-business-day"), "yrs". Each is the figure prose states.
describe('a figure written tersely', () => {
  it('reads an amount with a rate abbreviated after it ("£15pp", "$900pcm") as the amount', () => {
    expect(keys('Dinner is £15pp, drinks extra.')).toContain('money:GBP:15');
    expect(keys('The flat is $900pcm.')).toContain('money:USD:900');
    expect(judged('Dinner costs £15 per person, and drinks are extra.', 'Dinner £15pp, drinks extra.')).toEqual([]);
    expect(judged('Dinner costs £15 per person, and drinks are extra.', 'Dinner £18pp, drinks extra.')).not.toEqual([]);
  });

  it('reads a figure per a unit after a slash ("40p/kg", "3/day", "10GB/month") as the figure', () => {
    expect(keys('Feed costs 40p/kg.')).toEqual(keys('Feed costs 40p.'));
    expect(keys('Limit: 3/day.')).toContain('number:3');
    expect(keys('Plan: 10GB/month.')).toEqual(keys('Plan: 10GB.'));
    expect(judged('You can send up to three parcels a day.', 'Max 3/day.')).toEqual([]);
    expect(judged('You can send up to three parcels a day.', 'Max 4/day.')).not.toEqual([]);
    // A date, a fraction and a path stay what they were.
    expect(keys('Due 12/05.')).not.toContain('number:12');
    expect(keys('Round the clock, 24/7.')).toContain('duration:86400');
  });

  it('reads "pp" after a count as pages ("up to 24pp")', () => {
    expect(keys('Booklets up to 24pp.')).toContain('quantity:page:24');
    expect(judged('Booklets can have up to 24 pages.', 'Booklets: up to 24pp.')).toEqual([]);
    expect(judged('Booklets can have up to 24 pages.', 'Booklets: up to 32pp.')).not.toEqual([]);
  });

  it('reads a qualified unit joined by hyphens ("a 5-business-day refund") as that span', () => {
    expect(keys('Expect a 5-business-day refund.')).toEqual(keys('Expect a refund in 5 business days.'));
    expect(judged('Refunds reach your card within 5 business days.', 'We work to a 5-business-day refund window for your card.')).toEqual(
      [],
    );
    expect(
      judged('Refunds reach your card within 5 business days.', 'We work to a 7-business-day refund window for your card.'),
    ).not.toEqual([]);
  });

  it('reads "yrs" and "wks" as years and weeks', () => {
    expect(keys('Warranty 3 yrs.')).toEqual(keys('Warranty 3 years.'));
    expect(keys('Lead time 6 wks.')).toEqual(keys('Lead time 6 weeks.'));
  });

  it('reads "a single day" as one day', () => {
    expect(keys('Fitting takes a single day.')).toEqual(keys('Fitting takes one day.'));
    expect(judged('Fitting takes one day and costs £90.', 'We can fit it in a single day for £90.')).toEqual([]);
    expect(judged('Fitting takes one day and costs £90.', 'We can fit it in a single week for £90.')).not.toEqual([]);
    // "a single room" counts nothing.
    expect(keys('Book a single room.')).toEqual([]);
  });

  it('keeps a code span cut by a clause break with the clause it opens in', () => {
    expect(keys('Run `SET search_path = app; SHOW search_path;` - it lasts for the session.')).toContain(
      'code:SET search_path = app; SHOW search_path;',
    );
    expect(keys('Run `PRAGMA foreign_keys=ON;` once per connection.')).toContain('code:PRAGMA foreign_keys=ON;');
  });
});
