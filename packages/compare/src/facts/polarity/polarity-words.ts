import { memoSlots, wordNumber } from '../../text/word-ids.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { adviceFrameWords } from '../modality/advice-frame.js';
import { freeCompoundNoun } from './free-compound.js';
import { latinNegationCues, scriptDenier, scriptNegation } from './language-negations.js';

// The English word lists the polarity rules (clause-polarity.ts) read, and which of them each word
// is in as bits, remembered per word id: one look-up per token instead of one per list.

// English cues ("unless" is "if not"). Words whose negation is in the word itself ("non-refundable", "unable") count
// once, as "not refundable" would.
export const negations = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  'neither',
  'nor',
  'without',
  'unless',
  'cannot',
  'unable',
  'impossible',
  'ineligible',
  'unavailable',
  'prohibited',
  'forbidden',
  // Other languages' negations that no English word spells ("no" and "non" already count):
  // language-negations.ts, one entry per language.
  ...Object.values(latinNegationCues).flatMap((c) => c.negations),
]);
// Words of exemption: "exempt from the fee" is "pays no fee" and "exempt from inspection" is "needs no
// inspection" - a negation that also lifts a necessity, in each language whose negations are read
// (German "befreit", Spanish "exento", Portuguese "isento", French "exonéré" / "exempté", Italian "esente").
export const exemptions: ReadonlySet<string> = new Set([
  'exempt',
  'exempted',
  'exempts',
  'befreit',
  'exento',
  'exenta',
  'exentos',
  'exentas',
  'isento',
  'isenta',
  'isentos',
  'isentas',
  'exonéré',
  'exonérée',
  'exonérés',
  'exonérées',
  'exempté',
  'exemptée',
  'exemptés',
  'exemptées',
  'esente',
  'esenti',
]);
// Words that deny their positive counterpart whatever it is worded as: "excluded" is "not included"
// or "not covered", "declined" is "not accepted", "blocked" is "cannot". Counted as one negation each,
// so "excluded" and "not covered" agree and "excluded" / "included" flip. "closed" is not here: a
// connection or an account is closed as an event ("dropped", "terminated"); it is paired with "open"
// among the directions below instead.
export const deniers = new Set([
  'excluded',
  'excludes',
  'excluding',
  'except',
  'outside',
  'declined',
  'declines',
  'denied',
  'denies',
  'denying',
  'rejected',
  'rejects',
  'rejecting',
  'refused',
  'refuses',
  'refusing',
  'block',
  'blocks',
  'blocked',
  'blocking',
  'prevent',
  'prevents',
  'prevented',
  'preventing',
  'ban',
  'bans',
  'banned',
  'prohibit',
  'prohibits',
  'forbid',
  'forbids',
  'disallows',
  'disallowed',
  'barred',
  'off-limits',
  // "Teams that miss check-in are disqualified" is "can't play".
  'disqualified',
  'disqualifies',
  'discontinued',
  // "avoids the fee" is "no fee", "to avoid delays" / "to prevent delays".
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
  ...exemptions,
  ...Object.values(latinNegationCues).flatMap((c) => c.deniers),
]);
// Verbs that deny the verb after them: "failed to arrive" = "did not arrive". Alone ("the build
// failed", "while checks fail") they report an event, worded as often "stopped at", "broke", "is red".
export const failures = new Set(['fail', 'fails', 'failed']);
// Verbs that end an action named by the -ing form after them ("stopped accepting walk-ins" = "no
// longer accepts"); alone ("the bus stopped") they negate nothing.
export const cessations = new Set(['stop', 'stops', 'stopped', 'cease', 'ceases', 'ceased', 'quit']);
// Verbs of not doing what they name: "teams that miss check-in" do not check in, "you can skip the
// permit" needs none. As a participle before its noun ("missed lessons can be rescheduled") they name
// a thing, not the clause's polarity.
export const omissions = new Set(['miss', 'misses', 'missed', 'skip', 'skips', 'skipped']);
// Conjunctions that open a subordinate clause inside a clause; a leading one is split off by
// splitClauses as the clause's condition.
export const subordinators = new Set(['if', 'unless', 'because', 'although', 'though', 'whereas', 'whether']);

// Words of price: a clause that says "free" is comparable in polarity with one that uses them.
export const priceWords = new Set([
  'free',
  'charge',
  'charged',
  'charges',
  'cost',
  'costs',
  'fee',
  'fees',
  'pay',
  'paid',
  'price',
  'billed',
  'surcharge',
]);
// Verbs that, in a clause about price, say someone else pays: "we cover the cost", "absorbs the fee"
// read as "free" does. ("waived", "refunded", "reversed" undo a charge; they are worded either way.)
export const payers = new Set(['cover', 'covers', 'covered', 'absorb', 'absorbs']);
export const comparatives = new Set([
  'later',
  'earlier',
  'more',
  'less',
  'longer',
  'sooner',
  'fewer',
  'greater',
  'higher',
  'lower',
  'worse',
  'better',
]);
export const necessity = new Set([
  'must',
  'required',
  'require',
  'requires',
  'mandatory',
  'necessary',
  'obligatory',
  'needs',
  'need',
  'needed',
  'have',
  'has',
  'had',
]);
// The middle of the modal scale: what is advised, neither required nor merely allowed.
export const advice = new Set([
  'should',
  "shouldn't",
  'ought',
  'recommend',
  'recommends',
  'recommended',
  'advise',
  'advises',
  'advised',
  'advisable',
  'encourage',
  'encourages',
  'encouraged',
  'suggest',
  'suggests',
  'suggested',
  'ideally',
]);
export const possibility = new Set(['can', 'could', 'may', 'might', 'optional', 'allowed', 'permitted', 'able', 'possible']);

// Necessity words that, negated, grant a permission ("you don't need to", "no need", "not
// required"): the absence of an obligation, as opposed to "must not", which obliges.
export const liftable = new Set([
  'need',
  'needs',
  'needed',
  'have',
  'has',
  'had',
  'required',
  'require',
  'requires',
  'necessary',
  'mandatory',
  'obligatory',
]);
// Adverbs that soften or stress a predicate without changing what it says ("really", "actually").
export const stressAdverbs: readonly string[] = ['really', 'actually', 'strictly', 'even'];
// What may stand between a negation and the necessity it lifts: "not really need", "isn't required".
export const between = new Set(['be', 'been', 'is', 'are', 'any', ...stressAdverbs]);
// Verbs a negation turns into encouragement or reassurance, not a denial: "don't hesitate to call"
// invites the call, "don't worry" reassures; neither says that something is not so or not allowed.
export const reassured = new Set(['hesitate', 'worry']);
// Openings of a request that oblige no more than a statement does ("Please note that…").
export const softRequests = new Set(['note', 'let', 'feel', 'see', 'contact', 'reach', 'allow', 'keep', 'be']);

/** The bits of {@link cueBits}: which of the lists above a word is in. */
export const cue = Object.freeze({
  subordinator: 1,
  denier: 2,
  /** Ends in "n't". */
  contracted: 4,
  negation: 8,
  /** "non-…", "no-…". */
  prefixed: 16,
  necessity: 32,
  advice: 64,
  possibility: 128,
  payer: 256,
  free: 512,
  /** Any of the bits above but subordinator: the word may change a clause's polarity or modality. */
  polar: 1022,
  /** A price word. */
  price: 1024,
  /** A word of a frame that advises ("it's best to", advice-frame.ts). */
  adviceFrame: 2048,
  /** A verb of failing or stopping ({@link failures}, {@link cessations}). */
  ends: 4096,
  /** A verb of not doing ({@link omissions}). */
  omission: 8192,
});

/** The {@link cue} bits of a token, from `memo` (indexed by word id of the token's table) when given. */
export function cueBits(t: ClauseToken, memo: (number | undefined)[] | undefined): number {
  // Without a memo (a rule handed tokens alone), the current table's serves a token read with it.
  if (memo === undefined || t.id === undefined) return wordNumber(t.id, t.lower, memoSlots.polarityCue, cueBitsOf);
  let bits = memo[t.id];
  if (bits === undefined) {
    bits = cueBitsOf(t.lower);
    memo[t.id] = bits;
  }
  return bits;
}

/** The cue bits of a token's `lower` (its apostrophes already straight: see ClauseToken). */
function cueBitsOf(w: string): number {
  return (
    (subordinators.has(w) ? cue.subordinator : 0) |
    (deniers.has(w) || scriptDenier(w) ? cue.denier : 0) |
    (w.endsWith("n't") ? cue.contracted : 0) |
    (negations.has(w) || freeCompoundNoun(w) !== undefined || scriptNegation(w) ? cue.negation : 0) |
    ((w.startsWith('non-') || w.startsWith('no-')) && /^no[n]?-\p{L}/u.test(w) ? cue.prefixed : 0) |
    (necessity.has(w) ? cue.necessity : 0) |
    (advice.has(w) ? cue.advice : 0) |
    (possibility.has(w) ? cue.possibility : 0) |
    (payers.has(w) ? cue.payer : 0) |
    (w === 'free' ? cue.free : 0) |
    (priceWords.has(w) ? cue.price : 0) |
    (adviceFrameWords.has(w) ? cue.adviceFrame : 0) |
    (failures.has(w) || cessations.has(w) ? cue.ends : 0) |
    (omissions.has(w) ? cue.omission : 0)
  );
}
