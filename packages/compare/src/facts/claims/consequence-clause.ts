import { align } from '../clauses/clause-alignment.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';

/**
 * Whether candidate clause `c` (the `k`-th) draws a consequence for the reader from the clause before it in its
 * sentence, which production says: "…rolls over automatically, | so you keep the same coverage",
 * "…are included with the booth, | so you don't need to order those". Opening with "so", stating no
 * value, it says what its claim means for the reader; what production says decides the claim, and a
 * consequence that invents a policy names a value or stands after a claim production does not make.
 */
export function drawsConsequence(
  c: ClauseFacts,
  k: number,
  candidate: FactSheet,
  production: readonly FactSheet[],
  paired: ReadonlyMap<ClauseFacts, ClauseFacts>,
  o: { readonly alignClause: number; readonly maxClauses: number },
): boolean {
  if (c.tokens[0]?.lower !== 'so' || c.values.length > 0) return false;
  const before = candidate.clauses[k - 1];
  if (before === undefined || before.sentence !== c.sentence) return false;
  return paired.has(before) || production.some((s) => (align(before, s, o.maxClauses)?.score ?? 0) >= o.alignClause);
}
