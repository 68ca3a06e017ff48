import { contentWords } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

// Words that restrict a claim to what they qualify: "only", "solely", "exclusively".
const restrictors = new Set(['only', 'solely', 'exclusively']);

/** The content words of tokens `[from, to)`. */
function wordsOf(tokens: readonly ClauseToken[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let i = from; i < to; i++) for (const w of contentWords(tokens[i]?.core ?? '')) out.add(w);
  return out;
}

/** Where `other` excludes an alternative by "rather than" / "instead of" (the index after it), or restricts by "only" (0); -1 for neither. */
function exclusion(other: readonly ClauseToken[]): number {
  for (let i = 0; i < other.length; i++) {
    const w = other[i]?.lower ?? '';
    const next = other[i + 1]?.lower;
    if ((w === 'rather' && next === 'than') || (w === 'instead' && next === 'of')) return i + 2;
  }
  return other.some((t) => restrictors.has(t.lower)) ? 0 : -1;
}

// Tokens that stand alone between two parts of a sentence ("the slipway only - kayaks aren't …").
const dashes = new Set(['-', '–', '—']);

/**
 * Where the part that excludes the alternative opens, for the negation at `i`: a comma or semicolon
 * or a dash at most three words before it, with "but" or a subject of up to two words between ("…,
 * not …", "…, but not …", "… only - dogs aren't …"); -1 where no break stands there.
 */
function breakBefore(t: readonly ClauseToken[], i: number): number {
  for (let k = i; k > 0 && k >= i - 3; k--) {
    if (dashes.has(t[k - 1]?.lower ?? '')) return k - 1;
    if (/[,;]/.test(t[k - 1]?.after ?? '')) return k;
  }
  return -1;
}

/**
 * Whether a claim with its alternative excluded after a comma or a dash ("Refunds go back to the card,
 * never in cash", "store credit only, not cash", "…, but not on Sundays", "on the dog loop only - dogs
 * aren't permitted on the main trails") is said by `other` with no negation but a restriction: "to
 * the card only", "to the card rather than in cash". The negation is the excluded alternative's,
 * which "only" and "rather than" exclude too; the claim itself is affirmed by both. `other` must say
 * a word of the claim, and no word of the alternative but after its "rather than" / "instead of" ("in
 * cash only" or "in cash rather than to the card" turn it around).
 */
export function contrastRestated(negated: readonly ClauseToken[], other: readonly ClauseToken[]): boolean {
  if (other.some((t) => isNegationCue(t.lower))) return false;
  const cue = negated.findIndex((t) => isNegationCue(t.lower));
  if (cue < 1 || negated.slice(cue + 1).some((t) => isNegationCue(t.lower))) return false;
  const at = breakBefore(negated, cue);
  if (at < 1) return false;
  const from = exclusion(other);
  if (from < 0) return false;
  const claim = wordsOf(negated, 0, at);
  const alternative = wordsOf(negated, cue + 1, negated.length);
  if (alternative.size === 0) return false;
  const before = wordsOf(other, 0, from === 0 ? other.length : from - 2);
  for (const w of alternative) if (before.has(w) && !claim.has(w)) return false;
  for (const w of before) if (claim.has(w)) return true;
  return false;
}
