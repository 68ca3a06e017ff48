import { describe, expect, it } from 'vitest';
import { type ClauseFacts, type FactSheet, factSheet } from '../clauses/fact-sheet.js';
import type { FactValue } from './fact-value.js';
import { someClauseStates } from './some-clause-states.js';
import { clauseStates } from './value-slots.js';

// someClauseStates answers what a scan of every clause with clauseStates answers, asking only the
// clauses that hold the value's keys or number: checked here on answers whose values match only by
// number (a bare figure, a count, an amount, a time on the hour read as its hour), for every value of
// every answer against every other answer and every clause limit.
const answers = [
  'Check-in is from 15:00 to 19:00. Late arrivals after 22:00 pay $20. The room sleeps 3 people.',
  'You can check in from 3 pm. We have 15 rooms and 3 floors; parking costs 20 per night.',
  'The fee is $35, or 35 EUR abroad. Refunds take 5-7 business days. Call +1 415 555 0100.',
  'Two checked bags are free; a third costs $60. Your booking BK-4821 is for 2 nights from 12 March.',
  'Order #4821 shipped on 12 March with 2 parcels. Opening hours: 9 to 17 on weekdays, 10 to 14 on Saturday.',
  'We are open until 19, and 22 seats are left. It is 5 minutes from the station; about 7 km by road.',
];

const scan = (sheet: FactSheet, v: FactValue, max: number, test: (x: ClauseFacts) => boolean): boolean =>
  sheet.clauses.some((x, i) => i < max && clauseStates(x, v) && test(x));

describe('someClauseStates', () => {
  const sheets = answers.map(factSheet);
  const values = sheets.flatMap((s) => s.values);

  it('reads numbers in every form the index keys on', () => {
    const types = new Set(values.map((v) => v.type));
    for (const t of ['time', 'money', 'number', 'quantity', 'duration', 'date', 'identifier', 'phone']) expect(types).toContain(t);
  });

  it('answers what the scan of every clause answers, for every value, answer and limit', () => {
    let found = 0;
    for (const sheet of sheets)
      for (const v of values)
        for (const max of [0, 1, 2, 3, 50]) {
          const any = (): boolean => true;
          const expected = scan(sheet, v, max, any);
          expect(someClauseStates(sheet, v, max, any)).toBe(expected);
          if (expected) found++;
          // A test that rules out the first clause stating it: another one must be found, or none.
          const first = sheet.clauses.find((x, i) => i < max && clauseStates(x, v));
          const notFirst = (x: ClauseFacts): boolean => x !== first;
          expect(someClauseStates(sheet, v, max, notFirst)).toBe(scan(sheet, v, max, notFirst));
        }
    // Values found in other answers than their own, by number alone too (15:00 as 15, $20 as 20).
    expect(found).toBeGreaterThan(values.length * 2);
  });
});
