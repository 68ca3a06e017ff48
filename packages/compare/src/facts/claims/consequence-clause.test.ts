import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flags = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true)
    .map((d) => `${d.kind}: ${d.message}`);

describe('a consequence drawn for the reader', () => {
  const original =
    'Carpet and one draped table are included with the booth. Electrical has to be ordered separately. Move-in is on October 2.';
  const baseline = 'The booth comes with carpet and a draped table. Power must be ordered on its own. Move-in: October 2.';

  it('from a claim production makes is no new claim and no flip', () => {
    const candidate =
      "Carpet and one draped table are included with the booth, so you don't need to order those. Electrical has to be ordered separately. Move-in is on October 2.";
    expect(flags(original, candidate, [baseline])).toEqual([]);
    expect(
      flags(
        'If you make no changes, your medical plan rolls over automatically. Dental cover is free.',
        'If you make no changes, your medical plan rolls over automatically, so you keep the same coverage. Dental cover is free.',
      ),
    ).toEqual([]);
  });

  it('still counts where it names a value, or where it turns a claim of production around', () => {
    const withValue =
      'Carpet and one draped table are included with the booth, so you save $120. Electrical has to be ordered separately. Move-in is on October 2.';
    expect(flags(original, withValue, [baseline]).some((d) => d.startsWith('added_claim'))).toBe(true);
    const turned =
      'Carpet and one draped table are included with the booth, so electrical never has to be ordered. Move-in is on October 2.';
    expect(flags(original, turned, [baseline]).some((d) => d.startsWith('polarity_flip'))).toBe(true);
  });
});
