import { describe, expect, it } from 'vitest';
import { diffFacts } from '../fact-diff.js';
import { factSheet } from './fact-sheet.js';

const flips = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true)
    .map((d) => d.message);

const original =
  'The climb takes three hours. Harnesses are provided for the climb up to the ledge. Teenagers under 16 aren’t allowed on the ledge.';

describe('the clause of the other polarity with the same subject', () => {
  it('is compared where the closest wording is another clause sharing the predicate’s words', () => {
    expect(
      flips(
        original,
        'The climb is three hours, and we lend harnesses for the climb to the ledge. Teenagers of any age may join the climb to the ledge with a parent.',
      ),
    ).toEqual([expect.stringContaining('Teenagers of any age may join')]);
  });

  it('is no flip where the reworded clause keeps the polarity, or names another subject', () => {
    expect(
      flips(
        original,
        'The climb is three hours, and we lend harnesses for the climb to the ledge. Teenagers under 16 can’t join the climb to the ledge.',
      ),
    ).toEqual([]);
    expect(
      flips(
        original,
        'The climb is three hours, and we lend harnesses for the climb to the ledge. Parents may join the climb to the ledge.',
      ),
    ).toEqual([]);
  });
});
