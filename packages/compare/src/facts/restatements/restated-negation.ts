import type { ClauseToken } from '../clauses/split-clauses.js';
import { ceilingRestatedInWords } from './ceiling-restated.js';
import { contrastRestated } from './contrast-restated.js';
import { liftedRestated } from './lifted-restated.js';
import { onlyIfRestated } from './only-if-restated.js';
import { momentEitherSide } from './time-bound.js';

/**
 * Whether one of two sentences kept with edits says the other's negation another way: as the moment
 * it bounds ("isn't due until June" / "due in June", {@link momentEitherSide}) or as a restriction that
 * excludes the alternative it denies ("to the card, never in cash" / "to the card only",
 * {@link contrastRestated}), or as the condition that alone allows it ("not replaced unless it fails" /
 * "replaced only if it fails", {@link onlyIfRestated}), or as a ceiling on the figure it compares
 * with ("No walker takes more than 4" / "Each walker takes at most 4", {@link ceilingRestatedInWords}), or as
 * the choice a lifted necessity leaves ("No appointment is needed" / "Appointments are optional",
 * {@link liftedRestated}). Asked only where the edits' negations differ in parity.
 */
export function restatedNegation(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  return (
    momentEitherSide(a, b) ||
    contrastRestated(a, b) ||
    contrastRestated(b, a) ||
    onlyIfRestated(a, b) ||
    onlyIfRestated(b, a) ||
    ceilingRestatedInWords(a, b) ||
    ceilingRestatedInWords(b, a) ||
    liftedRestated(a, b) ||
    liftedRestated(b, a)
  );
}
