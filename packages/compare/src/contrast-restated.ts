import { contentWords } from './content-words.js';
import { isNegationCue } from './polarity-cues.js';
import type { ClauseToken } from './split-clauses.js';

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

/**
 * Whether a claim with its alternative excluded after a comma ("Refunds go back to the card, never in
 * cash", "store credit only, not cash", "…, but not on Sundays") is said by `other` with no negation
 * but a restriction: "to the card only", "to the card rather than in cash". The negation is the
 * excluded alternative's, which "only" and "rather than" exclude too; the claim itself is affirmed
 * by both. `other` must say a word of the claim, and no word of the alternative but after its "rather
 * than" / "instead of" ("in cash only" or "in cash rather than to the card" turn it around).
 */
export function contrastRestated(negated: readonly ClauseToken[], other: readonly ClauseToken[]): boolean {
  if (other.some((t) => isNegationCue(t.lower))) return false;
  const cue = negated.findIndex(
    (t, i) =>
      (t.lower === 'not' || t.lower === 'never') &&
      i > 0 &&
      ((negated[i - 1]?.after ?? '').includes(',') || (negated[i - 1]?.lower === 'but' && (negated[i - 2]?.after ?? '').includes(','))),
  );
  if (cue < 0 || negated.slice(cue + 1).some((t) => isNegationCue(t.lower))) return false;
  const from = exclusion(other);
  if (from < 0) return false;
  const claim = wordsOf(negated, 0, negated[cue - 1]?.lower === 'but' ? cue - 1 : cue);
  const alternative = wordsOf(negated, cue + 1, negated.length);
  if (alternative.size === 0) return false;
  const before = wordsOf(other, 0, from === 0 ? other.length : from - 2);
  for (const w of alternative) if (before.has(w) && !claim.has(w)) return false;
  for (const w of before) if (claim.has(w)) return true;
  return false;
}
