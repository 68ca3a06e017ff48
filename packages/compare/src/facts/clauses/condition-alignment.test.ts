import { describe, expect, it } from 'vitest';
import { diffFacts } from '../fact-diff.js';
import { factSheet } from './fact-sheet.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a claim after its condition ("If you\'re only out for the day, a permit isn\'t required")', () => {
  const original = 'A permit is required for every overnight hike. Day hikes do not need a permit. Dogs must stay on a lead.';

  it('is aligned with the words of its condition too: no flip against the claim about the other case', () => {
    expect(
      flips(
        original,
        "You'll need a permit for any hike where you stay overnight. If you're only out for the day, a permit isn't required. Dogs must stay on a lead.",
      ),
    ).toEqual([]);
  });

  it('is still a flip where it turns around the claim its condition names', () => {
    expect(
      flips(
        original,
        "You'll need a permit for any hike where you stay overnight. If you're only out for the day, a permit is required as well. Dogs must stay on a lead.",
      ),
    ).not.toEqual([]);
  });
});
