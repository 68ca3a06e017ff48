import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flags = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true)
    .map((d) => `${d.kind}: ${d.message}`);

describe('a clause said again with an aside of its own', () => {
  const original =
    'The soy candle workshop is 2 hours and costs $55, which covers wax, wicks, fragrance and two jars. Sessions take at most 10 people.';
  const baseline =
    'Our soy candle workshop lasts 2 hours and is $55, with wax, wicks, scent and two jars included. Sessions are capped at 10 people.';

  it('is no flip where the negation is in the aside', () => {
    const candidate =
      "The soy candle workshop is 2 hours and costs $55, which covers wax, wicks, fragrance and two jars - you don't need to bring anything. Sessions take at most 10 people.";
    expect(flags(original, candidate, [baseline]).filter((d) => d.startsWith('polarity_flip'))).toEqual([]);
    // The aside inside the clause: "…isn't part of the package and has to be ordered…".
    expect(
      flags(
        'Electrical has to be ordered separately. Move-in is on October 2.',
        "Electrical isn't part of the package and has to be ordered separately. Move-in is on October 2.",
        ['Power must be ordered on its own. Move-in: October 2.'],
      ).filter((d) => d.startsWith('polarity_flip')),
    ).toEqual([]);
  });

  it('still flips on a bare negation, or where the aside turns another claim of production around', () => {
    expect(
      flags(
        'You will be charged for the second bag. Boarding starts at 9.',
        'You will not be charged for the second bag. Boarding starts at 9.',
        ['The second bag costs extra. Boarding is at 9.'],
      ).some((d) => d.startsWith('polarity_flip')),
    ).toBe(true);
    expect(
      flags(
        'Carpet and one draped table are included with the booth. Electrical has to be ordered separately. Move-in is on October 2.',
        'Carpet and one draped table are included with the booth, so electrical never has to be ordered. Move-in is on October 2.',
        ['The booth comes with carpet and a draped table. Power must be ordered on its own. Move-in: October 2.'],
      ).some((d) => d.startsWith('polarity_flip')),
    ).toBe(true);
  });
});
