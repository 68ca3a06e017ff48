import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flagged = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.severity === 'high')
    .map((d) => `${d.kind}${d.explainedByNoise === true ? ' (noise)' : ''}`);

const rest = 'Check-in is from 3pm. The pool is open until 10pm.';

describe('a concessive tail that takes back what the sentence it replaces promised', () => {
  it('is a flip where the tail charges for what the original gave free', () => {
    expect(
      flagged(`${rest} Airport pickup is free.`, `${rest} Airport pickup is available every day, though there's a charge for it.`),
    ).toEqual(['polarity_flip']);
    expect(
      flagged(`${rest} Bike hire is included in the rate.`, `${rest} Bike hire can be arranged at the desk, but it's billed by the hour.`),
    ).toEqual(['polarity_flip']);
  });

  it('is a flip where the tail makes free what the original charged for', () => {
    expect(flagged(`${rest} Late checkout costs $20.`, `${rest} Late checkout can be requested at the desk, though it's free.`)).toContain(
      'polarity_flip',
    );
  });

  it('is none where the tail says what the original said, or says nothing of the price', () => {
    expect(flagged(`${rest} Airport pickup is free.`, `${rest} Airport pickup is available every day, and it costs nothing.`)).toEqual([]);
    // A new condition is the added-claim rules' to judge; its price is the original's.
    expect(flagged(`${rest} Airport pickup is free.`, `${rest} Airport pickup is free, though it needs a day's notice.`)).not.toContain(
      'polarity_flip',
    );
  });
});
