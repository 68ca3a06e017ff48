import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[]): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('baselines that excuse a flip', () => {
  const original = "You'll keep full digital access while it's paused, and you won't be billed for the missed print days.";
  const candidate = "You'll keep full digital access while it's paused, and you'll still be billed for the missed print days.";

  it('excuse it when at least as many say it the candidate’s way as the original’s', () => {
    expect(
      flips(original, candidate, ["You'll keep digital access while it's paused, and you'll be billed for the missed print days."]),
    ).toEqual([expect.stringContaining('(noise)')]);
  });

  it('do not when more of them say it the original’s way', () => {
    expect(
      flips(original, candidate, [
        "You'll keep digital access while it's paused, and you'll be billed for the missed print days.",
        "You'll keep digital access while it's paused, and you aren't billed for the missed print days.",
        "You keep digital access while it's paused, and you won't be billed for the print days you miss.",
      ]),
    ).toEqual([expect.not.stringContaining('(noise)')]);
  });
});
