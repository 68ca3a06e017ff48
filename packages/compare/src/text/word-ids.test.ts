import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheetWith } from '../facts/clauses/fact-sheet.js';
import { diffFacts } from '../facts/fact-diff.js';
import { denseIds, WordIds } from './word-ids.js';

describe('WordIds', () => {
  it('gives one id per distinct word, through the table growing, whether found from a string or a place in a text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (list) => {
        const ids = new WordIds();
        const first = new Map<string, number>();
        for (const w of list) {
          const id = ids.idOf(`<${w}>`, 1, w.length + 1);
          if (!first.has(w)) first.set(w, id);
          expect(id).toBe(first.get(w));
          expect(ids.words[id]).toBe(w);
        }
        expect(ids.size).toBe(first.size);
        for (const [w, id] of first) expect(ids.id(w)).toBe(id);
      }),
      { numRuns: 50 },
    );
  });

  it('renumbers a pair of id sequences densely in order of first appearance, and forgets them after', () => {
    const ids = new WordIds();
    const a = ['the', 'fee', 'is', 'the', 'same'].map((w) => ids.id(w));
    const b = ['same', 'new', 'fee'].map((w) => ids.id(w));
    expect(denseIds(b, a, ids)).toEqual({ a: [0, 1, 2], b: [3, 2, 4, 3, 0], symbols: 5 });
    expect(denseIds(a, b, ids)).toEqual({ a: [0, 1, 2, 0, 3], b: [3, 4, 1], symbols: 5 });
  });
});

describe('sheets read with different word tables', () => {
  it('are compared as if read with one (a table filled up between two answers)', () => {
    const original = 'Refunds are not available after 30 days. The fee is $35 and refunds take 5 business days.';
    const candidate = 'Refunds are available after 30 days. The fee is $53, and refunds take five business days.';
    const baseline = 'Refunds are not available after 30 days. The fee is $35; refunds take 5 business days.';
    const one = new WordIds();
    const same = diffFacts(factSheetWith(original, one), factSheetWith(candidate, one), [factSheetWith(baseline, one)]);
    const mixed = diffFacts(factSheetWith(original, new WordIds()), factSheetWith(candidate, new WordIds()), [
      factSheetWith(baseline, new WordIds()),
    ]);
    expect(same.map((d) => d.kind)).toEqual(['polarity_flip', 'fact_changed']);
    expect(mixed).toEqual(same);
  });
});
