import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcsLength } from './lcs-length.js';
import { textHunks, textSimilarity } from './text-similarity.js';
import { textTokens } from './text-tokens.js';

function naiveLcs(a: readonly number[], b: readonly number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = dp[i] as number[];
      const prev = dp[i - 1] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    }
  }
  return (dp[a.length] as number[])[b.length] as number;
}

describe('lcsLength', () => {
  it('equals the dynamic-programming LCS, across 32-bit word boundaries', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 90 });
    fc.assert(
      fc.property(seq, seq, (a, b) => lcsLength(a, b) === naiveLcs(a, b)),
      { numRuns: 300 },
    );
  });
});

describe('textSimilarity', () => {
  const answer = 'You can request a refund within 30 days. The item must be unused. Refunds go back to your card within a week.';

  it('scores identical and normalized-equal texts as 1', () => {
    expect(textSimilarity(answer, answer).similarity).toBe(1);
  });

  it('keeps a sentence reorder high (bag) while the order-aware part drops', () => {
    const reordered = 'The item must be unused. Refunds go back to your card within a week. You can request a refund within 30 days.';
    const s = textSimilarity(answer, reordered);
    expect(s.bag).toBe(1);
    expect(s.word).toBeLessThan(1);
    expect(s.similarity).toBeGreaterThan(0.85);
  });

  it('folds case, punctuation and light suffixes', () => {
    expect(textTokens('Refunds, REFUNDED; refunding!')).toEqual(['refund', 'refund', 'refund']);
  });

  it('shows truncation in the length ratio', () => {
    const cut = answer.split(' ').slice(0, 8).join(' ');
    const s = textSimilarity(answer, cut);
    expect(s.lengthRatio).toBeLessThan(0.45);
    expect(s.wordsB).toBe(8);
  });

  it('degrades to lines, then to the bag measure, past the size caps (1 MB never goes quadratic)', () => {
    const line = (i: number): string => `line ${i} says the order ${i % 7} shipped with parcel ${(i * 31) % 101} today.`;
    const a = Array.from({ length: 16000 }, (_, i) => line(i)).join('\n');
    const b = Array.from({ length: 16000 }, (_, i) => line(i % 3 === 0 ? i + 1 : i)).join('\n');
    expect(a.length).toBeGreaterThan(900_000);
    const s = textSimilarity(a, b, { maxLcsCells: 1_000_000, maxEditLength: 100, maxHunks: 10 });
    expect(s.method).toBe('bag');
    const small = textSimilarity(a.slice(0, 30_000), b.slice(0, 30_000), { maxLcsCells: 1_000_000, maxEditLength: 100, maxHunks: 10 });
    expect(small.method).toBe('line');
    expect(small.word).toBeGreaterThan(0.5);
  });

  it('stays in 0..1 for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const s = textSimilarity(a, b);
        return [s.similarity, s.word, s.bag, s.lengthRatio].every((x) => x >= 0 && x <= 1);
      }),
    );
  });
});

describe('textHunks', () => {
  it('shows word-level inserts and deletes, and gives up past the edit budget', () => {
    const hunks = textHunks('the quick brown fox', 'the slow brown fox');
    expect(hunks).toEqual([
      { op: 'equal', text: 'the' },
      { op: 'delete', text: 'quick' },
      { op: 'insert', text: 'slow' },
      { op: 'equal', text: 'brown fox' },
    ]);
    const a = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 300 }, (_, i) => `b${i}`).join(' ');
    expect(textHunks(a, b, { maxLcsCells: 1, maxEditLength: 20, maxHunks: 5 })).toBeUndefined();
  });
});
