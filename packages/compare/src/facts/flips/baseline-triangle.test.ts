import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a clause that reads as a baseline that reads as the original', () => {
  const original =
    "Classes run every Saturday. Puppies under a year aren't allowed on the agility course, but they can join the obedience class.";
  const baseline =
    "Classes are on Saturdays. The agility course isn't open to puppies under a year; they're welcome in the obedience class.";

  it('is no flip: production says the claim twice the same way, and the candidate says it as the baseline does', () => {
    const candidate = '- Classes: every Saturday\n- Agility course: dogs over a year only\n- Younger puppies can join the obedience class';
    expect(flips(original, candidate)).not.toEqual([]);
    expect(flips(original, candidate, [baseline])).toEqual([]);
  });

  it("is still a flip where the candidate turns the original's own words around", () => {
    const candidate =
      'Classes run every Saturday. Puppies under a year are allowed on the agility course, and they can join the obedience class.';
    expect(flips(original, candidate, [baseline])).not.toEqual([]);
  });
});
