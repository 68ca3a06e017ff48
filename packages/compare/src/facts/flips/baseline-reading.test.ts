import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a clause that reads as the baseline says it', () => {
  const original = 'Your Basic plan includes 3 projects. Custom domains are available on the Pro plan only. Support replies within 2 days.';
  const baseline =
    "Basic gives you 3 projects. Custom domains come with Pro only and aren't part of your plan. Support answers within 2 days.";
  const shorter = "3 projects on Basic. No custom domains - that's a Pro plan feature. Support replies in 2 days.";

  it('is no flip where production says with a negation what the original says without one', () => {
    expect(flips(original, shorter, [baseline])).toEqual([]);
  });

  it('is still a flip without a baseline, or where the baseline reads as the original', () => {
    expect(flips(original, shorter)).not.toEqual([]);
    expect(
      flips(original, shorter, ['Basic gives you 3 projects. Custom domains come with the Pro plan only. Support answers within 2 days.']),
    ).not.toEqual([]);
  });

  it('is still a flip where the original has the negation the baseline lacks, or where only a direction word differs', () => {
    // The baseline says the original's "not" affirmatively; a candidate that drops the "not" reads like it.
    expect(
      flips('Refunds are not given after 30 days. Shipping is free.', 'Refunds are given after 30 days. Shipping is free.', [
        'After 30 days every sale is final. Shipping is free.',
      ]),
    ).not.toEqual([]);
    // "drops" is no direction word the rules know: the baseline cannot speak against "increases".
    const flipped = flips(
      'Each year you retire before 65 reduces your monthly payment by 5%.',
      'Each year you retire before 65 increases your monthly payment by 5%.',
      ['For every year before 65, the monthly payment drops by 5%.'],
    );
    expect(flipped).not.toEqual([]);
  });
});
