import { uniqueIds } from '../../text/word-ids.js';
import { alignWords, counterpart } from './clause-alignment.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';

/**
 * The original's clause that says what candidate clause `c` (the `k`-th) says when `c` follows its
 * condition in one sentence ("If you're just out for the day, a permit isn't required"): the claim
 * and its condition are one unit of meaning, so they are aligned as one (their content words together, as `joinClauses` joins them), and
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
  const before = followsCondition(c, k, candidate);
  if (before !== undefined) {
    // The unit's content words as joinClauses would give them: only its words are aligned, so no clause is built.
    const best = alignWords(uniqueIds([...before.contentIds, ...c.contentIds], candidate.words), original, o.maxClauses);
    if (best !== undefined && best.score >= o.alignClause && !best.clause.condition) return best.clause;
  }
  return counterpart(c, original, candidate, o.alignClause, o.maxClauses);
}

/** The clause before candidate clause `c` (the `k`-th) where it is a condition `c` follows in one sentence, else undefined. */
export function followsCondition(c: ClauseFacts, k: number, candidate: FactSheet): ClauseFacts | undefined {
  const before = candidate.clauses[k - 1];
  return before?.condition === true && before.sentence === c.sentence && !c.condition ? before : undefined;
}
