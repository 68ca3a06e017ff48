import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens, splitClauses } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const facts = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
    .map((d) => `${d.kind}: ${d.message}`);
const polarity = (s: string) => clausePolarity(clauseTokens(s));

describe('a stance said tersely', () => {
  it('joins a label that is only a stance to its value, whatever its case', () => {
    expect(splitClauses('- Optional: Travel insurance\n- Good news: The lab opens at 8').map((c) => c.text)).toEqual([
      'Optional: Travel insurance',
      'Good news',
      'The lab opens at 8',
    ]);
    expect(
      facts(
        'Every driver needs a full licence; an advanced driving certificate is recommended but not required.',
        'Drivers:\n- Required: Full licence\n- Recommended (not required): Advanced driving certificate',
      ),
    ).toEqual([]);
  });

  it('reads "a must" as a necessity, and "not a must" as one lifted', () => {
    expect(polarity('A helmet is a must').modality).toBe('necessity');
    expect(polarity('Previous sailing experience is a plus, not a must').modality).toBe('possibility');
    expect(facts('Previous sailing experience is helpful but not required.', 'Previous sailing experience is a plus, not a must.')).toEqual(
      [],
    );
    expect(facts('Previous sailing experience is helpful but not required.', 'Previous sailing experience is a must.')).not.toEqual([]);
  });
});
