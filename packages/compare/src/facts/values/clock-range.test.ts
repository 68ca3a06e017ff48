import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const times = (text: string): string[] =>
  factSheet(text)
    .values.filter((v) => v.type === 'time')
    .map((v) => v.keys[0] ?? '');

// "between 1 and 4 p.m." names two clock times: the first hour takes the meridiem written once after
// the second, or the other half of the day where it is the later hour ("9 to 5 p.m." opens at 9 a.m.).
describe('a range that names its unit once', () => {
  it('gives the first end the unit of the second ("3 to 4 hours", "three to four hours", "2 or 3 bags")', () => {
    const keys = (text: string): string[] => factSheet(text).values.map((v) => v.keys[0] ?? '');
    expect(keys('It takes 3 to 4 hours.')).toEqual(['duration:10800', 'duration:14400']);
    expect(keys('It takes roughly three to four hours.')).toEqual(['duration:10800', 'duration:14400']);
    expect(keys('Bring 2 or 3 bags.')).toEqual(['quantity:bag:2', 'quantity:bag:3']);
    expect(keys('Ages 13 to 17 only.')).toEqual(['number:13', 'number:17']);
  });

  it('reads a baseline giving the span ("three to four hours") as production varying over it', () => {
    const original = 'It takes about three hours and costs $240 for inside and outside.';
    expect(
      judged(original, 'Inside and outside, it costs $240 and takes about four hours.', [
        'Inside and outside comes to $240 and takes roughly three to four hours.',
      ]),
    ).toEqual([]);
    expect(judged(original, 'Inside and outside, it costs $240 and takes about four hours.')).not.toEqual([]);
  });
});

describe('a range of clock hours with one am/pm', () => {
  it('gives the first hour the meridiem of the second, or the other half of the day', () => {
    expect(times('Pickup is between 1 and 4 p.m. on weekdays.')).toEqual(['time:13:00', 'time:16:00']);
    expect(times('The desk is staffed 1–4 p.m. daily.')).toEqual(['time:13:00', 'time:16:00']);
    expect(times('We are open from 9 to 5 p.m.')).toEqual(['time:09:00', 'time:17:00']);
    expect(times('Lunch is served 12 to 3 pm.')).toEqual(['time:12:00', 'time:15:00']);
    expect(times('Quiet hours run 11 until 6 a.m.')).toEqual(['time:23:00', 'time:06:00']);
  });

  it('reads "between 1 p.m. and 4 p.m." and "between 1 and 4 p.m." as one range, and a changed end as a change', () => {
    expect(judged('Drop-off runs between 1 and 4 p.m. on Fridays.', 'Drop-off runs between 1 p.m. and 4 p.m. on Fridays.')).toEqual([]);
    expect(judged('Drop-off runs between 1 and 4 p.m. on Fridays.', 'Drop-off runs between 1 and 5 p.m. on Fridays.')).not.toEqual([]);
  });

  it("reads no variation from a baseline clause that states both the original's and the candidate's value", () => {
    const original = 'Please bring the motorhome back to the Denver depot by 11 a.m. on your last day.';
    const baseline = 'Pickup runs from 1 p.m. to 4 p.m. with the motorhome back at the Denver depot by 11 a.m. on your last day.';
    expect(judged(original, 'Please bring the motorhome back to the Denver depot by 1 p.m. on your last day.', [baseline])).toEqual([
      'fact_changed: 11 a.m → 1 p.m',
    ]);
    // A baseline that gives the candidate's time instead is production varying there.
    const varied = 'You bring the motorhome back to the Denver depot by 1 p.m. on your last day.';
    expect(judged(original, 'Please bring the motorhome back to the Denver depot by 1 p.m. on your last day.', [varied])).toEqual([]);
  });

  it('leaves numbers that are no hours alone ("rooms 3 and 4", "2 to 3 weeks")', () => {
    expect(times('Rooms 3 and 4 are on the ground floor.')).toEqual([]);
    expect(times('Delivery takes 2 to 3 weeks.')).toEqual([]);
    expect(times('Ages 13 to 17 need a guardian present until 9 p.m.')).toEqual(['time:21:00']);
  });
});
