import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('"without" in a second predication joined by "and"', () => {
  const original = 'A wash and cut is $45 and a cut without washing is $30. Walk-ins are welcome.';

  it('is no flip against a clause that says the first predication only', () => {
    expect(flips(original, '- Wash and cut: $45\n- Dry cut: $30\n- Walk-ins welcome')).toEqual([]);
  });

  it('is still a flip where the clause says the second one turned around', () => {
    expect(flips(original, 'A wash and cut is $45 and a cut with washing is $30. Walk-ins are welcome.')).not.toEqual([]);
  });
});
