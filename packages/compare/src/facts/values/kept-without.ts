import { align } from '../clauses/clause-alignment.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { FactDiffOptions } from '../fact-diff-options.js';
import type { FactValue } from './fact-value.js';
import { clauseStates, sameSlot } from './value-slots.js';

/**
 * The candidate clause that says what the original's clause stating `v` says (a mutual best match
 * at `alignClause`) while stating neither `v` nor any value of its slot the original's clause does
 * not: the claim kept, its value left out. Claims only (no condition, no framing).
 */
export function keptWithout(v: FactValue, original: FactSheet, candidate: FactSheet, o: FactDiffOptions): ClauseFacts | undefined {
  const x = original.clauses.find((c, i) => i < o.maxClauses && clauseStates(c, v));
  if (x === undefined || x.condition || x.framing) return undefined;
  const a = align(x, candidate, o.maxClauses);
  const c = a?.clause;
  if (c === undefined || a === undefined || a.score < o.alignClause || c.condition || align(c, original, o.maxClauses)?.clause !== x)
    return undefined;
  return c.values.some((w) => !w.weak && sameSlot(w, v) && !clauseStates(x, w)) ? undefined : c;
}

/** The words of an answer (its clauses' tokens). */
export function wordCount(sheet: FactSheet): number {
  let n = 0;
  for (const c of sheet.clauses) n += c.tokens.length;
  return n;
}
