import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a claim with its alternative excluded ("…, not …"), said with "only" or "rather than"', () => {
  const original = 'Refunds go back to the original card, never in cash. They take 5 days.';

  it('is no flip: "only X" and "X rather than Y" exclude what "X, not Y" does', () => {
    expect(flips(original, 'Refunds: to the original card only. They take 5 days.')).toEqual([]);
    expect(flips(original, 'Refunds go back to the original card rather than in cash. They take 5 days.')).toEqual([]);
  });

  it('is still a flip where the other clause puts the excluded alternative first', () => {
    expect(flips(original, 'Refunds are paid in cash only. They take 5 days.')).not.toEqual([]);
    expect(flips(original, 'Refunds go back in cash rather than to the original card. They take 5 days.')).not.toEqual([]);
  });

  it('reads the alternative excluded after a dash, by any negation, as "…, not …" (here a baseline\'s wording)', () => {
    const o = 'Kayaks may launch only from the north slipway, not off the beach. Hire is £20.';
    const b = "You can launch a kayak from the north slipway only - kayaks aren't permitted on the beach. Hire costs £20.";
    const withBaseline = (c: string) =>
      diffFacts(factSheet(o), factSheet(c), [factSheet(b)])
        .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
        .map((d) => d.message);
    expect(withBaseline('Kayaks: north slipway only. Hire £20.')).toEqual([]);
    expect(withBaseline('The only launch point for kayaks is the north slipway. Hire £20.')).toEqual([]);
    expect(withBaseline('Kayaks: the beach only. Hire £20.')).not.toEqual([]);
  });
});
