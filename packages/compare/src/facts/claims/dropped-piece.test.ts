import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// What a shorter correct answer may leave out (background, courtesy, detail the user does not act
// on) against what it may not: a requirement, condition, exception or cost that binds the user and
// that every production answer states, even with no value in it.

const tour =
  'The guided bike tour leaves from the harbour at 9:00 and lasts about three hours. You must bring your own helmet. The route follows the coast road to the lighthouse and back.';
const tourBaseline =
  'Our bike tour starts at the harbour at 9:00 and takes around three hours. Bring your own helmet - we do not lend them. We ride along the coast road out to the lighthouse and return the same way.';

describe('a piece of a binding clause left out, with no value in it', () => {
  it('names a whole requirement every production answer states', () => {
    const candidate =
      'The guided bike tour leaves from the harbour at 9:00 and lasts about three hours. The route follows the coast road to the lighthouse and back.';
    expect(judged(tour, candidate, [tourBaseline])).toEqual(['fact_dropped: dropped: "You must bring your own helmet."']);
    // With no baseline the candidate is the original with a clause taken out, word for word.
    expect(judged(tour, candidate, [])).toEqual(['fact_dropped: dropped: "You must bring your own helmet."']);
  });

  it('names a condition the price or the promise rests on', () => {
    const original =
      'The rental van is €89 a day with unlimited mileage. Insurance is included in that rate. The rate assumes the driver is over 25 and has held a licence for two years.';
    const baseline =
      'It costs €89 per day, mileage unlimited, and insurance is part of the price. That price is only for drivers over 25 with a licence held for two years.';
    const candidate = 'The rental van is €89 a day with unlimited mileage. Insurance is included in that rate.';
    expect(judged(original, candidate, [baseline])).toEqual([
      'fact_dropped: dropped: "The rate assumes the driver is over 25 and has held a licence for two years."',
    ]);
  });

  it('names an item taken out of a list of what the user must provide', () => {
    const original =
      'To open the account we need your passport, a utility bill and a signed tax form; the account is usually open within two working days.';
    const baseline =
      'Please send your passport, a recent utility bill and the signed tax form. Opening the account normally takes two working days.';
    const candidate = 'To open the account we need your passport and a utility bill; the account is usually open within two working days.';
    expect(judged(original, candidate, [baseline])).toEqual([
      'fact_dropped: dropped: "a signed tax form" from "To open the account we need your passport, a utility bill and a signed tax form"',
    ]);
  });
});

describe('what a shorter answer may leave out stays noise', () => {
  it('a freedom ("you don\'t need to…") and a description', () => {
    const original =
      "Your ticket for the museum is valid all day on 3 May. You don't need to print it; the code on your phone is enough. The café on the top floor has a view of the river.";
    const baseline =
      'The museum ticket is good for the whole of 3 May. No need to print it - showing the code on your phone works. There is a café with a river view on the top floor.';
    const candidate = 'Your ticket for the museum is valid all day on 3 May. The café on the top floor has a view of the river.';
    expect(judged(original, candidate, [baseline])).toEqual([]);
  });

  it('a requirement a baseline leaves out too (production does not always say it)', () => {
    const baseline =
      'Our bike tour starts at the harbour at 9:00, takes around three hours and runs along the coast road to the lighthouse.';
    const candidate =
      'The guided bike tour leaves from the harbour at 9:00 and lasts about three hours. The route follows the coast road to the lighthouse and back.';
    expect(judged(tour, candidate, [baseline])).toEqual([]);
  });

  it("a requirement said again in words of the candidate's own", () => {
    const candidate =
      'The guided bike tour leaves from the harbour at 9:00 and lasts about three hours. Helmets are on you: pack one. The route follows the coast road to the lighthouse and back.';
    expect(judged(tour, candidate, [tourBaseline])).toEqual([]);
  });

  it('a terse answer that condenses everything', () => {
    expect(judged(tour, 'Harbour, 9:00, three hours, coast road to the lighthouse.', [tourBaseline])).toEqual([]);
  });

  it('with no baseline, a reworded answer', () => {
    const reworded =
      'We set off from the harbour at 9:00 for a ride of about three hours, along the coast road to the lighthouse and back again.';
    expect(judged(tour, reworded, [])).toEqual([]);
  });
});
