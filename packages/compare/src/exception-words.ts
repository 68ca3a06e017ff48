import type { ClauseToken } from './split-clauses.js';

// "All lifts apart from the gondola", "every day aside from Sunday", "any card other than Amex": an
// exception, worded as "except" is (a word that denies, polarity-words.ts). Read as no negation, a
// production answer that says "apart from" where the original says "except" reads as the original
// turned around, and excuses a candidate that drops the exception ("the gondola is on the pass too").
// Only with "from" / "than" right after and no mark between: "5 km apart", "set aside", "the other
// one" are no exception, nor is "apart from each other" (a distance) or "apart from that," (a
// discourse marker).

const froms = new Set(['apart', 'aside']);
const reciprocals = new Set(['each', 'one']);
const pointers = new Set(['that', 'this']);

/** Whether the word at `i` opens an exception: "apart from", "aside from", "other than". */
export function exceptsAt(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || (t.after ?? '') !== '') return false;
  const next = tokens[i + 1]?.lower;
  if (!(t.lower === 'other' ? next === 'than' : froms.has(t.lower) && next === 'from')) return false;
  const after = tokens[i + 2];
  if (after === undefined || reciprocals.has(after.lower)) return false;
  // "Apart from that, …", "Other than this, …": what was said before is set aside, nothing excepted.
  return !(pointers.has(after.lower) && ((after.after ?? '').includes(',') || i + 2 === tokens.length - 1));
}
