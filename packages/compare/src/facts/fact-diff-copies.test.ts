import { describe, expect, it } from 'vitest';
import { openTextCases, type TextCase } from '../../test/open-text-cases.js';
import { factSheet } from './clauses/fact-sheet.js';
import { sameAnswer } from './copied-clause.js';
import { factDifferences } from './fact-diff.js';

// Passing a copied clause over (copied-clause.ts) must change no difference diffFacts reports. Checked
// here over the open labelled sets (text answers: restatements, probes, hold-outs 11 and 12; the
// totals-only and blind sets are not read) and over lightly edited answers made from them — the
// original with one of its sentences replaced by the candidate's, where most clauses are copies, and
// the original laid out a sentence a line, the same answer clause for clause —
// against production alone and with its baselines. A rule that reports on a copied clause without
// declaring it (readsCopies) fails here.

// Hold-out 13 was blind when this check was written; it reads the sets it read then.
const readThen = (f: string): boolean => /^facts-(restatements(-\d+)?|probe-[a-z]+|holdout-1[12])\.jsonl$/.test(f);

const sentences = (t: string): string[] => t.split(/(?<=[.!?])\s+/);

/** The original with its `i`-th sentence replaced by the candidate's `i`-th (undefined when either has none). */
function edited(c: TextCase, i: number): string | undefined {
  const o = sentences(c.original);
  const x = sentences(c.candidate);
  if (i >= o.length || i >= x.length || o[i] === x[i]) return undefined;
  o[i] = x[i] as string;
  return o.join(' ');
}

describe('diffFacts passing copied clauses over', () => {
  it('reports what reading every clause reports, on the open sets and lightly edited answers', () => {
    const cases = openTextCases(readThen);
    expect(cases.length).toBeGreaterThan(300);
    let compared = 0;
    let whole = 0;
    const differing: string[] = [];
    cases.forEach((c, i) => {
      // Production alone for half the cases, with its baselines for the other half.
      const o = factSheet(c.original);
      const b = i % 2 === 0 ? [] : c.baselines.map(factSheet);
      // …and every other pair of cases' original laid out again, a sentence a line (the same answer
      // clause for clause), alone and with its baselines.
      const relaid = i % 4 < 2 ? sentences(c.original).join('\n') : undefined;
      for (const candidate of [c.candidate, edited(c, i % 3), relaid]) {
        if (candidate === undefined) continue;
        const x = factSheet(candidate);
        const skipped = JSON.stringify(factDifferences(o, x, b, {}, true));
        const read = JSON.stringify(factDifferences(o, x, b, {}, false));
        compared++;
        if (sameAnswer(o, x)) whole++;
        if (skipped !== read) differing.push(`${candidate.slice(0, 80)}…\n  skipped ${skipped}\n  read    ${read}`);
      }
    });
    expect(compared).toBeGreaterThan(3000);
    expect(whole).toBeGreaterThan(500);
    expect(differing.slice(0, 5)).toEqual([]);
  }, 120_000);
});
