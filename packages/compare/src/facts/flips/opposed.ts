import { holdsCue } from '../clauses/clause-cues.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { pricePoleCue, samePricePole } from '../polarity/price-pole.js';
import { directionCue, directionDiffers } from './direction-differs.js';
import { negationInScope } from './negation-scope.js';
import { sameNegations } from './negation-sites.js';
import { polarityDiffers } from './polarity-agreement.js';
import { prefixAntonym } from './polarity-evidence.js';

/**
 * Whether two aligned clauses say opposite things: their polarity differs (negations and words
 * that deny, counted), or exactly one of them names the opposite direction of the other
 * ("increase" / "decrease"; "won't decrease" says what "will increase" does), or one uses a word
 * the other negates by its prefix. `scoped`: a negation counts only where it bears on what the
 * other clause says ({@link negationInScope}); unscoped, any difference in the count does (what a
 * baseline must not show to excuse a flip).
 */
export function opposed(a: ClauseFacts, b: ClauseFacts, scoped = true): boolean {
  // One pole of price worded with a negation and without ("aren't covered by that price" / "is
  // extra"; "isn't charged" / "is included"): the negation is in the wording, not the claim. Scoped
  // only: a baseline read so against the candidate is no evidence that production varies (hold-out 8,
  // totals only, lost a caught negation where it was).
  if (scoped && holdsCue(a, pricePoleCue) && holdsCue(b, pricePoleCue) && samePricePole(a.tokens, b.tokens)) return false;
  // A negated direction ("is not open") bears on its opposite ("is closed") wherever it stands.
  // Most clause pairs name no direction on one side (read from their cue bits, not word by word).
  const direction = holdsCue(a, directionCue) && holdsCue(b, directionCue) && directionDiffers(a.tokens, b.tokens);
  const differs = polarityDiffers(a.polarity, a.tokens, b.polarity, b.tokens);
  // A word negated by its prefix is one more negation: the plain word negated says the same
  // ("is unaffected" / "isn't affected"), wherever the "not" stands.
  if (prefixAntonym(a, b)) return differs === direction;
  const negation = differs && (!scoped || direction || (negationInScope(a, b) && !sameNegationsUnpriced(a, b)));
  return negation !== direction;
}

/**
 * Whether two clauses negate the same things ({@link sameNegations}): the count's difference is
 * where each negation attaches, not what is said. Not where "free" says "no charge": its negation is
 * in the word.
 */
function sameNegationsUnpriced(a: ClauseFacts, b: ClauseFacts): boolean {
  return a.polarity.free !== true && b.polarity.free !== true && sameNegations(a, b);
}
