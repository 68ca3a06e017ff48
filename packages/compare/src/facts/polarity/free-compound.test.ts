import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true)
    .map((d) => d.message);
const negated = (s: string): boolean => clausePolarity(clauseTokens(s)).negated;

describe('a "-free" compound denies its noun', () => {
  it('reads "interest-free" as "no interest"', () => {
    expect(negated('Payment plans are interest-free.')).toBe(true);
    expect(negated('Orders above €300 are commission-free.')).toBe(true);
    // "not" and the compound are two negations: "not nut-free" says there are nuts.
    expect(negated('Our kitchen is not nut-free.')).toBe(false);
  });

  it('flips against a clause that states the noun', () => {
    expect(
      flips('Payment plans are interest-free and can run for 12 months.', 'Payment plans carry interest and can run for 12 months.'),
    ).not.toEqual([]);
    expect(flips('Orders above €300 are commission-free.', 'We charge a commission on orders above €300.')).not.toEqual([]);
  });

  it('agrees with the noun denied in other words', () => {
    expect(flips('Payment plans are interest-free.', 'Payment plans carry no interest.')).toEqual([]);
    expect(flips('Orders above €300 are commission-free.', 'We charge no commission on orders above €300.')).toEqual([]);
  });

  it('names a thing, not the claim, beside a negation of another word', () => {
    expect(negated("The nut-free bakery doesn't open on Sundays.")).toBe(true);
    expect(flips("The nut-free bakery doesn't open on Sundays.", 'The nut-free bakery opens on Sundays.')).not.toEqual([]);
    expect(flips('Payment plans are interest-free.', 'Interest-free payment plans are available.')).toEqual([]);
  });

  it('is no flip against a clause that does not say the noun', () => {
    expect(flips('Returns are hassle-free at any branch.', 'Returns are easy at any branch.')).toEqual([]);
  });

  it('lets no baseline that words the denial as a compound excuse the noun stated', () => {
    // The compound in the baseline agrees with the original: the candidate's commission is no noise.
    expect(
      flips('We charge no commission on orders over €300.', 'We charge a commission on orders over €300.', [
        'Orders above €300 are commission-free.',
      ]),
    ).not.toEqual([]);
    expect(
      flips('Payment plans are interest-free and can run for 12 months.', 'Payment plans carry interest and can run for 12 months.', [
        'Interest-free payment plans are available for up to 12 months.',
      ]),
    ).not.toEqual([]);
  });
});
