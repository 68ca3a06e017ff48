import type { ClauseToken } from './split-clauses.js';

/** What a clause asserts about its action: negated or not, and whether it is an obligation or a permission. */
export interface ClausePolarity {
  /** An odd number of negation cues ("not", "n't", "never", "no", "without", "cannot", "non-…"). */
  readonly negated: boolean;
  /** `necessity` (must, need to, have to, required), `possibility` (can, may, optional), or null. */
  readonly modality: 'necessity' | 'possibility' | null;
}

// English cues ("unless" is "if not"). Words whose negation is in the word itself ("non-refundable", "unable") count
// once, as "not refundable" would.
const negations = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  'neither',
  'nor',
  'without',
  'unless',
  'cannot',
  'unable',
  'impossible',
  'ineligible',
  'unavailable',
  'prohibited',
  'forbidden',
]);
const comparatives = new Set([
  'later',
  'earlier',
  'more',
  'less',
  'longer',
  'sooner',
  'fewer',
  'greater',
  'higher',
  'lower',
  'worse',
  'better',
]);
const necessity = new Set([
  'must',
  'required',
  'require',
  'requires',
  'mandatory',
  'necessary',
  'obligatory',
  'needs',
  'need',
  'needed',
  'have',
  'has',
  'had',
]);
const possibility = new Set(['can', 'could', 'may', 'might', 'optional', 'allowed', 'permitted', 'able', 'possible', 'free']);

/**
 * The polarity and modality of one clause from its cue words. "have/has to" and "need to"
 * count as necessity only before "to" (or as "need" with an object), "free to" as permission;
 * "No," opening an answer is a reply, not a negation of the clause.
 */
export function clausePolarity(tokens: readonly ClauseToken[]): ClausePolarity {
  let negs = 0;
  let nec = false;
  let pos = false;
  tokens.forEach((t, i) => {
    const w = t.lower.includes('’') ? t.lower.replace(/’/g, "'") : t.lower;
    // "No, you…" answers; "no later than", "no more than" bound a value. Neither negates the clause.
    const notNegation =
      w === 'no' && ((i === 0 && t.after !== undefined && t.after !== '') || comparatives.has(tokens[i + 1]?.lower ?? ''));
    if (w.endsWith("n't") || (negations.has(w) && !notNegation)) {
      // "won't", "can't", "don't need": the negation; "can't"/"cannot" also carry possibility.
      negs++;
      if (w === 'cannot' || w === "can't" || w === "couldn't") pos = true;
      if (w === "mustn't") nec = true;
      return;
    }
    if ((w.startsWith('non-') || w.startsWith('no-')) && /^no[n]?-\p{L}/u.test(w)) {
      negs++;
      return;
    }
    const next = tokens[i + 1]?.lower;
    if (necessity.has(w)) {
      if (w === 'have' || w === 'has' || w === 'had' || w === 'needs' || w === 'need' || w === 'needed') {
        if (next === 'to' || ((w === 'need' || w === 'needs') && next !== undefined)) nec = true;
      } else nec = true;
      return;
    }
    if (possibility.has(w) && (w !== 'free' || next === 'to') && (w !== 'able' || tokens[i - 1]?.lower !== 'un')) pos = true;
  });
  return { negated: negs % 2 === 1, modality: nec && !pos ? 'necessity' : pos && !nec ? 'possibility' : null };
}

/** The cue words of a clause (negations and modals): ignored when aligning clauses, reported as evidence. */
export function isPolarityCue(word: string): boolean {
  return (
    word.endsWith("n't") ||
    negations.has(word) ||
    necessity.has(word) ||
    possibility.has(word) ||
    word === 'do' ||
    word === 'does' ||
    word === 'will' ||
    word === 'would'
  );
}
