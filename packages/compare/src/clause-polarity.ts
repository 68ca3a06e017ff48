import { isFunctionWord } from './content-words.js';
import { freeCompoundNoun } from './free-compound.js';
import { isNegationCue, isPolarityCue } from './polarity-cues.js';
import { between, comparatives, cue, cueBits, exemptions, failures, liftable, reassured, softRequests } from './polarity-words.js';
import type { ClauseToken } from './split-clauses.js';
import { memoSlots, type WordIds } from './word-ids.js';

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

/** Whether a negation cue other than a "-free" compound stands in the clause, but not right before the compound at `i`. */
function deniesAnother(tokens: readonly ClauseToken[], i: number): boolean {
  return tokens.some((x, k) => (k < i - 2 || k > i) && freeCompoundNoun(x.lower) === undefined && isNegationCue(x.lower));
}

/** Whether the word at `i` stands before the noun it describes ("nut-free bakery", not "is nut-free and…"). */
function attributive(tokens: readonly ClauseToken[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && (tokens[i]?.after ?? '') === '' && !isFunctionWord(next.lower) && !isPolarityCue(next.lower);
}

// Words that grant a permission (not "may"/"might"/"could"/"possible": as often a likelihood).
const deontic = new Set(['can', 'allowed', 'permitted', 'able']);

function startsWithDigit(t: ClauseToken | undefined): boolean {
  const c = t?.core.charCodeAt(0) ?? 0;
  return (c >= 48 && c <= 57) || c === 35;
}

function isNegationWord(w: string): boolean {
  return w.endsWith("n't") || w === 'not' || w === 'no' || w === 'never' || w === 'cannot';
}

// Nouns of a charge: "no" or "without" before one (a word or two apart) says "free".
const charges = new Set(['charge', 'charges', 'cost', 'costs', 'fee', 'fees', 'surcharge', 'surcharges', 'payment']);

/** Whether a noun of charge follows token `i` within three words ("no charge", "no extra booking fee", "without any fee"). */
function chargeFollows(tokens: readonly ClauseToken[], i: number): boolean {
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
function pricedSubject(tokens: readonly ClauseToken[], start: number, i: number): boolean {
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
function givesReason(tokens: readonly ClauseToken[], i: number): boolean {
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
const purposes = new Set(['avoid', 'prevent']);
const purposeTakers = new Set(
  'need needs needed have has had want wants try tries trying tried ought able going got must should will would can could'.split(' '),
);

// Words after which a verb's plain form is the verb ("to block", "can block", "we block", "don't block").
const verbTakers = new Set(
  "to will would can could may might must should shall do does did don't doesn't didn't won't can't cannot not never please i you we they also automatically".split(
    ' ',
  ),
);

// Verbs whose "to" takes the verb of what is chosen ("choose to skip", "decide to miss").
const choosers = new Set([
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

/**
 * Where a leading "To <verb> …," purpose ends (the index of the word before its comma), or -1: within
 * twelve words, and with no subject of its own ("To hold the date we don't need a deposit, …" is the claim).
 */
function purposeEnd(tokens: readonly ClauseToken[], i: number): number {
  for (let k = i + 1; k < tokens.length && k <= i + 12; k++) {
    if (subjects.has(tokens[k]?.lower ?? '')) return -1;
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
function namedThing(tokens: readonly ClauseToken[], i: number): boolean {
  if (!determiners.has(tokens[i - 1]?.lower ?? '')) return false;
  const next = tokens[i + 1];
  return next === undefined || (tokens[i]?.after ?? '') !== '' || isFunctionWord(next.lower);
}

// Words before an imperative that still ask for it ("and skip…", "please skip…", "just skip…").
const requestOpeners = new Set(['and', 'please', 'just', 'simply', 'then']);

// Words after which "miss" is a verb of the clause: a subject pronoun, a relative, an auxiliary.
const omitters = new Set('i you he she it we they that who which will would can could may might should must do does did to'.split(' '));

/**
 * Whether the subject that ends at token `j` opens with a negative determiner: "No referral is
 * required", "No photo ID is needed" lift the necessity as "A referral isn't required" does.
 */
function deniedSubject(tokens: readonly ClauseToken[], j: number): boolean {
  for (let k = j; k >= 0 && k >= j - 3; k--) {
    const w = tokens[k]?.lower;
    if (w === 'no' || w === 'none') return true;
  }
  return false;
}

/**
 * Whether token `i` opens or carries a negation that encourages or reassures ("don't hesitate to
 * ask", "please do not hesitate", "never hesitate", "don't worry"): no denial, no prohibition.
 */
function reassures(tokens: readonly ClauseToken[], i: number): boolean {
  const w = tokens[i]?.lower;
  let k = i + 1;
  if (w === 'do' || w === 'please') {
    if (tokens[k]?.lower === 'do') k++;
    if (tokens[k]?.lower !== 'not' && tokens[k]?.lower !== "don't") return false;
    k++;
  } else if (w !== "don't" && w !== 'never' && !(w === 'not' && tokens[i - 1]?.lower === 'do')) return false;
  return reassured.has(tokens[k]?.lower ?? '');
}

// Words after which "welcome" is the predicate of its subject ("Guests are welcome to join", "Dogs
// are always welcome in the fields").
const beforeWelcome = new Set(['are', 'is', 'am', 'be', 'remain', 'remains', 'always', 'also', 'still', 'more']);

/**
 * Whether "welcome" at `i` grants a permission, as "allowed" does: after a verb of being ("are
 * welcome to attend", "you're welcome to bring"), but not "You're welcome." (thanks returned) nor
 * "Welcome to…" (a greeting).
 */
function permits(tokens: readonly ClauseToken[], i: number): boolean {
  const prev = tokens[i - 1]?.lower ?? '';
  if (!beforeWelcome.has(prev) && !prev.endsWith("'re") && !prev.endsWith("'s")) return false;
  return tokens[i + 1] !== undefined && (tokens[i]?.after ?? '') === '';
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
  let start = 0;
  const aboutPrice = tokens.some((t) => (cueBits(t, memo) & cue.price) !== 0);
  let subordinate = false;
  let only = false;
  tokens.forEach((t, i) => {
    const bits = cueBits(t, memo);
    const w = t.lower;
    // A subordinate clause after the main one ("…unless a vet tells you to", "…because it isn't in
    // stock") is a condition or a reason: the clause asserts what its main clause says.
    if (subordinate || (i > start && ((bits & cue.subordinator) !== 0 || givesReason(tokens, i)))) {
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
    // Most words are in none of the lists below.
    if ((bits & cue.polar) === 0) return;
    // "no later than", "no more than": a bound on a value, not a negation; "no longer" is one.
    // "No. 63/418,227" abbreviates "number": no negation.
    const bound =
      w === 'no' &&
      ((comparatives.has(next ?? '') && tokens[i + 2]?.lower === 'than') || (t.upper && t.after === '.' && startsWithDigit(tokens[i + 1])));
    if (w === 'free') {
      // "free to leave" permits; "is free", "free of charge" mean no charge.
      if (next === 'to') pos = true;
      else {
        if (!free) negs++;
        free = true;
      }
      return;
    }
    // "at no charge", "no extra cost", "without any fee": the price sense of "free".
    // Each wording of it in one clause says it again ("covered by our insurance at no extra cost"):
    // the price sense counts once, where two negations would cancel.
    if ((w === 'no' || w === 'without') && !bound && chargeFollows(tokens, i)) {
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
      // "block" names a thing ("a transaction block", "the next block") unless a verb stands there.
      if (w === 'block' && i > start && !verbTakers.has(tokens[i - 1]?.lower ?? '')) return;
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
      // A "-free" compound before its noun ("the nut-free bakery") or beside a negation of another
      // word ("…is nut-free but doesn't open on Sundays") names a thing, not the claim; alone, or
      // denied right before it ("isn't nut-free"), it is the clause's predicate.
      if (freeCompoundNoun(w) !== undefined && (attributive(tokens, i) || deniesAnother(tokens, i))) return;
      // "won't", "can't", "don't need": the negation; "can't"/"cannot" also carry possibility.
      negs++;
      // "can't start without it": a permission denied but for something is a need of it.
      if (w === 'without' && granted && !lifted) deniedWithout = true;
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
      negs++;
      return;
    }
    if ((bits & cue.necessity) !== 0) {
      const counts =
        !(w === 'have' || w === 'has' || w === 'had' || w === 'needs' || w === 'need' || w === 'needed') ||
        next === 'to' ||
        ((w === 'need' || w === 'needs') && next !== undefined);
      if (!counts) return;
      // "a must" names a necessity as "a requirement" does: "not a must" lifts it.
      const named = w === 'must' && tokens[i - 1]?.lower === 'a';
      let j = named ? i - 2 : i - 1;
      while (j >= 0 && between.has(tokens[j]?.lower ?? '')) j--;
      if ((liftable.has(w) || named) && j >= 0 && (isNegationWord(tokens[j]?.lower ?? '') || deniedSubject(tokens, j))) {
        pos = true;
        lifted = true;
      } else {
        nec = true;
        stated = true;
      }
      return;
    }
    if ((bits & cue.possibility) !== 0 && (w !== 'able' || tokens[i - 1]?.lower !== 'un')) {
      pos = true;
      if (deontic.has(w)) granted = true;
    }
  });
  // "The examiner can't begin without it" says "the examiner needs it to begin".
  if (deniedWithout && negs % 2 === 0) {
    nec = true;
    stated = true;
    pos = false;
  }
  // A permission restricted by "only" ("allowed only in the rings", "can only pay by card") is a
  // rule as much as a permission: it takes no side on the scale.
  const modality = nec && !pos ? 'necessity' : pos && !nec ? (only ? null : 'possibility') : advised && !nec && !pos ? 'advice' : null;
  // A permission denied is a prohibition: "can't", "isn't allowed", "nobody can" say what "must not"
  // does (a lifted necessity, "don't need to", stays a permission; "may not" is as often a likelihood).
  const forbids = negs % 2 === 1 && granted && !lifted && modality === 'possibility';
  return {
    negated: negs % 2 === 1,
    ...(free ? { free } : {}),
    modality,
    ...(modality === 'necessity' && !stated ? { request: true } : {}),
    ...(forbids ? { forbids } : {}),
  };
}
