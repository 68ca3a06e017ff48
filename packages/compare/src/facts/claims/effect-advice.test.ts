import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const claims = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'added_claim' && d.explainedByNoise !== true)
    .map((d) => d.message);

const original = 'Your suit fitting is on Friday at 3pm. Alterations take about a week, and hemming is included.';

describe("advice on what the reader's own act does", () => {
  it('adds no claim to a longer answer for its negations', () => {
    expect(
      claims(
        original,
        'Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Avoiding a heavy meal beforehand helps the fitting go smoothly.',
      ),
    ).toEqual([]);
  });

  it('is still a claim where a gerund names a rule, or the service denies something', () => {
    expect(
      claims(
        original,
        "Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Rush alterations aren't available.",
      ),
    ).not.toEqual([]);
    expect(
      claims(
        original,
        "Thanks for booking! Your suit fitting is on Friday at 3pm. Alterations usually take about a week, and hemming is included. Bringing a guest isn't allowed at fittings.",
      ),
    ).not.toEqual([]);
  });
});
