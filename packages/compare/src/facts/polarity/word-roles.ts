// What a word does in its clause, read from its neighbours: a reason or a purpose opening, a charge
// denied ("no extra fee"), a price that covers, a noun rather than a verb, a reassurance, a permission
// granted by "welcome". clause-polarity.ts counts negations and modality with these.

import { feelingAt } from '../claims/reassurance.js';
import { isFunctionWord } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { freeCompoundNoun } from './free-compound.js';
import { isNegationCue, isPolarityCue } from './polarity-cues.js';
import { reassured } from './polarity-words.js';

/** Whether a negation cue other than a "-free" compound stands in the clause, but not right before the compound at `i`. */
export function deniesAnother(tokens: readonly ClauseToken[], i: number): boolean {
  return tokens.some((x, k) => (k < i - 2 || k > i) && freeCompoundNoun(x.lower) === undefined && isNegationCue(x.lower));
}

/** Whether the word at `i` stands before the noun it describes ("nut-free bakery", not "is nut-free and…"). */
export function attributive(tokens: readonly ClauseToken[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && (tokens[i]?.after ?? '') === '' && !isFunctionWord(next.lower) && !isPolarityCue(next.lower);
}

// Words that grant a permission (not "may"/"might"/"could"/"possible": as often a likelihood).
export const deontic = new Set(['can', 'allowed', 'permitted', 'able']);

export function startsWithDigit(t: ClauseToken | undefined): boolean {
  const c = t?.core.charCodeAt(0) ?? 0;
  return (c >= 48 && c <= 57) || c === 35;
}

export function isNegationWord(w: string): boolean {
  return w.endsWith("n't") || w === 'not' || w === 'no' || w === 'never' || w === 'cannot';
}

// Nouns of a charge: "no" or "without" before one (a word or two apart) says "free".
const charges = new Set(['charge', 'charges', 'cost', 'costs', 'fee', 'fees', 'surcharge', 'surcharges', 'payment']);

/** Whether a noun of charge follows token `i` within three words ("no charge", "no extra booking fee", "without any fee"). */
export function chargeFollows(tokens: readonly ClauseToken[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
    if (charges.has(tokens[k]?.lower ?? '')) return true;
    // The noun phrase ends at punctuation ("no, the fee…") and at a subject ("without insurance it costs $40").
    if ((tokens[k - 1]?.after ?? '') !== '' || subjects.has(tokens[k]?.lower ?? '')) return false;
  }
  return false;
}

// Nouns of a price that, as the subject of "covers", say what it includes.
const prices = new Set(['fee', 'fees', 'price', 'prices', 'cost', 'rate', 'ticket', 'charge', 'payment', 'deposit', 'subscription']);

/** Whether a price ("the $95 fee", "your ticket") is the subject of the active "cover(s)" at `i`. */
export function pricedSubject(tokens: readonly ClauseToken[], start: number, i: number): boolean {
  const w = tokens[i]?.lower;
  if (w !== 'covers' && w !== 'cover') return false;
  for (let k = i - 1; k >= start && k >= i - 4; k--) {
    const x = tokens[k]?.lower ?? '';
    if (prices.has(x) || /^[$€£¥]\d/.test(x)) return true;
  }
  return false;
}

/**
 * Whether a reason or a purpose opens at `i` after a comma: ", since they never need tuning", ", as
 * there are no seats", ", so that no one is disturbed". Like "because", it explains the claim before
 * it and says nothing of that claim's polarity ("since 2019" without a comma is a time, not a reason).
 */
export function givesReason(tokens: readonly ClauseToken[], i: number): boolean {
  const w = tokens[i]?.lower;
  if (w !== 'since' && w !== 'as' && w !== 'so') return false;
  if (!(tokens[i - 1]?.after ?? '').includes(',')) return false;
  const next = tokens[i + 1]?.lower ?? '';
  // ", as there are no seats", ", as it thins the blood"; not ", as is the coating" (a claim of its own).
  if (w === 'as') return subjects.has(next) && next !== 'that';
  return w !== 'so' || next === 'that';
}

// Pronouns that open a clause of their own after a noun phrase.
const subjects = new Set(['it', 'you', 'we', 'they', 'he', 'she', 'i', 'there', 'this', 'that']);

// Verbs of keeping something from happening, and the words before "to" that make "to avoid" the
// verb's object ("you need to avoid") rather than a purpose ("…alerts to avoid fees").
export const purposes = new Set(['avoid', 'prevent']);
export const purposeTakers = new Set(
  'need needs needed have has had want wants try tries trying tried ought able going got must should will would can could'.split(' '),
);

// Words after which a verb's plain form is the verb ("to block", "can block", "we block", "don't block").
export const verbTakers = new Set(
  "to will would can could may might must should shall do does did don't doesn't didn't won't can't cannot not never please i you we they also automatically".split(
    ' ',
  ),
);

// Verbs whose "to" takes the verb of what is chosen ("choose to skip", "decide to miss").
export const choosers = new Set([
  'choose',
  'chooses',
  'chose',
  'decide',
  'decides',
  'decided',
  'prefer',
  'prefers',
  'plan',
  'plans',
  'like',
  'elect',
]);

// Words after which a subject opens the purpose's own object clause ("To make sure you aren't
// charged again, …", "To ensure it doesn't leak, …", "To check that they're sealed, …").
const complementOpeners = new Set(['sure', 'ensure', 'certain', 'that']);

/**
 * Where a leading "To <verb> …," purpose ends (the index of the word before its comma), or -1: within
 * twelve words, and with no subject of its own ("To hold the date we don't need a deposit, …" is the
 * claim) but the subject of its object clause ("To make sure you aren't charged again, …").
 */
export function purposeEnd(tokens: readonly ClauseToken[], i: number): number {
  for (let k = i + 1; k < tokens.length && k <= i + 12; k++) {
    if (subjects.has(tokens[k]?.lower ?? '') && !complementOpeners.has(tokens[k - 1]?.lower ?? '')) return -1;
    const after = tokens[k]?.after ?? '';
    if (after.includes(',')) return k + 1 < tokens.length ? k : -1;
    if (after !== '') return -1;
  }
  return -1;
}

// Determiners before a noun phrase.
const determiners = new Set([
  'the',
  'a',
  'an',
  'your',
  'our',
  'their',
  'its',
  'his',
  'her',
  'my',
  'any',
  'each',
  'every',
  'all',
  'this',
  'that',
]);

/** Whether the word at `i` stands as a noun: after a determiner, and before a function word, punctuation or the clause's end. */
export function namedThing(tokens: readonly ClauseToken[], i: number): boolean {
  if (!determiners.has(tokens[i - 1]?.lower ?? '')) return false;
  const next = tokens[i + 1];
  return next === undefined || (tokens[i]?.after ?? '') !== '' || isFunctionWord(next.lower);
}

// Words before an imperative that still ask for it ("and skip…", "please skip…", "just skip…").
export const requestOpeners = new Set(['and', 'please', 'just', 'simply', 'then']);

// Words after which "miss" is a verb of the clause: a subject pronoun, a relative, an auxiliary.
export const omitters = new Set(
  'i you he she it we they that who which will would can could may might should must do does did to'.split(' '),
);

/**
 * Whether the subject that ends at token `j` opens with a negative determiner: "No referral is
 * required", "No photo ID is needed" lift the necessity as "A referral isn't required" does.
 */
export function deniedSubject(tokens: readonly ClauseToken[], j: number): boolean {
  for (let k = j; k >= 0 && k >= j - 3; k--) {
    const w = tokens[k]?.lower;
    if (w === 'no' || w === 'none') return true;
  }
  return false;
}

/**
 * Whether token `i` opens or carries a negation that encourages or reassures ("don't hesitate to
 * ask", "please do not hesitate", "never hesitate", "don't worry", "don't be nervous"): no denial, no prohibition.
 */
export function reassures(tokens: readonly ClauseToken[], i: number): boolean {
  const w = tokens[i]?.lower;
  let k = i + 1;
  if (w === 'do' || w === 'please') {
    if (tokens[k]?.lower === 'do') k++;
    if (tokens[k]?.lower !== 'not' && tokens[k]?.lower !== "don't") return false;
    k++;
  } else if (w !== "don't" && w !== 'never' && !(w === 'not' && tokens[i - 1]?.lower === 'do')) return false;
  return reassured.has(tokens[k]?.lower ?? '') || feelingAt(tokens, k);
}

// Words after which "welcome" is the predicate of its subject ("Guests are welcome to join", "Dogs
// are always welcome in the fields").
const beforeWelcome = new Set(['are', 'is', 'am', 'be', 'remain', 'remains', 'always', 'also', 'still', 'more']);

/**
 * Whether "welcome" at `i` grants a permission, as "allowed" does: after a verb of being ("are
 * welcome to attend", "you're welcome to bring"), but not "You're welcome." (thanks returned) nor
 * "Welcome to…" (a greeting).
 */
export function permits(tokens: readonly ClauseToken[], i: number): boolean {
  const prev = tokens[i - 1]?.lower ?? '';
  if (!beforeWelcome.has(prev) && !prev.endsWith("'re") && !prev.endsWith("'s")) return false;
  return tokens[i + 1] !== undefined && (tokens[i]?.after ?? '') === '';
}
