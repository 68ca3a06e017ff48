import { sameWord } from '../../text/word-forms.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { negationAddedTo } from './negation-scope.js';
import { polarityDiffers } from './polarity-agreement.js';

/**
 * Whether candidate clause `c`, saying all that production's clause `p` says, adds a negated
 * predication ({@link negationAddedTo}) about something another clause of production states
 * un-negated: "Carpet and one draped table are included with the booth, so electrical never has to
 * be ordered" against "…included with the booth. Electrical has to be ordered separately." The
 * pairing found `p`, but the negation turns around that other claim: a flip. Where production says
 * the negated thing nowhere, or negates it too ("Not included: year-end accounts" beside a clause
 * that says so), the addition is no flip of `p` (the added-claim rules judge it).
 */
export function turnsOtherClaim(p: ClauseFacts, c: ClauseFacts, production: readonly ClauseFacts[]): boolean {
  // Most clause pairs are negated alike: asked only where the counts differ.
  if (!polarityDiffers(p.polarity, p.tokens, c.polarity, c.tokens)) return false;
  const heads = negationAddedTo(p, c);
  if (heads === undefined) return false;
  return production.some((q) => q !== p && !q.polarity.negated && q.content.some((w) => heads.some((h) => sameWord(w, h))));
}
