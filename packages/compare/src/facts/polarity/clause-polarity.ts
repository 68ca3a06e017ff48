import { memoSlots, type WordIds } from '../../text/word-ids.js';
import { reassuranceEnd } from '../claims/reassurance.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { advisesByFrame, softenedByAbility } from '../modality/advice-frame.js';
import { deniesPermission } from './denied-may.js';
import { consequenceStart } from './embedded-condition.js';
import { exceptsAt } from './exception-words.js';
import { freeCompoundNoun } from './free-compound.js';
import { freeToUse } from './free-to-use.js';
import { keepsAway } from './keep-away.js';
import { namesBlock } from './named-block.js';
import { nothingCharged } from './nothing-charged.js';
import { parallelDenial } from './parallel-denial.js';
import { between, comparatives, cue, cueBits, exemptions, failures, liftable, softRequests, stressAdverbs } from './polarity-words.js';
import { turnsAway } from './turned-away.js';
import {
  attributive,
  chargeFollows,
  choosers,
  deniedSubject,
  deniesAnother,
  deontic,
  givesReason,
  isNegationWord,
  namedThing,
  omitters,
  permits,
  pricedSubject,
  purposeEnd,
  purposes,
  purposeTakers,
  reassures,
  requestOpeners,
  startsWithDigit,
} from './word-roles.js';

/** What a clause asserts about its action: negated or not, and whether it is an obligation or a permission. */
export interface ClausePolarity {
  /** An odd number of negation cues ("not", "n't", "never", "no", "without", "cannot", "non-…"). */
  readonly negated: boolean;
  /** "free" in its price sense counted among the negations ("is free": no charge). */
  readonly free?: boolean;
  /**
   * Where the clause stands on the modal scale: `necessity` (must, need to, have to, required),
   * `advice` (should, recommended, advised), `possibility` (can, may, optional), or null.
   */
  readonly modality: 'necessity' | 'advice' | 'possibility' | null;
  /** The necessity is only a request's ("Please bring…", "Don't…"): as strong as advice, not more. */
  readonly request?: boolean;
  /**
   * A permission denied ("can't", "isn't allowed", "nobody can"): a possibility by its words, a
   * prohibition by what it says ("nobody can be in the house" obliges everyone to stay out).
   */
  readonly forbids?: boolean;
}

/**
 * The polarity and modality of one clause from its grammar:
 *
 * - negation: "not", "n't", "never", "no" and the negative determiners and pronouns, "without",
 *   words negative by their prefix ("non-refundable", "unable"); "no longer" negates, "no later
 *   than" / "no more than" bound a value instead; "free" in its price sense ("is free", "free of
 *   charge") says "no charge", and "No," opening an answer is a reply, not a negation;
 * - modality: necessity (must, need to, have to, required, a request opening with "please" or a
 *   prohibition opening with "don't" / "never"), advice (should, ought, recommended, advised,
 *   encouraged, suggested), possibility (can, may, optional, allowed, "are welcome to", a lifted necessity: "don't
 *   need to", "no need", "not required"). Advice beside a possibility ("recommended but
 *   optional") is a possibility; beside a necessity, a necessity.
 */
export function clausePolarity(tokens: readonly ClauseToken[], words?: WordIds): ClausePolarity {
  // Given the tokens' word table, each word's cues are looked up once per table.
  const memo = words?.memo(memoSlots.polarityCue);
  let negs = 0;
  let free = false;
  let nec = false;
  let stated = false;
  let advised = false;
  let pos = false;
  // A permission granted by a deontic word ("can", "allowed", "permitted", "welcome to"): negated, it
  // forbids, as "must not" does ("nobody can be in the house" = "you must stay out").
  let granted = false;
  let lifted = false;
  let deniedWithout = false;
  // A "without" before the permission it denies ("without it we can't record the hours").
  let withoutFirst = false;
  let start = 0;
  const aboutPrice = tokens.some((t) => (cueBits(t, memo) & cue.price) !== 0);
  let subordinate = false;
  let resume = -1;
  let only = false;
  tokens.forEach((t, i) => {
    const bits = cueBits(t, memo);
    const w = t.lower;
    // A subordinate clause after the main one ("…unless a vet tells you to", "…because it isn't in
    // stock") is a condition or a reason: the clause asserts what its main clause says.
    if (i === resume) subordinate = false;
    else if (subordinate || (i > start && ((bits & cue.subordinator) !== 0 || givesReason(tokens, i)))) {
      // "…, and if we can't fly we'll rebook you": the main clause after the condition counts (embedded-condition.ts).
      if (!subordinate) resume = consequenceStart(tokens, i);
      subordinate = true;
      return;
    }
    // A leading purpose ("To reclaim the space without a long lock, use…") says what the claim after
    // its comma is for: its words deny nothing of that claim.
    if (i === start && w === 'to') {
      const end = purposeEnd(tokens, i);
      if (end > i) {
        start = end + 1;
        return;
      }
    }
    if (i < start) return;
    const next = tokens[i + 1]?.lower;
    // "No," opening an answer replies; "Yes," or "Sure," likewise starts nothing.
    if (
      i === start &&
      (w === 'no' || w === 'yes' || w === 'sure' || w === 'okay' || w === 'ok') &&
      t.after !== undefined &&
      t.after !== ''
    ) {
      start = i + 1;
      return;
    }
    // "No worries,", "Not a problem -": a reassurance opening the clause; its "no" denies nothing.
    if (i === start) {
      const end = reassuranceEnd(tokens, i);
      if (end > i) {
        start = end;
        return;
      }
    }
    // "Don't hesitate to ask", "don't worry": encouragement, neither a negation nor a prohibition.
    if (reassures(tokens, i)) return;
    // "Please bring…", "Don't…", "Never…": a request or a prohibition obliges.
    if (i === start && w === 'please' && next !== undefined && !softRequests.has(next)) nec = true;
    if (
      (i === start || (i === start + 1 && tokens[start]?.lower === 'please')) &&
      (w === "don't" || w === 'never' || (w === 'do' && next === 'not'))
    )
      nec = true;
    // "failed to arrive", "stopped accepting walk-ins": a verb that denies the one after it.
    if ((bits & cue.ends) !== 0 && (failures.has(w) ? next === 'to' : (next ?? '').endsWith('ing'))) {
      negs++;
      return;
    }
    // "Stop ibuprofen three days before", "Contacts: stop soft lenses…": the plain verb opening a
    // request, with its object, asks for going without it, as "stop taking" does.
    // "Stop by the office", "stop in any time" is a visit, "Stop 4" a place.
    if ((w === 'stop' || w === 'quit') && next !== undefined && stopsUse(next) && opensRequest(tokens, i, start)) {
      negs++;
      return;
    }
    // "stay off alcohol", "keep off the grass", "steer clear of…": not doing or using it (keep-away.ts).
    // "late arrivals are turned away": refused (turned-away.ts).
    if (keepsAway(tokens, i) || turnsAway(tokens, i)) {
      negs++;
      return;
    }
    // "teams that miss check-in", "if you miss it": a verb after its subject or an auxiliary, with its
    // object after it. "Missed lessons", "for missed print days" name things, and "the days you miss"
    // is a relative clause about its noun (the object is the noun before it).
    if ((bits & cue.omission) !== 0) {
      const prev = tokens[i - 1]?.lower ?? '';
      // Its plain form opening a clause or after "and" / "please" asks for it ("And skip alcohol the
      // night before"), as "avoid" does.
      // ("Miss" opening a sentence is as often a title.)
      const asked = w === 'skip' && (i === start || requestOpeners.has(prev));
      // After "to", only the verb that "to" completes ("need to skip", "choose to skip"): "notice to
      // skip a visit" names the notice, and denies nothing.
      const infinitive = prev === 'to' && !purposeTakers.has(tokens[i - 2]?.lower ?? '') && !choosers.has(tokens[i - 2]?.lower ?? '');
      const verb = asked || (i > start && !infinitive && (omitters.has(prev) || prev.endsWith("'ll") || prev.endsWith("'d")));
      if (verb && next !== undefined && (t.after ?? '') === '') negs++;
      return;
    }
    if (w === 'only') only = true;
    if (w === 'welcome' && permits(tokens, i)) {
      pos = true;
      granted = true;
    }
    // "it's best to", "it helps to": advice by a frame (advice-frame.ts).
    if ((bits & cue.adviceFrame) !== 0 && advisesByFrame(tokens, i)) advised = true;
    // "apart from", "aside from", "other than", "nothing beyond": an exception, as "except" is (exception-words.ts).
    if ((w === 'apart' || w === 'aside' || w === 'other' || w === 'beyond' || w === 'besides') && exceptsAt(tokens, i)) {
      negs++;
      return;
    }
    // Most words are in none of the lists below.
    if ((bits & cue.polar) === 0) return;
    // "no later than", "no more than": a bound on a value, not a negation; "no longer" is one.
    // "No. 63/418,227" abbreviates "number": no negation.
    const bound =
      w === 'no' &&
      ((comparatives.has(next ?? '') && tokens[i + 2]?.lower === 'than') || (t.upper && t.after === '.' && startsWithDigit(tokens[i + 1])));
    if (w === 'free') {
      // "free to leave" permits; "is free", "free of charge" mean no charge.
      if (next === 'to' && !freeToUse(tokens, i)) pos = true;
      else {
        if (!free) negs++;
        free = true;
      }
      return;
    }
    // "at no charge", "no extra cost", "without any fee", "costs nothing": the price sense of "free".
    // Each wording of it in one clause says it again ("covered by our insurance at no extra cost"):
    // the price sense counts once, where two negations would cancel.
    if (((w === 'no' || w === 'without') && !bound && chargeFollows(tokens, i)) || nothingCharged(tokens, i)) {
      if (!free) negs++;
      free = true;
      return;
    }
    if (aboutPrice && (bits & cue.payer) !== 0) {
      // "the $95 fee covers all materials": a price that covers something includes it; nobody else pays.
      if (pricedSubject(tokens, start, i)) return;
      if (!free) negs++;
      free = true;
      return;
    }
    if ((bits & cue.denier) !== 0) {
      // "block" names a thing ("a transaction block", "2-hour blocks") unless a verb stands there (named-block.ts).
      if (namesBlock(tokens, i, start)) return;
      // "to avoid / prevent a fee" after the claim, or opening it, is its purpose: what the claim is for
      // ("set up an alert to prevent another fee"), not what it denies. "need to avoid" still denies.
      if (purposes.has(w) && tokens[i - 1]?.lower === 'to' && !purposeTakers.has(tokens[i - 2]?.lower ?? '')) return;
      negs++;
      // "exempt from inspection": no inspection needed, as "don't need an inspection" says.
      if (exemptions.has(w)) {
        pos = true;
        lifted = true;
      }
      return;
    }
    if ((bits & cue.advice) !== 0) advised = true;
    if ((bits & cue.contracted) !== 0 || ((bits & cue.negation) !== 0 && !bound)) {
      // "neither … nor", "not … nor": one negation, its "nor" continues it.
      if (w === 'nor' && negs > 0) return;
      // "no perfume, no phones": one denial per item of one list (parallel-denial.ts).
      if (w === 'no' && parallelDenial(tokens, i)) return;
      // A "-free" compound before its noun ("the nut-free bakery") or beside a negation of another
      // word ("…is nut-free but doesn't open on Sundays") names a thing, not the claim; alone, or
      // denied right before it ("isn't nut-free"), it is the clause's predicate.
      if (freeCompoundNoun(w) !== undefined && (attributive(tokens, i) || deniesAnother(tokens, i))) return;
      // "won't", "can't", "don't need": the negation; "can't"/"cannot" also carry possibility.
      negs++;
      // "can't start without it": a permission denied but for something is a need of it.
      if (w === 'without' && granted && !lifted) deniedWithout = true;
      else if (w === 'without') withoutFirst = true;
      if (w === 'cannot' || w === "can't" || w === "couldn't") {
        pos = true;
        granted = true;
      }
      if (w === "mustn't") {
        nec = true;
        stated = true;
      }
      if (w === "needn't") {
        pos = true;
        lifted = true;
      }
      return;
    }
    if ((bits & cue.prefixed) !== 0) {
      // "the non-provisional", "our non-members": a "non-" word used as a noun names a thing; said of
      // the subject ("is non-refundable") or before its noun ("a non-refundable deposit") it denies.
      if (namedThing(tokens, i)) return;
      // "Non-English films", "non-EU citizens": "non-" before a name makes a class of things, it denies nothing.
      if (/^[Nn]on-\p{Lu}/u.test(t.core) && t.core !== t.core.toUpperCase()) return;
      negs++;
      return;
    }
    if ((bits & cue.necessity) !== 0) {
      // "is needed" says what "is required" does; "the documents needed" names them.
      const counts =
        !(w === 'have' || w === 'has' || w === 'had' || w === 'needs' || w === 'need' || w === 'needed') ||
        next === 'to' ||
        ((w === 'need' || w === 'needs') && next !== undefined) ||
        (w === 'needed' && saidOfSubject(tokens, i));
      if (!counts) return;
      // "a must" names a necessity as "a requirement" does: "not a must" lifts it.
      const named = w === 'must' && tokens[i - 1]?.lower === 'a';
      let j = named ? i - 2 : i - 1;
      while (j >= 0 && between.has(tokens[j]?.lower ?? '')) j--;
      // "need no ticket", "requires no experience": the need denied by its object lifts it too.
      const deniedObject = liftable.has(w) && (tokens[i]?.after ?? '') === '' && objectDenials.has(tokens[i + 1]?.lower ?? '');
      if (deniedObject || ((liftable.has(w) || named) && j >= 0 && (isNegationWord(tokens[j]?.lower ?? '') || deniedSubject(tokens, j)))) {
        pos = true;
        lifted = true;
      } else {
        nec = true;
        stated = true;
      }
      return;
    }
    // "Being able to swim 50 m is a requirement": an ability named as a thing, no permission.
    if ((bits & cue.possibility) !== 0 && (w !== 'able' || (tokens[i - 1]?.lower !== 'un' && tokens[i - 1]?.lower !== 'being'))) {
      pos = true;
      // "may not edit": a permission denied (denied-may.ts), as "can't edit" is.
      if (deontic.has(w) || deniesPermission(tokens, i)) granted = true;
    }
  });
  // "Without it we can't record the hours" says what "we can't record the hours without it" does;
  // "Bring your licence or we can't record the hours", "…, otherwise we can't…" too: the "or" is "without
  // what was just asked", the one negation it adds.
  if (!deniedWithout && granted && !lifted) {
    if (withoutFirst) deniedWithout = true;
    else if (orElse(tokens, start) && negs % 2 === 1) {
      deniedWithout = true;
      negs++;
    }
  }
  // "The examiner can't begin without it" says "the examiner needs it to begin".
  if (deniedWithout && negs % 2 === 0) {
    nec = true;
    stated = true;
    pos = false;
  }
  // A permission restricted by "only" ("allowed only in the rings", "can only pay by card") is a
  // rule as much as a permission: it takes no side on the scale.
  // "Book ahead if you can": an instruction on a condition of the reader's ability advises (advice-frame.ts).
  if (!nec && !pos && !advised && softenedByAbility(tokens)) advised = true;
  const modality = nec && !pos ? 'necessity' : pos && !nec ? (only ? null : 'possibility') : advised && !nec && !pos ? 'advice' : null;
  // A permission denied is a prohibition: "can't", "isn't allowed", "nobody can" say what "must not"
  // does (a lifted necessity, "don't need to", stays a permission; "may not" is as often a likelihood).
  // "Free" in its price sense denies a charge, not the permission: "you can rebook for free" permits.
  const forbids = (negs - (free ? 1 : 0)) % 2 === 1 && granted && !lifted && modality === 'possibility';
  return {
    negated: negs % 2 === 1,
    ...(free ? { free } : {}),
    modality,
    ...(modality === 'necessity' && !stated ? { request: true } : {}),
    ...(forbids ? { forbids } : {}),
  };
}

/**
 * Whether a clause says what follows if the reader does not do what was just asked: it opens on "or"
 * or "otherwise" ("…or we can't record the hours"), or "otherwise" follows a comma or a dash inside it
 * ("Bring your licence, otherwise we can't…").
 */
function orElse(tokens: readonly ClauseToken[], start: number): boolean {
  const first = tokens[start]?.lower;
  if (first === 'or' || first === 'otherwise') return true;
  return tokens.some((t, i) => t.lower === 'otherwise' && i > start && /[,;—–-]/.test(tokens[i - 1]?.after ?? ''));
}

/** Whether the word at `i` opens a request: the clause's first, after "please" / "and" / "just", or after a label's colon. */
function opensRequest(tokens: readonly ClauseToken[], i: number, start: number): boolean {
  if (i === start) return true;
  const prev = tokens[i - 1];
  return prev !== undefined && (requestOpeners.has(prev.lower) || (prev.after ?? '').includes(':'));
}

// Words after "stop" that make it a visit ("stop by", "stop in") or no verb of its object.
const visits = new Set(['by', 'in', 'at', 'off', 'over', 'for', 'here', 'there', 'and', 'or', 'to']);

/** Whether the word after an asked "stop" is its object (not an -ing verb, a visit's particle or a number). */
function stopsUse(next: string): boolean {
  return !next.endsWith('ing') && !visits.has(next) && /^\p{L}/u.test(next);
}

const copulas = new Set(['is', 'are', 'was', 'were', 'be', 'been', "isn't", "aren't", "wasn't", "weren't"]);
const adverbsBefore = new Set(['not', 'also', 'always', 'usually', ...stressAdverbs]);

/** Whether the word at `i` is said of the clause's subject after a copula ("is needed", "isn't really needed"). */
function saidOfSubject(tokens: readonly ClauseToken[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && adverbsBefore.has(tokens[j]?.lower ?? '')) j--;
  return copulas.has(tokens[j]?.lower ?? '');
}

// Negative determiners and pronouns as the object of a verb of need: "need no ticket", "requires nothing".
const objectDenials = new Set(['no', 'nothing', 'none']);
