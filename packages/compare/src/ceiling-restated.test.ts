import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a ceiling worded from either side', () => {
  it('is one limit: "can\'t take more than 10" / "up to 10", "may not exceed 23 kg" / "23 kg max"', () => {
    expect(
      flips("The workshop costs $55. We can't accommodate more than 10 people per session.", '- $55\n- Up to 10 people per session'),
    ).toEqual([]);
    expect(flips('Checked bags may not exceed 23 kg each.', 'Each checked bag can weigh at most 23 kg.')).toEqual([]);
  });

  it('is still a flip where the figure differs, the other clause allows more, or the figure is a moment', () => {
    expect(
      flips("We can't accommodate more than 10 people per session.", 'We can accommodate more than 10 people per session.'),
    ).not.toEqual([]);
    expect(flips('You cannot cancel more than 48 hours before the class.', 'You can cancel up to 48 hours before the class.')).not.toEqual(
      [],
    );
  });
});
