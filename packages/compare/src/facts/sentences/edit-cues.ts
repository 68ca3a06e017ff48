import type { ClauseToken } from '../clauses/split-clauses.js';
import { mayNameDirection, readsContext } from '../flips/direction-differs.js';
import { isModalWord } from './edit-modality.js';
import { isNegationWord, mayNegate } from './edit-negations.js';
import { mayNameScope } from './quantifier-scope.js';

// Which words the edited-sentence rules read, as bits remembered per word id (one look-up per
// token instead of a dozen sets and a regex): a sentence pair whose edited words carry none of them
// can hold no flip, no change of modality and no added list item, and is not diffed at all.

/** The bits of {@link editCueBits}. */
export const editCue = Object.freeze({
  /** May negate in an edit ({@link mayNegate}). */
  negates: 1,
  /** A negation cue, English or another language's "not" ({@link isNegationWord}). */
  negation: 2,
  /** A modal, or a word of certainty or hedging (edit-modality.ts). */
  modal: 4,
  /** A word of a pair of directions, "on" or "off" (direction-differs.ts). */
  direction: 8,
  /** "and" / "or": what opens an item added to a list (added-list-item.ts). */
  conjunction: 16,
  /** "on" and "off": a state where their context names one (direction-differs.ts), whichever words were edited. */
  on: 32,
  off: 64,
  /** A pole read from the words around it (a two-word phrase's key word, "extra"): it may differ where it was kept. */
  context: 128,
  /** A word of a claim's scope, open or bounded (quantifier-scope.ts). */
  scope: 256,
});

function bitsOf(w: string): number {
  return (
    (mayNegate(w) ? editCue.negates : 0) |
    (isNegationWord(w) ? editCue.negation : 0) |
    (isModalWord(w) ? editCue.modal : 0) |
    (mayNameDirection(w) ? editCue.direction : 0) |
    (w === 'and' || w === 'or' ? editCue.conjunction : 0) |
    (w === 'on' ? editCue.on : 0) |
    (w === 'off' ? editCue.off : 0) |
    (readsContext(w) ? editCue.context : 0) |
    (mayNameScope(w) ? editCue.scope : 0)
  );
}

/** The {@link editCue} bits of a token, from `memo` (indexed by word id of the token's table) when it has an id. */
export function editCueBits(t: ClauseToken, memo: (number | undefined)[]): number {
  if (t.id === undefined) return bitsOf(t.lower);
  let bits = memo[t.id];
  if (bits === undefined) {
    bits = bitsOf(t.lower);
    memo[t.id] = bits;
  }
  return bits;
}

/** The union of the {@link editCue} bits of `tokens[from..to)`. */
export function editCuesIn(tokens: readonly ClauseToken[], from: number, to: number, memo: (number | undefined)[]): number {
  let bits = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t !== undefined) bits |= editCueBits(t, memo);
  }
  return bits;
}
