import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { advisesEffect } from './effect-advice.js';
import { grantsPermission } from './granted-permission.js';
import { isEntitlementWord } from './language-entitlements.js';
import { reassuringNegation } from './reassurance.js';

// Words that make a sentence a commitment: quantifiers, and the vocabulary of money, eligibility,
// entitlements and limits (a policy an agent invents). Folded forms, as ClauseFacts.content holds them.
const quantifiers = ['all', 'every', 'only', 'always', 'never', 'none', 'no', 'nothing'];
const moneyWords = new Set('fee charge cost costs price penalty fine surcharge deposit'.split(' '));
const policyWords = new Set(
  (
    'free refundabl eligibl ineligibl guarante guarant warranty policy limit maximum minimum deadline expir valid exempt excluded exclud ' +
    'subject require mandatory forbidden prohibit restrict apply appli ' +
    // Entitlements: what the customer gets, or gets back ("Breakfast is included", "You've been upgraded").
    'includ inclus complimentary upgrad discount bonu waiv refund credit compens reimburs entitl extra cover coverag'
  ).split(' '),
);
const commitments = new Set([...quantifiers, ...moneyWords, ...policyWords]);

// Subjects whose "will" commits no one at the service to anything: the assistant's own next step
// ("I'll make a note"), the customer's ("You will love it"), a thing's or a relative clause's ("It
// will arrive", "which will…", "There will be"); "they" names things as often as people, and so does
// "them" in "most of them will…".
const uncommitted = new Set(['i', 'you', 'it', 'this', 'that', 'there', 'these', 'those', 'they', 'them', 'which', 'who']);
const committed = new Set(["we'll", "he'll", "she'll"]);

// Verbs of keeping the customer informed ("We'll text you when it's ready", "We'll let you know",
// "We'll be in touch"): how an answer closes, not something the service undertakes to deliver.
const informing = new Set(
  'let text call phone ring email e-mail notify message contact ping remind update keep reach get follow be send'.split(' '),
);
// Adverbs between "will" and its verb ("We'll also carry…", "We will then assemble…").
const adverbs = new Set(['also', 'then', 'just', 'gladly', 'happily', 'certainly', 'soon', 'still', 'now', 'always']);

/** Whether a clause promises what the service or its people will do ("We'll assemble it", "Our crew will carry it away"). */
function promises(t: readonly ClauseToken[]): boolean {
  for (let i = 0; i < t.length; i++) {
    const w = t[i]?.lower ?? '';
    const by = committed.has(w) || ((w === 'will' || w === 'shall') && i > 0 && !uncommitted.has(t[i - 1]?.lower ?? ''));
    if (!by) continue;
    let j = i + 1;
    while (adverbs.has(t[j]?.lower ?? '')) j++;
    // "will follow up" keeps the customer informed; "A reception will follow" says what happens next.
    const verb = t[j]?.lower ?? '';
    if (!informing.has(verb) || (verb === 'follow' && t[j + 1]?.lower !== 'up')) return true;
  }
  return false;
}

// Perfect-tense subjects of the service ("I've", "we have"): what follows is an action it says it took.
const perfect = new Set(["i've", "we've", 'i’ve', 'we’ve']);
// Verbs of looking, recording or telling ("I've checked the tracking", "I've noted your floor"): how
// an assistant reports its own work, not something done to the customer's order or account.
const reporting = new Set(
  (
    'checked looked reviewed noted logged recorded confirmed verified double-checked passed forwarded emailed texted ' +
    'messaged notified contacted asked flagged escalated attached listed summarized summarised explained outlined shared ' +
    'copied included found seen read investigated researched'
  ).split(' '),
);
// Adverbs between "have" and its participle ("I've also moved…", "we have just cancelled…").
const perfectAdverbs = new Set(['also', 'just', 'already', 'now', 'since', 'gone', 'went']);

/**
 * Whether a clause reports an action the service took ("I've also moved your server to Frankfurt",
 * "We have cancelled the visit"): a participle in -ed after "I've" / "we've" / "I have" / "we
 * have", but no verb of looking, recording or telling.
 */
function acted(t: readonly ClauseToken[]): boolean {
  for (let i = 0; i < t.length; i++) {
    const w = t[i]?.lower ?? '';
    const by = perfect.has(w) || (w === 'have' && (t[i - 1]?.lower === 'i' || t[i - 1]?.lower === 'we'));
    if (!by) continue;
    let j = i + 1;
    while (perfectAdverbs.has(t[j]?.lower ?? '')) j++;
    const verb = t[j]?.lower ?? '';
    if (verb.length > 4 && verb.endsWith('ed') && !reporting.has(verb)) return true;
  }
  return false;
}

/** Whether token `i` is a word of commitment in that sense (module-level: see some-clause-states.ts on tsx's closure names). */
function commits(t: readonly ClauseToken[], i: number): boolean {
  return commitments.has(t[i]?.lower ?? '') && !degree(t, i) && !otherSense(t, i);
}

/**
 * Whether a clause asserts something checkable: negated, an obligation, quantified, about money,
 * eligibility or limits, a promise of the service, an action it took, or a permission it grants a
 * named class ("Members can book…"). "You can…" is how advice is worded as often as a permission.
 */
export function asserts(c: ClauseFacts): boolean {
  // Any negation counts, even where two cancel out in the count ("non-refundable and cannot be transferred").
  if (c.polarity.modality === 'necessity') return true;
  // Advice on what the reader's own act does ("Avoiding X helps…"): its negations are the advice's.
  // A reassurance's negation ("so don't worry if…") is no claim's.
  if (
    (c.polarity.negated || c.tokens.some((t, i) => isNegationCue(t.lower) && !reassuringNegation(c.tokens, i))) &&
    !advisesEffect(c.tokens)
  )
    return true;
  const t = c.tokens;
  return (
    t.some((_, i) => commits(t, i)) ||
    // Folded forms ("refunds", "guaranteed"); a word the tokens use in its other sense only is no commitment.
    c.content.some((w) => commitments.has(w) && !(senses.has(w) && t.every((x, i) => x.lower !== w || !commits(t, i)))) ||
    promises(c.tokens) ||
    acted(c.tokens) ||
    grantsPermission(c.tokens) ||
    // Another language's "free", "included", "refunded" ("Les petites réparations sont offertes").
    t.some((x) => isEntitlementWord(x.lower))
  );
}

// What "all" says of the reader's state, not of a quantity: "you're all set", "all done", "all good".
const states = new Set(['set', 'done', 'good', 'ready', 'sorted', 'clear', 'fine']);

// Commitment words with a second, uncommitting sense: "fine" (how someone is), "only" (how little),
// "free" (as in "feel free to").
const senses = new Set(['fine', 'only', 'free']);
// Verbs of being, feeling or seeming, and degree adverbs: "fine" after them is an adjective ("you feel fine").
const linking = new Set(
  "feel feels felt feeling is are was were be been being 's seem seems look looks sound sounds perfectly totally just quite".split(' '),
);
// Vague small amounts: "only" before them says how little ("takes only a few minutes"), not whom or what a rule is for.
const smallAmounts = new Set(['few', 'couple', 'little', 'bit', 'moment', 'minute', 'second', 'short', 'quick']);

/**
 * Whether the commitment word at `i` is used in its other sense: "fine" after a verb of being or
 * feeling ("make sure you feel fine", "either time is fine"), "only" before a vague small amount
 * ("only a few minutes", "only a moment").
 */
function otherSense(t: readonly ClauseToken[], i: number): boolean {
  const w = t[i]?.lower;
  const prev = t[i - 1]?.lower ?? '';
  if (w === 'fine') return linking.has(prev) || prev.endsWith("'s") || prev.endsWith('’s');
  if (w === 'only') return (t[i + 1]?.lower === 'a' || t[i + 1]?.lower === 'an') && smallAmounts.has(t[i + 2]?.lower ?? '');
  // "feel free to" invites or permits; it names no price.
  if (w === 'free') return prev === 'feel' && t[i + 1]?.lower === 'to';
  return false;
}

/** Whether "all" at `i` is an adverb of degree before a state ("you're all set"), not a quantifier. */
function degree(t: readonly ClauseToken[], i: number): boolean {
  return t[i]?.lower === 'all' && states.has(t[i + 1]?.lower ?? '');
}

/**
 * Whether some words (what a courtesy frame offers: "feel free to *call the office*") name a
 * policy: a negation, an obligation, money, eligibility, an entitlement or a limit, or a promise
 * of the service. Quantifiers do not count here: "help with *any* order", "alerts for *every*
 * step" offer, they do not restrict; nor does a word of money in an offer to tell it (`telling`:
 * "glad to give you *a price*").
 */
export function namesPolicy(tokens: readonly ClauseToken[], telling = false): boolean {
  if (tokens.length === 0) return false;
  if (tokens.some((t) => isNegationCue(t.lower)) || clausePolarity(tokens).modality === 'necessity') return true;
  const wanted = telling ? policyWord : policyWord | moneyWord;
  for (const t of tokens) if ((policyBits(t.lower) & wanted) !== 0) return true;
  return promises(tokens);
}

const policyWord = 1;
const moneyWord = 2;
// policyBits by word: the same few hundred words recur in every answer (bounded: past it, restarted).
const policyBitsByWord = new Map<string, number>();

/**
 * Whether a token's word, as written or in one of its content forms (a token's words are the
 * text's words: white space always separates words), is a policy word (bit 1) or a money word (bit 2).
 */
function policyBits(lower: string): number {
  let bits = policyBitsByWord.get(lower);
  if (bits === undefined) {
    bits = 0;
    for (const w of [lower, ...contentWords(lower)]) bits |= (policyWords.has(w) ? policyWord : 0) | (moneyWords.has(w) ? moneyWord : 0);
    if (policyBitsByWord.size >= 20_000) policyBitsByWord.clear();
    policyBitsByWord.set(lower, bits);
  }
  return bits;
}
