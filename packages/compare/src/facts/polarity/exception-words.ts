import type { ClauseToken } from '../clauses/split-clauses.js';

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

// Negative quantifiers after which "beyond" / "besides" set an exception apart: "costs nothing
// beyond the storage", "no fee besides the deposit" say what "free apart from the storage" does.
// Only right after the quantifier or its noun of price: "No bus goes beyond the bridge" denies the
// going, and elsewhere the words are places and additions ("beyond the bridge", "besides, it rains").
const denials = new Set(['nothing', 'no', 'none', 'nobody']);
const priceNouns = new Set(['cost', 'costs', 'charge', 'charges', 'fee', 'fees', 'extra', 'additional', 'else']);

/** Whether a negative quantifier stands right before `i`, or before a noun of price there ("no extra fee beyond"). */
function deniedBefore(tokens: readonly ClauseToken[], i: number): boolean {
  let k = i - 1;
  while (k >= i - 3 && k >= 0 && priceNouns.has(tokens[k]?.lower ?? '') && (tokens[k]?.after ?? '') === '') k--;
  const x = tokens[k];
  return x !== undefined && (x.after ?? '') === '' && denials.has(x.lower);
}

/**
 * Whether the word at `i` opens an exception: "apart from", "aside from", "other than", or
 * "beyond" / "besides" after a negative quantifier ("nothing beyond the storage").
 */
export function exceptsAt(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || (t.after ?? '') !== '') return false;
  if (t.lower === 'beyond' || t.lower === 'besides') return i + 1 < tokens.length && deniedBefore(tokens, i);
  const next = tokens[i + 1]?.lower;
  if (!(t.lower === 'other' ? next === 'than' : froms.has(t.lower) && next === 'from')) return false;
  const after = tokens[i + 2];
  if (after === undefined || reciprocals.has(after.lower)) return false;
  // "Apart from that, …", "Other than this, …": what was said before is set aside, nothing excepted.
  return !(pointers.has(after.lower) && ((after.after ?? '').includes(',') || i + 2 === tokens.length - 1));
}
