import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNumberWord } from '../values/number-words.js';

// "free to use", "free to enter", "free to download": "free" in its price sense with the act it costs
// nothing to do ("The gym is free to use" says what "The gym is free" does). "free to leave", "free to
// choose", "feel free to ask" permit, as before.
const usingVerbs = new Set(
  'use enter visit attend join access borrow download park play ride watch stream install read view browse try rent hire'.split(' '),
);

/**
 * Whether the "free" at `i` is followed by "to" and a verb of using something, or by "to" and a figure
 * ("free to 500 resources", "free to 20 miles": free up to it): its price sense.
 */
export function freeToUse(t: readonly ClauseToken[], i: number): boolean {
  if (t[i + 1]?.lower !== 'to' || t[i - 1]?.lower === 'feel') return false;
  const then = t[i + 2];
  return usingVerbs.has(then?.lower ?? '') || /^\d/.test(then?.core ?? '') || isNumberWord(then?.lower ?? '');
}
