import { contentWords } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

// What "only" may restrict a claim to, as "unless" does: a condition or the thing it comes with.
const conditions = new Set(['if', 'when', 'with', 'once', 'after', 'where']);

/**
 * Whether `negated` denies its claim "unless" a condition holds ("The battery is not replaced unless
 * it fails the load test") and `other` affirms it "only if" / "only when" / "only with" that holds
 * ("We only replace the battery if it fails…", "replaced only when it fails…"), or "only" with a word
 * of the condition after it ("don't cover it unless it's fitted by a dealer" / "only cover it from a
 * dealer"): "not X unless Y" and "X only Y" are one rule. `other` has no negation and no "unless" of
 * its own; one that drops the negation without a restriction ("is replaced unless it fails…") still
 * turns it around.
 */
export function onlyIfRestated(negated: readonly ClauseToken[], other: readonly ClauseToken[]): boolean {
  const cue = negated.findIndex((t) => isNegationCue(t.lower));
  const unless = negated.findIndex((t, i) => i > cue && t.lower === 'unless');
  if (cue < 0 || unless < 0) return false;
  if (other.some((t) => isNegationCue(t.lower) || t.lower === 'unless')) return false;
  const only = other.findIndex((t) => t.lower === 'only');
  if (only < 0) return false;
  const after = other.slice(only + 1);
  if (after.some((t) => conditions.has(t.lower))) return true;
  const condition = new Set(negated.slice(unless + 1).flatMap((t) => contentWords(t.core)));
  return after.some((t) => contentWords(t.core).some((w) => condition.has(w)));
}
