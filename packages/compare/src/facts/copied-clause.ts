import type { Aligned } from './clauses/clause-alignment.js';
import { sameClause } from './clauses/clause-signature.js';
import type { ClauseFacts, FactSheet } from './clauses/fact-sheet.js';
import type { FactDiffContext } from './fact-diff-context.js';

// Most clauses of a lightly edited answer are copied word for word from the original. A candidate
// clause that is the same clause (clause-signature.ts) as the original clause it aligns with, closely
// enough for the clause rules to compare them, states the same values with the same polarity about
// the same words: the per-clause rules (clause-value-diff.ts, clause-claim-diff.ts) compare it with
// that clause and find nothing, so diffFacts passes it over with one signature test. A rule that
// reads more of the comparison than the clause and its aligned twin (the clause before it, other
// clauses of production) declares when it must still see a copy, at its module's load:
//
//     readsCopies('condition counterpart', (ctx, c, k) => followsCondition(c, k, ctx.candidate));
//
// fact-diff-copies.test.ts checks, over the open labelled sets and lightly edited answers made from
// them, that passing copies over changes no difference: a new rule that fires on a copy without
// declaring it fails there.

/** Whether candidate clause `c` (the `k`-th) must be read by a rule though it is a copy. */
export type CopyReader = (ctx: FactDiffContext, c: ClauseFacts, k: number) => boolean;

const readers: { readonly name: string; readonly reads: CopyReader }[] = [];

/** Declares that a per-clause rule reads a copied clause where `reads` holds (call at module load). */
export function readsCopies(name: string, reads: CopyReader): void {
  if (!readers.some((r) => r.name === name)) readers.push({ name, reads });
}

/** The names of the declared copy readers (for tests and diagnostics). */
export function copyReaders(): string[] {
  return readers.map((r) => r.name);
}

/**
 * Whether the per-clause rules may pass candidate clause `c` (the `k`-th; `aligned` its closest
 * original clause) over: it is the same clause as the one it aligns with at `alignClause` or more,
 * and no declared reader needs it.
 */
export function copiedClause(ctx: FactDiffContext, c: ClauseFacts, k: number, aligned: Aligned | undefined): boolean {
  if (aligned === undefined || aligned.score < ctx.options.alignClause || !sameClause(c, aligned.clause)) return false;
  for (const r of readers) if (r.reads(ctx, c, k)) return false;
  return true;
}

/**
 * Whether the candidate says the original clause for clause: the same clauses (sameClause) in the
 * same sentences, in order — the original laid out again (other line breaks or markup around the
 * same sentences). diffFacts returns no difference for it at once.
 */
export function sameAnswer(original: FactSheet, candidate: FactSheet): boolean {
  const a = original.clauses;
  const b = candidate.clauses;
  if (a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ClauseFacts;
    const y = b[i] as ClauseFacts;
    if (x.sentence !== y.sentence || !sameClause(x, y)) return false;
  }
  return true;
}
