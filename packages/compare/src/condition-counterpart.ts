import { align, counterpart } from './clause-alignment.js';
import { type ClauseFacts, type FactSheet, joinClauses } from './fact-sheet.js';

/**
 * The original's clause that says what candidate clause `c` (the `k`-th) says when `c` follows its
 * condition in one sentence ("If you're just out for the day, a permit isn't required"): the claim
 * and its condition are one unit of meaning, so they are aligned as one ({@link joinClauses}), and
 * the original's clause that unit matches closely ("Day trips do not need a permit") is the one
 * compared, not the clause `c`'s own few words match best ("A permit is required for every
 * overnight trip"). Elsewhere (no condition before `c`, or the unit matching nothing closely, at
 * least `alignClause`, Dice) the clause's own {@link counterpart}.
 */
export function conditionCounterpart(
  c: ClauseFacts,
  k: number,
  candidate: FactSheet,
  original: FactSheet,
  o: { readonly alignClause: number; readonly maxClauses: number },
): ClauseFacts | undefined {
  const before = candidate.clauses[k - 1];
  if (before?.condition === true && before.sentence === c.sentence && !c.condition) {
    const best = align(joinClauses([before, c], candidate.words), original, o.maxClauses);
    if (best !== undefined && best.score >= o.alignClause && !best.clause.condition) return best.clause;
  }
  return counterpart(c, original, candidate, o.alignClause, o.maxClauses);
}
