import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTextCases, type TextCase } from '../../../test/open-text-cases.js';
import { currentWordIds } from '../../text/word-ids.js';
import { type FactSheet, factSheetWith } from '../clauses/fact-sheet.js';
import { exchangedTerms } from './exchanged-terms.js';

// exchangedTerms compares a candidate sentence only with the original sentences that place two of
// its words (its sentence-pair precondition: two terms must each be said once in both sentences).
// It must report what comparing every sentence pair reports: checked over the open labelled text
// sets (alone and with their baselines) and over answers fast-check makes from them by exchanging
// two words of a sentence (which the rule reports) and moving sentences about.

const cases: TextCase[] = openTextCases();

const o = { maxClauses: 200 };
/** Both readings of one comparison, as JSON. */
function both(original: string, candidate: string, baselines: readonly string[]): [string, string] {
  const words = currentWordIds();
  const x = factSheetWith(original, words);
  const y = factSheetWith(candidate, words);
  const b = baselines.map((t) => factSheetWith(t, words));
  return [JSON.stringify(exchangedTerms(x, y, b, o, true)), JSON.stringify(exchangedTerms(x, y, b, o, false))];
}

const sentences = (t: string): string[] => t.split(/(?<=[.!?])\s+/);

describe('exchangedTerms comparing only sentences that share two placed words', () => {
  it('compares two sentences that share exactly two placed words', () => {
    // "pools" is said twice (no place), the days are names: the two terms are all the sentences share.
    const [paired, every] = both('Mon outdoor pools, Tue indoor pools.', 'Mon indoor pools, Tue outdoor pools.', []);
    expect(paired).toContain('exchange places');
    expect(paired).toBe(every);
  });

  it('reports what comparing every sentence pair reports, on the open sets', () => {
    expect(cases.length).toBeGreaterThan(1000);
    const differing: string[] = [];
    for (const k of cases)
      for (const b of [[], k.baselines]) {
        const [paired, every] = both(k.original, k.candidate, b);
        if (paired !== every) differing.push(`${k.candidate.slice(0, 80)}\n  ${paired}\n  ${every}`);
      }
    expect(differing.slice(0, 3)).toEqual([]);
  }, 120_000);

  it('reports what comparing every sentence pair reports, on answers with two words exchanged and sentences moved', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.boolean(), (i, s, a, b, shuffle) => {
        const k = cases[i] as TextCase;
        const ss = sentences(k.original);
        const at = s % ss.length;
        const w = (ss[at] as string).split(' ');
        // Two lower-case words before the same word ("the outdoor pools … the indoor pools"): the
        // kind of pair the rule reads; else any two words.
        const kin: [number, number][] = [];
        for (let x = 0; x < w.length - 1; x++)
          for (let y = x + 2; y < w.length - 1; y++)
            if (w[x + 1] === w[y + 1] && w[x] !== w[y] && /^[a-z]+$/.test(w[x] as string) && /^[a-z]+$/.test(w[y] as string))
              kin.push([x, y]);
        const [x, y] = kin.length > 0 ? (kin[a % kin.length] as [number, number]) : [a % w.length, b % w.length];
        [w[x], w[y]] = [w[y] as string, w[x] as string];
        ss[at] = w.join(' ');
        if (shuffle) ss.push(ss.shift() as string);
        const candidate = [...ss, ...sentences(k.candidate)].join(' ');
        const [paired, every] = both(k.original, candidate, k.baselines);
        if (paired !== '[]') found++;
        expect(paired).toBe(every);
      }),
      { numRuns: 600, seed: 16 },
    );
    // The check is not vacuous: some made answers exchange two terms the rule reports.
    expect(found).toBeGreaterThan(5);
  }, 120_000);
});

// places() memoizes a token's word forms per word id of its sheet's table, for tokens written as
// their lower-case word. A token without an id (made by hand) is read afresh each time: both must
// report the same, capitalized words ("Outdoor", read from `core`) included.
describe('exchangedTerms reading word forms memoized per word id', () => {
  /** The sheet with its tokens' word ids taken away (exchangedTerms reads clauses' sentences and tokens only). */
  const bare = (s: FactSheet): FactSheet =>
    ({
      ...s,
      clauses: s.clauses.map((c) => ({ sentence: c.sentence, tokens: c.tokens.map(({ id: _, ...t }) => t) })),
    }) as unknown as FactSheet;
  const memoAndBare = (original: string, candidate: string, baselines: readonly string[]): [string, string] => {
    const words = currentWordIds();
    const x = factSheetWith(original, words);
    const y = factSheetWith(candidate, words);
    const b = baselines.map((t) => factSheetWith(t, words));
    return [JSON.stringify(exchangedTerms(x, y, b, o)), JSON.stringify(exchangedTerms(bare(x), bare(y), b.map(bare), o))];
  };

  it('reports what reading every token afresh reports, with capitalized and repeated terms', () => {
    const [memo, fresh] = memoAndBare(
      'Mon outdoor pools, Tue indoor pools. Outdoor pools close at 8.',
      'Mon indoor pools, Tue outdoor pools. Outdoor pools close at 8.',
      [],
    );
    expect(memo).toContain('exchange places');
    expect(memo).toBe(fresh);
    // "Indoor" as written (capitalized) is no term of its own: its place is not read from "indoor"'s memo.
    const [capital, capitalFresh] = memoAndBare('Mon outdoor pools, Tue indoor pools.', 'Mon Indoor pools, Tue outdoor pools.', []);
    expect(capital).toBe('[]');
    expect(capital).toBe(capitalFresh);
  });

  it('reports what reading every token afresh reports, on the open sets', () => {
    const differing: string[] = [];
    for (const k of cases) {
      const [memo, fresh] = memoAndBare(k.original, k.candidate, k.baselines);
      if (memo !== fresh) differing.push(`${k.candidate.slice(0, 80)}\n  ${memo}\n  ${fresh}`);
    }
    expect(differing.slice(0, 3)).toEqual([]);
  }, 120_000);
});
