import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

// A bound on when, and the bound that says the other side of the same moment: "not before 3 pm" is
// "from 3 pm", "until 3 pm" its opposite.
const opposite: Readonly<Record<string, string>> = { until: 'before', till: 'before', before: 'until' };
// Words that state when something starts to hold: "due 3 months after delivery", "once the keys are
// returned", "opens at 3 pm", "from June". "during the term" or "early" name the span before it.
const starts = new Set(['after', 'from', 'once', 'starting', 'onwards', 'onward', 'when', 'at', 'earliest']);
// Words that state when something stops holding: "until 6 pm", "by 2 pm", "before noon", "last entry
// at 8 pm", "at the latest". "Not after 6 pm" says that moment from its other side.
const ends = new Set(['until', 'till', 'by', 'before', 'last', 'latest']);

/**
 * Whether the negation at `cue` of a clause's tokens `negated` is a bound on a moment ("isn't due
 * until June", "can't check in before 3 pm"): "until" or "before" stands after it, and the clause
 * `other` it is compared with says neither that bound nor its opposite, but a word of when the claim
 * starts to hold ("after", "from", "once", "at", "earliest"…); or "after" stands there ("no
 * bookings after 6 pm") and `other` says when it stops holding ("until", "by", "last"…). Such a negation says that moment ("is due 3 months
 * after delivery", "check-in opens at 3 pm"), not that the claim does not hold. One that keeps the
 * bound ("is refunded until…"), names the opposite one ("before" against "until") or the span the
 * bound closes ("possible during the term") still turns it around.
 */
export function boundsMoment(negated: readonly ClauseToken[], cue: number, other: readonly ClauseToken[]): boolean {
  for (let i = cue + 1; i < negated.length; i++) {
    const bound = negated[i]?.lower ?? '';
    // "We don't take bookings after 6 pm": the moment the claim stops holding ("until 6 pm", "by 6
    // pm", "the last booking is at 6 pm"); one that says "after" too still turns it around.
    if (bound === 'after') return !other.some((x) => x.lower === 'after') && other.some((x) => ends.has(x.lower));
    const against = opposite[bound];
    if (against === undefined) continue;
    return !other.some((x) => x.lower === bound || x.lower === against) && other.some((x) => starts.has(x.lower));
  }
  return false;
}

/**
 * Whether the one sentence's negation is a bound on a moment ({@link boundsMoment}) the other says
 * from its other side: read on a sentence kept with edits, whichever side has the negation.
 */
export function momentEitherSide(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  const side = (x: readonly ClauseToken[], y: readonly ClauseToken[]): boolean => {
    const cue = x.findIndex((t) => isNegationCue(t.lower));
    return cue >= 0 && !y.some((t) => isNegationCue(t.lower)) && boundsMoment(x, cue, y);
  };
  return side(a, b) || side(b, a);
}
