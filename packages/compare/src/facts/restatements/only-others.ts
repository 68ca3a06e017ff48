import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

/**
 * Whether `other` states the rule `negated` denies from its other side, by "only" and a class of
 * its own: "Visitors aren't allowed inside the calf pens" / "The calf pens are staff only",
 * "Broadheads are not permitted" / "Only field points can be used". The class "only" keeps
 * (the noun before a closing "only", or after an opening one) is one `negated` does not name: were
 * it the same ("Members can't book" / "Only members can book"), the rule turned round. `other` has no
 * negation; an "only" before a condition ("only with a receipt") is a condition's, not a class's.
 */
export function restrictedToOthers(negated: ClauseFacts, other: ClauseFacts): boolean {
  if (!negated.polarity.negated || other.polarity.negated) return false;
  const t = other.tokens;
  if (t.some((x) => isNegationCue(x.lower))) return false;
  const last = t.length - 1;
  let kept: string | undefined;
  // "…are staff only", "members only."
  if (t[last]?.lower === 'only') kept = t[last - 1]?.core;
  // "Only field points can be used": the subject "only" opens.
  else if (t[0]?.lower === 'only') kept = t[1]?.core;
  if (kept === undefined) return false;
  const words = contentWords(kept);
  return words.length > 0 && !words.some((w) => negated.contentSet.has(w));
}
