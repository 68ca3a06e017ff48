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

// Subjects whose "will" commits no one at the service to anything: the assistant's own next step
// ("I'll make a note"), the customer's ("You will love it"), a thing's or a relative clause's ("It
// will arrive", "which will…", "There will be"); "they" names things as often as people.
const uncommitted = new Set(['i', 'you', 'it', 'this', 'that', 'there', 'these', 'those', 'they', 'which', 'who']);
const committed = new Set(["we'll", "he'll", "she'll", 'we’ll', 'he’ll', 'she’ll']);

// Verbs of keeping the customer informed ("We'll text you when it's ready", "We'll let you know",
// "We'll be in touch"): how an answer closes, not something the service undertakes to deliver.
const informing = new Set(
  'let text call phone ring email e-mail notify message contact ping remind update keep reach get follow be send'.split(' '),
);
// Adverbs between "will" and its verb ("We'll also carry…", "We will then assemble…").
const adverbs = new Set(['also', 'then', 'just', 'gladly', 'happily', 'certainly', 'soon', 'still', 'now', 'always']);

/** Whether a clause promises what the service or its people will do ("We'll assemble it", "Our crew will carry it away"). */
function promises(c: ClauseFacts): boolean {
  const t = c.tokens;
  for (let i = 0; i < t.length; i++) {
    const w = t[i]?.lower ?? '';
    const by = committed.has(w) || ((w === 'will' || w === 'shall') && i > 0 && !uncommitted.has(t[i - 1]?.lower ?? ''));
    if (!by) continue;
    let j = i + 1;
    while (adverbs.has(t[j]?.lower ?? '')) j++;
    if (!informing.has(t[j]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * Whether a clause asserts something checkable: negated, an obligation, quantified, about money,
 * eligibility or limits, or a promise of the service. "You can…" is how advice is worded as often
 * as a permission.
 */
export function asserts(c: ClauseFacts): boolean {
  // Any negation counts, even where two cancel out in the count ("non-refundable and cannot be transferred").
  if (c.polarity.negated || c.polarity.modality === 'necessity' || c.tokens.some((t) => isNegationCue(t.lower))) return true;
  return c.tokens.some((t) => commitments.has(t.lower)) || c.content.some((w) => commitments.has(w)) || promises(c);
}
