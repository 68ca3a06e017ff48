import type { ClauseToken } from '../clauses/split-clauses.js';
import type { ClausePolarity } from '../polarity/clause-polarity.js';
import { priceWords } from '../polarity/polarity-words.js';

/**
 * Whether two clauses stand at different points of the modal scale (must / should / may). A
 * request ("Please bring your ID") is as strong as advice ("You should bring your ID"): those two
 * agree.
 */
export function modalityDiffers(a: ClausePolarity, b: ClausePolarity): boolean {
  if (a.modality === null || b.modality === null || a.modality === b.modality) return false;
  return !softer(a, b) && !softer(b, a) && !prohibits(a, b) && !prohibits(b, a);
}

/**
 * A permission denied against an obligation: "can't park here" says what "must not park here" does,
 * and "can't run inside a transaction" what "has to run outside one" does; whether the two are
 * negated alike is the polarity rules' question, not the modal scale's.
 */
function prohibits(x: ClausePolarity, y: ClausePolarity): boolean {
  return x.forbids === true && y.modality === 'necessity';
}

/** A request against advice: as strong as each other ({@link modalityDiffers}). */
function softer(x: ClausePolarity, y: ClausePolarity): boolean {
  return x.request === true && y.modality === 'advice';
}

/**
 * Whether a clause is negated as against another: the price sense of "free" ("is free", "at no
 * charge") counts among its negations only against a clause about price ("no charge" / "is
 * charged" / "without paying anything"); against any other ("towing is included free" / "it covers towing", "available at no
 * charge" / "not offered") the word is left out of the count.
 */
export function negatedAgainst(a: ClausePolarity, other: readonly ClauseToken[], otherFree = false): boolean {
  if (a.free !== true) return a.negated;
  // A clause that says what a price includes, and no "free" of its own ("charges are $1,140 and
  // include heat"), says "free" of those things its own way: against it, "heat and water are
  // covered" words the same pole.
  const priced = other.some((t) => priceWords.has(t.lower) || priceForms.has(t.lower));
  return priced && (otherFree || !other.some((t) => inclusions.has(t.lower))) ? a.negated : !a.negated;
}

// Words that put a thing inside a price: "include heat and water", "is included", "all-inclusive".
const inclusions = new Set(['include', 'includes', 'included', 'inclusive']);

// Other forms of the price verbs: "without paying anything", "pays nothing", "charging extra" are about price too.
const priceForms = new Set(['pays', 'paying', 'charging', 'costing', 'payment', 'payable']);

/** Whether two aligned clauses differ in polarity (see {@link negatedAgainst}). */
export function polarityDiffers(
  a: ClausePolarity,
  aTokens: readonly ClauseToken[],
  b: ClausePolarity,
  bTokens: readonly ClauseToken[],
): boolean {
  if (a.free !== true && b.free !== true) return a.negated !== b.negated;
  return negatedAgainst(a, bTokens, b.free === true) !== negatedAgainst(b, aTokens, a.free === true);
}
