import { isNegationCue } from './clause-polarity.js';
import { contentWords } from './content-words.js';
import type { ClauseFacts } from './fact-sheet.js';

/**
 * Whether the cue at `i` denies a phrase attached to the clause, not the clause: "without wiping
 * it", "a pitch with no electric hookup". A verb's negation ("isn't", "won't", "never") and a
 * negative subject ("No deposit is needed", "There is no fee") deny what the clause asserts.
 */
function attached(tokens: ClauseFacts['tokens'], i: number): boolean {
  const w = tokens[i]?.lower;
  return w === 'without' || (w === 'no' && tokens[i - 1]?.lower === 'with');
}

/**
 * Whether the negation that sets two aligned clauses apart bears on what the other clause says. A
 * verb's negation always does; "without …" or "with no …" does when the words it governs (what
 * follows it) include one the other clause uses, or there are none. "Site 42 is a tent-only
 * pitch with no electric hookup" against "Site 42 is tent-only" (a paraphrase that says the hookup
 * in a clause of its own) is no flip: the other clause says nothing about a hookup.
 */
export function negationInScope(a: ClauseFacts, b: ClauseFacts): boolean {
  const negated = a.polarity.negated ? a : b;
  const other = negated === a ? b : a;
  // "Free" negates in the price sense; its scope is the clause's subject, before it.
  if (negated.polarity.free === true) return true;
  const cue = negated.tokens.findIndex((t) => isNegationCue(t.lower));
  if (cue < 0 || !attached(negated.tokens, cue)) return true;
  let rest = '';
  for (let i = cue + 1; i < negated.tokens.length; i++) rest += ` ${negated.tokens[i]?.core ?? ''}`;
  const scope = contentWords(rest);
  return scope.length === 0 || scope.some((w) => other.contentSet.has(w));
}
