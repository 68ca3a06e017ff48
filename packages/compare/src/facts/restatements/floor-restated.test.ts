import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a floor worded from either side ("under 14 can\'t" / "14 and up")', () => {
  const original = "Lessons are $30 an hour. Riders under 14 can't join the trail ride.";

  it('is one limit: no flip', () => {
    expect(flips(original, 'Lessons: $30 an hour. Trail ride: riders 14 and up.')).toEqual([]);
    expect(flips(original, 'Lessons are $30 an hour. The trail ride is for riders aged 14+.')).toEqual([]);
    expect(flips(original, 'Lessons are $30 an hour. Riders must be at least 14 to join the trail ride.')).toEqual([]);
  });

  it('is still a flip where the figure differs or the bound is dropped', () => {
    expect(flips(original, 'Lessons are $30 an hour. Riders under 14 can join the trail ride.')).not.toEqual([]);
  });

  it('reads the floor of the part that holds the denial, in a clause of two parts', () => {
    const two = "Under-12s must be with an adult, and the café doesn't sell coffee to anyone under 16.";
    expect(flips(two, 'The café only sells coffee to over-16s, and under-12s must be with an adult.')).toEqual([]);
    expect(flips(two, 'The café sells coffee to under-16s, and under-12s must be with an adult.')).not.toEqual([]);
  });

  it('reads "must be N" as the floor a denial under N says', () => {
    expect(flips('Karting: you must be 16 to drive the big karts.', 'Karting: nobody under 16 can drive the big karts.')).toEqual([]);
    expect(flips('Karting: you must be 16 to drive the big karts.', 'Karting: nobody over 16 can drive the big karts.')).not.toEqual([]);
  });

  it('reads a floor in German and French ("unter 16" / "ab 16", "moins de 16 ans" / "dès 16 ans")', () => {
    expect(flips('Kinder unter 16 Jahren dürfen nicht in die Halle.', 'Die Halle ist erst ab 16 Jahren.')).toEqual([]);
    expect(flips("Les moins de 16 ans n'ont pas accès au bassin.", 'Le bassin est accessible dès 16 ans.')).toEqual([]);
  });

  it('reads a part kept away ("off limits to children under 7") as one that denies', () => {
    const rule = 'The pool is off limits to children under 7, and all swimmers wear a cap.';
    expect(flips(rule, 'You have to be 7 or older to use the pool, and every swimmer wears a cap.')).toEqual([]);
  });
});
