import { describe, expect, it } from 'vitest';
import { currentWordIds } from '../text/word-ids.js';
import { align } from './clauses/clause-alignment.js';
import { sameClause } from './clauses/clause-signature.js';
import { type FactSheet, factSheet, factSheetWith } from './clauses/fact-sheet.js';
import { copiedClause, sameAnswer } from './copied-clause.js';
import { diffFacts, factDifferences } from './fact-diff.js';
import { factDiffContext } from './fact-diff-context.js';
import { defaultFactDiffOptions } from './fact-diff-options.js';

const read = (...texts: string[]): FactSheet[] => {
  const words = currentWordIds();
  return texts.map((t) => factSheetWith(t, words));
};

/** Which candidate clauses the per-clause rules pass over, by text. */
function copies(original: string, candidate: string): string[] {
  const [o, c] = read(original, candidate) as [FactSheet, FactSheet];
  const ctx = factDiffContext(o, c, [], defaultFactDiffOptions);
  return c.clauses.filter((x, k) => copiedClause(ctx, x, k, align(x, o, defaultFactDiffOptions.maxClauses))).map((x) => x.text);
}

describe('clause signatures', () => {
  it('gives a clause read in two answers the same signature, and tells a negated or changed one apart', () => {
    const [a, b] = read('Returns are free. You can return it within 30 days.', 'You can return it within 30 days. Shipping is $5.');
    const [kept, negated, changed] = read(
      'You can return it within 30 days.',
      "You can't return it within 30 days.",
      'You can return it within 60 days.',
    ).map((s) => s.clauses[0]);
    const x = a?.clauses[1];
    const y = b?.clauses[0];
    if (x === undefined || y === undefined || kept === undefined || negated === undefined || changed === undefined)
      throw new Error('clauses');
    expect(x.signature).toBe(y.signature);
    expect(sameClause(x, y)).toBe(true);
    expect(sameClause(x, kept)).toBe(true);
    expect(sameClause(x, negated)).toBe(false);
    expect(sameClause(x, changed)).toBe(false);
    expect(sameClause(x, a?.clauses[0] ?? x)).toBe(false);
  });
});

describe('copied clauses', () => {
  it('are the candidate clauses the same as the clause they align with', () => {
    expect(
      copies(
        'Your order ships on Monday. Returns are free within 30 days. Support is open until 6 p.m.',
        'Your order ships on Monday. Returns cost $5 within 30 days. Support is open until 6 p.m.',
      ),
    ).toEqual(['Your order ships on Monday.', 'Support is open until 6 p.m.']);
    // The negated sibling it aligns with first is no copy.
    expect(copies("You can't bring pets. You can bring pets.", 'You can bring pets.')).toEqual([]);
  });

  it('are still read where a condition makes the counterpart another clause (the condition counterpart reader)', () => {
    const original = "The park is open daily; you need a permit for the park. You don't need a permit for the park on a day visit.";
    const candidate = 'The park is open daily; you need a permit for the park. If you visit for a day, you need a permit for the park.';
    // The second sentence's claim is its first sentence's, word for word, but follows a condition.
    expect(copies(original, candidate)).toEqual(['The park is open daily', 'you need a permit for the park.']);
    // The flip is the copied clause's against the clause its condition points to (passed over, only a
    // sentence rule would see it, naming the whole sentence).
    const flips = diffFacts(factSheet(original), factSheet(candidate)).filter((d) => d.kind === 'polarity_flip');
    expect(flips.map((d) => d.candidate)).toEqual(['you need a permit for the park.']);
    const [o, c] = read(original, candidate) as [FactSheet, FactSheet];
    expect(factDifferences(o, c, [], {}, true)).toEqual(factDifferences(o, c, [], {}, false));
  });
});

describe('the same answer', () => {
  const original = 'Your order ships on Monday. Returns are free within 30 days. Support is open until 6 p.m.';

  it('is the original laid out again clause for clause, and has no fact difference', () => {
    const relaid = 'Your order ships on Monday.\nReturns are free within 30 days.\n\nSupport is open until 6 p.m.';
    const [o, c] = read(original, relaid) as [FactSheet, FactSheet];
    expect(sameAnswer(o, c)).toBe(true);
    expect(diffFacts(o, c)).toEqual([]);
  });

  it('is not an answer with one clause changed, dropped or moved to another sentence', () => {
    for (const other of [
      'Your order ships on Monday. Returns are free within 60 days. Support is open until 6 p.m.',
      'Your order ships on Monday. Returns are free within 30 days.',
      'Your order ships on Monday; returns are free within 30 days. Support is open until 6 p.m.',
    ]) {
      const [o, c] = read(original, other) as [FactSheet, FactSheet];
      expect(sameAnswer(o, c)).toBe(false);
    }
  });
});
