import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { type FactValue, isPlainNumber } from './fact-value.js';

// A terse baseline writes its figures bare ("Open Mon-Sat 10-7", "Tint: 20"), and a bare figure
// supports any value that carries its number (value-index.ts): "$20" ~ "costs 20". Read across a
// whole answer that also lets "Open 10-7" support a "10% off" the candidate adds in a sentence of its
// own. A baseline clause that states a value of the candidate's clause only as a bare figure supports
// it where it says something the clause says: a word they share, not the figure alone.

/** Whether any content word (not a figure) of `a` is one of `b`. */
function sharesWord(a: ClauseFacts, b: ClauseFacts): boolean {
  for (const w of a.content) if (!/\d/.test(w) && b.contentSet.has(w)) return true;
  return false;
}

/**
 * Whether baseline clause `x`, which states `v` (valueIndex.has), states it for candidate clause
 * `c`: by one of its keys, or `v` is itself a plain figure, or the two clauses share a word.
 */
export function statesFigureFor(x: ClauseFacts, v: FactValue, c: ClauseFacts): boolean {
  return isPlainNumber(v) || x.valueIndex.hasKey(v) || sharesWord(x, c);
}
