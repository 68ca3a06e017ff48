import type { Difference } from '../report/divergence-report.js';
import { standInTest } from './claims/stand-in-clause.js';
import { diffClauseClaims } from './clause-claim-diff.js';
import { diffClauseValues } from './clause-value-diff.js';
import { align } from './clauses/clause-alignment.js';
import { type FactSheet, onOneTable } from './clauses/fact-sheet.js';
import { copiedClause, sameAnswer } from './copied-clause.js';
import { diffDroppedValues } from './dropped-value-diff.js';
import { factDiffContext } from './fact-diff-context.js';
import { defaultFactDiffOptions, type FactDiffOptions } from './fact-diff-options.js';
import { diffSentenceRewrites } from './sentence-rewrites.js';
import { verbatimQuotes } from './verbatim-quotes.js';

/**
 * Fact-level differences of a candidate answer against production's (the original and, when
 * known, baseline answers to the same input):
 *
 * - `fact_changed`: the candidate states a value no production answer states where production
 *   states another of the same type (`$35 → $53`); noise when production itself varies there.
 * - `fact_added`: a new value in a clause production also makes, with nothing it replaces.
 * - `fact_dropped`: a value every production answer states and the candidate does not; low, but high
 *   where the candidate keeps the claim that stated it without it (an answer about as long); high too
 *   for a piece a shorter answer may not leave out, with or without a value in it (a clause that binds
 *   the user or states a term every production answer states: dropped-piece.ts).
 * - `polarity_flip` / `modality_change`: an aligned clause negated, or obligation ↔ permission.
 * - `added_claim`: a candidate clause production does not support (its words or its values).
 *
 * The passes, in order, share one {@link factDiffContext}: per candidate clause its values
 * (clause-value-diff.ts) then its claims (clause-claim-diff.ts); then whole sentences
 * (sentence-rewrites.ts); then the values left out (dropped-value-diff.ts).
 */
export function diffFacts(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[] = [],
  options: Partial<FactDiffOptions> = {},
): Difference[] {
  return verbatimQuotes(factDifferences(original, candidate, baselines, options, true), [candidate, original, ...baselines]);
}

/**
 * {@link diffFacts}, with `skipCopies` false reading every candidate clause, copies of their
 * aligned clause included (copied-clause.ts): what fact-diff-copies.test.ts compares it with.
 */
export function factDifferences(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  options: Partial<FactDiffOptions>,
  skipCopies: boolean,
): Difference[] {
  // Clauses align by word ids: every sheet must come from the candidate's word table.
  if (original.words !== candidate.words || baselines.some((b) => b.words !== candidate.words)) {
    const sheets = onOneTable([original, ...baselines, candidate]);
    return factDifferences(sheets[0] as FactSheet, candidate, sheets.slice(1, -1), options, skipCopies);
  }
  // The original said again clause for clause (laid out otherwise): nothing to compare.
  if (skipCopies && sameAnswer(original, candidate)) return [];
  const o: FactDiffOptions = { ...defaultFactDiffOptions, ...options };
  const ctx = factDiffContext(original, candidate, baselines, o);
  // Original clauses no candidate clause was paired with, asked only where a clause would be a new claim.
  const standsIn = standInTest(original.clauses, o.maxClauses, ctx.matched, ctx.droppedValues.length === 0, candidate.clauses);
  candidate.clauses.forEach((c, k) => {
    if (ctx.out.length >= o.maxDifferences) return;
    const aligned = k < o.maxClauses ? align(c, original, o.maxClauses) : undefined;
    // A clause copied from the one it aligns with: no per-clause rule finds anything there.
    if (skipCopies && copiedClause(ctx, c, k, aligned)) return;
    const novel = diffClauseValues(ctx, c, k, aligned);
    if (k < o.maxClauses) diffClauseClaims(ctx, c, k, aligned, novel, standsIn);
  });
  diffSentenceRewrites(ctx);
  diffDroppedValues(ctx);
  return ctx.out;
}
