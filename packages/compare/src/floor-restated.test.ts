import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

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
});
