import { isNegationCue } from './clause-polarity.js';
import type { ClauseFacts } from './fact-sheet.js';

// Words that make a sentence a commitment: quantifiers, and the vocabulary of money, eligibility,
// entitlements and limits (a policy an agent invents). Folded forms, as ClauseFacts.content holds them.
const commitments = new Set(
  (
    'all every only always never none no nothing fee charge cost costs price penalty fine surcharge deposit ' +
    'free refundabl eligibl ineligibl guarante warranty policy limit maximum minimum deadline expir valid exempt excluded exclud ' +
    'subject require mandatory forbidden prohibit restrict apply appli ' +
    // Entitlements: what the customer gets, or gets back ("Breakfast is included", "You've been upgraded").
    'includ inclus complimentary upgrad discount bonu waiv refund credit compens reimburs entitl extra'
  ).split(' '),
);

/**
 * Whether a clause asserts something checkable: negated, an obligation, quantified, or about
 * money, eligibility or limits. "You can…" is how advice is worded as often as a permission.
 */
export function asserts(c: ClauseFacts): boolean {
  // Any negation counts, even where two cancel out in the count ("non-refundable and cannot be transferred").
  if (c.polarity.negated || c.polarity.modality === 'necessity' || c.tokens.some((t) => isNegationCue(t.lower))) return true;
  return c.tokens.some((t) => commitments.has(t.lower)) || c.content.some((w) => commitments.has(w));
}
