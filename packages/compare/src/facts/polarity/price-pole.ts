import { defineCue } from '../clauses/clause-cues.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from '../values/fact-value.js';
import { freeToUse } from './free-to-use.js';
import { isNegationCue } from './polarity-cues.js';
import { priceWords } from './polarity-words.js';

// Which pole of price a run of words puts what it talks about on: free (included, covered, waived,
// at no charge, costs nothing, $0) or charged (extra, charged, costs $X, a fee, on top). A paraphrase
// says one pole in words with a negation ("at no extra cost", "isn't charged") or without one
// ("included", "free", "on us"), so counting negations of two wordings reads a flip where both say
// "free"; reading each wording's pole, and comparing poles, does not. "$40" → "$0" stays a change of
// pole; "included" → "$5 extra" too.

/** A pole of price. */
export type PricePole = 'free' | 'charged';

// Words that say the item is paid for already or costs nothing.
const freeWords = new Set(['free', 'included', 'inclusive', 'complimentary', 'covered', 'waived', 'waive', 'waives']);
// Words that say the item is paid for: the words of price (polarity-words.ts) but "free", and a price
// on top. Not "pay" / "paid" / "price": who pays is a fact of its own ("we pay the return postage" /
// "you pay…" say one pole with another payer).
const notCharged = new Set(['free', 'pay', 'paid', 'price']);
const chargedWords = new Set([...[...priceWords].filter((w) => !notCharged.has(w)), 'extra', 'separately']);
// Words after which a clause opens a part of its own ("X is free, but Y costs $5").
const partOpeners = new Set(['but', 'while', 'whereas', 'although', 'though', 'and', 'then', 'or']);
// Words that set an exception apart inside a part ("free apart from storage"): two poles in one part.
const exceptions = new Set(['except', 'apart', 'besides', 'unless', 'beyond', 'over', 'after', 'above']);

/** A money amount: its figure, or undefined ("$5", "+$25", "€0.80", "$0"). */
function money(w: string): number | undefined {
  // Both patterns open with "+", a currency sign or a digit (or a comma): most words open otherwise.
  if (!moneyStart.test(w)) return undefined;
  const m = /^[+]?[$€£¥]([\d,]+(?:\.\d+)?)$/.exec(w) ?? /^[+]?([\d,]+(?:\.\d+)?)(?:[$€£¥]|c)$/.exec(w);
  return m === null ? undefined : Number((m[1] as string).replace(/,/g, ''));
}

const moneyStart = /^[+$€£¥\d,]/;

/** A word without the sentence punctuation that may close it ("free." / "free)"). */
function bare(lower: string): string {
  const last = lower.charCodeAt(lower.length - 1);
  // . ! ? ) : only then can the pattern cut anything.
  return last === 46 || last === 33 || last === 63 || last === 41 ? lower.replace(closingPunct, '') : lower;
}
const closingPunct = /[.!?)]+$/;

/**
 * Pole `p` of the wording at `i`, turned round by a negation cue before it, which the wording then
 * uses (marked in `used`). A module-level function, not a closure per word: tsx names each named
 * closure it creates.
 */
function flipAt(t: readonly ClauseToken[], i: number, used: Set<number>, p: PricePole): PricePole {
  const k = negationBefore(t, i);
  if (k < 0) return p;
  used.add(k);
  return p === 'free' ? 'charged' : 'free';
}

/** Where a negation cue stands among the three words before `i` (not across a comma), or -1. */
function negationBefore(t: readonly ClauseToken[], i: number): number {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const x = t[k] as ClauseToken;
    if (/[,;:]/.test(x.after ?? '')) return -1;
    if (isNegationCue(x.lower)) return k;
  }
  return -1;
}

/** Whether the word at `i` is the "expense" or "cost" of "at our expense" / "at our cost". */
function ourExpense(t: readonly ClauseToken[], i: number): boolean {
  const w = bare((t[i] as ClauseToken).lower);
  return (w === 'expense' || w === 'cost') && t[i - 1]?.lower === 'our' && t[i - 2]?.lower === 'at';
}

/**
 * The poles the words of one part say, one per wording (undefined where a negation of the part
 * takes no wording of price: it negates something else, "the $12 you paid can't be refunded"): "free" / "included" / "waived" free, or
 * charged when negated ("isn't included"); a charge word or an amount charged, or free when negated
 * ("no extra charge", "doesn't cost anything") or followed by "nothing" ("costs nothing"); "$0" free;
 * "on us" / "on the house" and "part of" free; "on top" charged. "free of charge" is one wording. A verb of waiving
 * says the whole part: the fee it names is not paid ("The $20 fee is waived").
 */
function polesIn(t: readonly ClauseToken[]): PricePole[] | undefined {
  const out: PricePole[] = [];
  let waived: PricePole | undefined;
  // The negations a wording of price takes: any other negates something else in the part.
  const used = new Set<number>();
  for (let i = 0; i < t.length; i++) {
    const w = bare((t[i] as ClauseToken).lower);
    const after = t[i + 1];
    const next = after === undefined ? undefined : bare(after.lower);
    if (w === 'waived' || w === 'waive' || w === 'waives') waived = flipAt(t, i, used, 'free');
    // "at our expense" / "at our cost": the service pays, the reader does not.
    else if (ourExpense(t, i)) out.push(flipAt(t, i, used, 'free'));
    else if (freeWords.has(w)) {
      // "feel free to", "free to cancel": not a price.
      if (w === 'free' && ((next === 'to' && !freeToUse(t, i)) || t[i - 1]?.lower === 'feel')) continue;
      out.push(flipAt(t, i, used, 'free'));
      // "free of charge": one wording.
      if (w === 'free' && next === 'of') i += 2;
    } else if (chargedWords.has(w)) {
      // "costs $0", "a fee of $12": the amount says the pole.
      if (money(next ?? '') !== undefined || (next === 'of' && money(t[i + 2]?.lower ?? '') !== undefined)) continue;
      // "extra" before a noun that is no charge ("an extra night") names a thing, not a price.
      if (w === 'extra' && next !== undefined && !chargedWords.has(next) && money(next) === undefined && (t[i]?.after ?? '') === '')
        continue;
      if (next === 'nothing') used.add(i + 1);
      out.push(next === 'nothing' ? 'free' : flipAt(t, i, used, 'charged'));
    } else if (w === 'top' && t[i - 1]?.lower === 'on') out.push('charged');
    // "is part of the price", "isn't part of the package".
    else if (w === 'part' && next === 'of' && /^(is|are|was|were|not|.*n't)$/.test(t[i - 1]?.lower ?? ''))
      out.push(flipAt(t, i, used, 'free'));
    else if ((w === 'us' || w === 'house') && (t[i - 1]?.lower === 'on' || t[i - 2]?.lower === 'on')) out.push('free');
    else {
      const m = money(w);
      if (m !== undefined) out.push(m === 0 ? 'free' : flipAt(t, i, used, 'charged'));
    }
  }
  if (t.some((x, i) => !used.has(i) && isNegationCue(x.lower))) return undefined;
  return waived === undefined ? out : [waived];
}

/** The runs of a clause's words between commas, semicolons, colons and the words that open a part. */
function parts(t: readonly ClauseToken[]): (readonly ClauseToken[])[] {
  const out: ClauseToken[][] = [[]];
  for (const x of t) {
    if (partOpeners.has(x.lower) && (out[out.length - 1] as ClauseToken[]).length > 0) out.push([]);
    (out[out.length - 1] as ClauseToken[]).push(x);
    if (/[,;:]/.test(x.after ?? '')) out.push([]);
  }
  return out.filter((r) => r.length > 0);
}

/**
 * The one pole of price a run of words says, or undefined: where no part names a price, where two
 * parts (or two wordings of one part) say opposite poles ("bikes free, cars $40"), where a part
 * sets an exception apart ("free apart from storage") or where a part negates something that is no
 * price ("is free but not available on weekends": its negation is about something else).
 */
export function pricePole(t: readonly ClauseToken[]): PricePole | undefined {
  let pole: PricePole | undefined;
  for (const part of parts(t)) {
    const poles = polesIn(part);
    if (poles === undefined) return undefined;
    if (poles.length === 0) continue;
    if (part.some((x) => exceptions.has(x.lower))) return undefined;
    for (const p of poles) {
      if (pole !== undefined && p !== pole) return undefined;
      pole = p;
    }
  }
  return pole;
}

/** Whether a word (lower-cased) is one of the words that say a pole of price ("included", "free", "charge", "expense"). */
export function priceWording(lower: string): boolean {
  const w = bare(lower);
  return freeWords.has(w) || chargedWords.has(w) || w === 'expense';
}

/** The {@link priceWording} cue (clause-cues.ts): a clause without it words no pole of price. */
export const pricePoleCue = defineCue('price pole', priceWording);

/** Whether two runs of words each say one pole of price, the same one. */
export function samePricePole(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  const p = pricePole(a);
  return p !== undefined && p === pricePole(b);
}

/**
 * Whether a zero amount the candidate states ("Deposit: $0") says the free pole that production's
 * closest clause words another way ("there's no deposit to pay", "…is free"): a wording of the pole,
 * not a new figure. The closest clause must name a word of the candidate's. An amount that replaces
 * another ("$40" → "$0") is a changed value before this is asked.
 */
export function restatesFree(v: FactValue, c: ClauseFacts, closest: ClauseFacts | undefined): boolean {
  if (v.type !== 'money' || v.num !== 0 || closest === undefined) return false;
  return pricePole(closest.tokens) === 'free' && c.content.some((w) => closest.contentSet.has(w));
}
