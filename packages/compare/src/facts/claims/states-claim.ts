import { align, diceOf } from '../clauses/clause-alignment.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { opposed } from '../flips/opposed.js';
import { modalityDiffers } from '../flips/polarity-agreement.js';
import { clauseStates, sameSlot } from '../values/value-slots.js';

/**
 * Whether baseline clause `x` states what candidate clause `c` states: production saying the
 * candidate's claim, which is what lets a baseline excuse a change as production varying. A baseline
 * clause that only shares words with it, or says the same fact the original's way, does not.
 *
 * `c` is among `x`'s closest clauses in the candidate: a clause that rewords another clause of the
 * candidate ("Every dog has a heated run of its own" for the kept "Each dog gets its own heated run")
 * states nothing of `c` ("Every dog is kept in a run of its own, even littermates"); a tie counts (a
 * bullet list splits what one baseline clause joins: "Day rental of a canoe costs $45, paddles and life
 * jackets included"). The two say it with the same polarity (a negation that bears on what the other
 * says, an opposite direction or a prefix antonym: {@link opposed}), on the same step of the modal
 * scale, and with no other value of a slot where `c` states one.
 */
export function statesClaim(x: ClauseFacts, c: ClauseFacts, candidate: FactSheet, maxClauses: number): boolean {
  const a = align(x, candidate, maxClauses);
  if (a === undefined || a.score === 0) return false;
  if (a.clause !== c && diceOf(x, c, x.contentUnique.filter((w) => c.contentUnique.includes(w)).length) < a.score) return false;
  if (opposed(x, c) || modalityDiffers(x.polarity, c.polarity)) return false;
  return !c.values.some((v) => !v.weak && !clauseStates(x, v) && x.values.some((y) => !y.weak && sameSlot(y, v) && !clauseStates(c, y)));
}

/**
 * Whether baseline clause `x`, which states a value of candidate clause `c`, states it for `c`'s claim:
 * {@link statesClaim}, and a word of the claim beside its values' own words (what the value is of:
 * "paid leave", not "days"). A clause that shares only the figure ("Submit your request 21 days
 * before") is closest to `c` ("Full-time employees get 21 days of paid leave per year") by that figure
 * alone, and says nothing of it.
 */
export function statesValueClaim(x: ClauseFacts, c: ClauseFacts, candidate: FactSheet, maxClauses: number): boolean {
  const valueWords = new Set(c.values.flatMap((v) => contentWords(v.text)));
  return c.content.some((w) => !valueWords.has(w) && x.contentSet.has(w)) && statesClaim(x, c, candidate, maxClauses);
}

/**
 * The first baseline with a clause that states candidate clause `c`'s claim ({@link statesClaim})
 * and passes `test` (a rule's own reading of what excuses its change), or -1.
 */
export function baselineStating(
  c: ClauseFacts,
  baselines: readonly FactSheet[],
  candidate: FactSheet,
  maxClauses: number,
  test: (x: ClauseFacts, b: FactSheet) => boolean = () => true,
): number {
  return baselines.findIndex((b) => b.clauses.some((x, i) => i < maxClauses && test(x, b) && statesClaim(x, c, candidate, maxClauses)));
}
