import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { baselineStating } from '../claims/states-claim.js';
import { align } from '../clauses/clause-alignment.js';
import { defineCue } from '../clauses/clause-cues.js';
import { defineTrait } from '../clauses/clause-traits.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { defaultFactDiffOptions } from '../fact-diff-options.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { pricePole } from '../polarity/price-pole.js';
import { declareRule } from '../rule-precondition.js';
import { measureUnits, secondsPer } from '../values/unit-words.js';
import { joinedToAffirmed } from './coordinated-item.js';

// What the original denies, extended to it in a reworded answer: "We don't tune electronic organs" →
// "We look after pipe and electronic organs alike", "Rush isn't available for metallic banners" →
// "Rush covers every banner finish", "We can't repair moulded soles" → "moulded soles are fine too".
// An additive or universal word ("too", "also", "as well", "alike", "both", "every", "all") asserts
// that the predicate holds of the thing as of others: where the original's negation governs that
// thing, the candidate has turned the exception into a case of the rule. The reworded clause shares
// too few words with the original's for the clause rules to pair them; the thing it is about (a word
// the original uses in its negated clause only, after the negation) pairs them instead.

/** Whether a token joins a list ("and", "or"). */
const listing = (k: ClauseToken): boolean => k.lower === 'and' || k.lower === 'or';

/** A money amount ("£3", "$20"). */
const amountWord = /^[$€£¥]\d|^\d[\d,.]*[$€£¥]$/;

/** Determiners that extend a predicate to all of a kind, before the noun they quantify ("every banner finish", "both pipe and electronic organs"). */
const universals = new Set(['every', 'all', 'both']);
/** Adverbs that extend a predicate to one more thing ("we also tune…", "…alike"; "too" and "as well" below). */
const additives = new Set(['also', 'alike']);
/** Auxiliaries after "so" that say the last predicate again of another subject ("and so is dinner", "so does the shuttle"). */
const elliptic = new Set(['is', 'are', 'was', 'were', 'does', 'do', 'did', 'can', 'will', 'has', 'have']);
/** Any word that may extend ("too", "well" of "as well", "so" of "so is" included): most clauses have none and are not read further. */
const extending = new Set([...universals, ...additives, 'too', 'well', 'so']);
/** A clause holding a word that may extend, or "and" / "or" (a list may join a thing to one affirmed). */
const extendsCue = defineCue('may extend', (w) => extending.has(w) || w === 'and' || w === 'or');
/** A clause whose negation denies something ({@link denied}): negated, no lifted necessity, no condition. */
const deniesTrait = defineTrait('denies', (c) => c.polarity.negated && c.polarity.modality !== 'necessity' && !c.condition);

/**
 * {@link deniedExtended}'s precondition (rule-precondition.ts): a clause of the original denies
 * something, and a clause of the candidate holds a word that may extend it or a list.
 */
export const deniedExtendedRule = declareRule(
  'denied extended',
  'answers',
  [{ original: { traits: deniesTrait }, candidate: { cues: extendsCue } }],
  (input) => deniedExtended(input.original, input.candidate, input.baselines, defaultFactDiffOptions).length > 0,
);
/** Words of the complement ("all other tests"), never the thing denied. */
const others = new Set(['other', 'others', 'another', 'else']);
/** How many words a universal may stand before the word it quantifies ("both pipe and electronic organs"). */
const reach = 4;

/**
 * Whether the clause's tokens extend its predicate to the word at `at`: a universal (where `universal`) right before it
 * in its phrase (no punctuation between, not "all other", which is the complement), "so" before an
 * auxiliary ("and so is dinner"), or an additive adverb anywhere — "too" only closing the clause or a phrase ("too young" is a degree, not an
 * addition), "as well" not "as well as" (which lists). Not where the clause restricts ("only").
 */
function extendsTo(t: readonly ClauseToken[], at: number, universal: boolean): boolean {
  if (t.some((k) => k.lower === 'only')) return false;
  for (let i = at - 1; universal && i >= 0 && i >= at - reach; i--) {
    const k = t[i];
    if (k === undefined || (k.after ?? '') !== '') break;
    if (universals.has(k.lower) && !others.has(t[i + 1]?.lower ?? '')) return true;
  }
  return t.some((k, i) => {
    if (additives.has(k.lower)) return true;
    // "…, and so is dinner": the predicate before, said again of what follows.
    if (k.lower === 'so' && elliptic.has(t[i + 1]?.lower ?? '')) return true;
    if (k.lower === 'too') return i === t.length - 1 || (k.after ?? '') !== '';
    return k.lower === 'as' && t[i + 1]?.lower === 'well' && t[i + 2]?.lower !== 'as';
  });
}

/** A unit of time or measure, singular or plural ("months", "hour"): what bounds a value, not a thing denied. */
const isUnit = (w: string): boolean =>
  secondsPer[w] !== undefined || measureUnits[w] !== undefined || (w.endsWith('s') && secondsPer[w.slice(0, -1)] !== undefined);

/** A claim: not a condition, not about the conversation. */
const claim = (c: ClauseFacts): boolean => !c.condition && !c.framing;

/** Words that open another predication after a comma ("…aren't allowed, and everyone must wear…"). */
const openers = new Set(['and', 'but', 'so', 'or', 'while', 'which', 'who', 'since', 'because', 'as', 'although', 'though', 'whereas']);

/** The content words a negation of a clause governs: its predicate's, and its subject's. */
interface Denied {
  /** After the cue, up to a predication joined after a comma or a stop inside the clause (";", ":", a dash). */
  readonly predicate: Set<string>;
  /** Before the cue, back to the clause's opening or a comma: what the predicate is denied of ("Parking is not included"). */
  readonly subject: Set<string>;
}

/**
 * What a negation of clause `x` governs ({@link Denied}), from its first negation cue. A lifted
 * necessity ("don't need to") grants a permission rather than denying, so it governs nothing here.
 */
function denied(x: ClauseFacts): Denied {
  const out = { predicate: new Set<string>(), subject: new Set<string>() };
  if (!x.polarity.negated || x.polarity.modality === 'necessity') return out;
  const t = x.tokens;
  // "free" in its price sense denies a charge ("Racket hire is free for members"): its cue where no other negates.
  const negator = t.findIndex((k) => isNegationCue(k.lower));
  const cue = negator < 0 && x.polarity.free === true ? t.findIndex((k) => k.lower === 'free') : negator;
  if (cue < 0) return out;
  for (let i = cue - 1; i >= 0 && (t[i]?.after ?? '') === ''; i--) for (const w of contentWords(t[i]?.core ?? '')) out.subject.add(w);
  for (let i = cue + 1; i < t.length; i++) {
    const k = t[i] as ClauseToken;
    const before = t[i - 1]?.after ?? '';
    if (/[;:—–-]/.test(before) || (before.includes(',') && openers.has(k.lower))) break;
    for (const w of contentWords(k.core)) out.predicate.add(w);
  }
  return out;
}

/**
 * The word of predication `t` of candidate clause `c` that an extending word reaches and a negated clause `x` of the
 * original governs (its predicate's, or its subject's with an additive word only): 4+ letters, no
 * digit, no unit of measure or time ("more than a few days" bounds a value), said by `x` only among the original's clauses and by no other negated clause of the candidate (it
 * keeps the exception); and `x` does not use an extending word itself (then its negation is of
 * something else than the extension).
 */
function deniedHere(
  c: ClauseFacts,
  t: readonly ClauseToken[],
  ours: readonly ClauseFacts[],
  denials: readonly { readonly x: ClauseFacts; readonly d: Denied }[],
  theirs: readonly ClauseFacts[],
): { word: string; x: ClauseFacts } | undefined {
  for (let i = 0; i < t.length; i++) {
    const tok = t[i] as ClauseToken;
    if (others.has(tok.lower) || isUnit(tok.lower) || /\d/.test(t[i - 1]?.lower ?? '')) continue;
    for (const w of contentWords(tok.core)) {
      if (w.length < 4 || /\d/.test(w)) continue;
      for (const { x, d } of denials) {
        // A charge denied ("free for members") is extended only by a clause that charges ("£3 for everyone, members… alike").
        if (x.polarity.free === true && !t.some((k) => amountWord.test(k.core)) && pricePole(t) !== 'charged') continue;
        const ofPredicate = d.predicate.has(w);
        if ((!ofPredicate && !d.subject.has(w)) || ours.some((y) => y !== x && y.contentSet.has(w))) continue;
        if (theirs.some((y) => y !== c && y.polarity.negated && y.contentSet.has(w))) continue;
        // A subject quantified anew ("every player wears…") says another predicate of the whole class;
        // only an additive word extends the denied one to it ("Parking is included too").
        // …or a list joins it to a thing the original affirms ("Course books and the exam fee are included").
        const extended = extendsTo(t, i, ofPredicate) || (!t.some((k) => k.lower === 'only') && joinedToAffirmed(t, i, ours, x));
        if (!extended || x.tokens.some((k) => universals.has(k.lower) || additives.has(k.lower))) continue;
        return { word: w, x };
      }
    }
  }
  return undefined;
}

/**
 * The predications of a clause: its tokens cut where a comma is followed by a word that opens
 * another ("…by the final planting date, and that applies to … too").
 */
function predications(t: readonly ClauseToken[]): (readonly ClauseToken[])[] {
  const out: ClauseToken[][] = [[]];
  for (let i = 0; i < t.length; i++) {
    const k = t[i] as ClauseToken;
    if (i > 0 && (t[i - 1]?.after ?? '').includes(',') && openers.has(k.lower)) out.push([]);
    (out[out.length - 1] as ClauseToken[]).push(k);
  }
  return out;
}

/**
 * The candidate's clauses that affirm, with an extending word, what a negation of the original
 * governs ({@link deniedHere}); the clause has no negation cue at all. Noise where a baseline's clause
 * that says closely what the candidate's says affirms that word too. One difference per clause.
 */
export function deniedExtended(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  o: { readonly alignClause: number; readonly maxClauses: number },
): SentenceDifference[] {
  const ours = original.clauses.slice(0, o.maxClauses);
  const negatedClauses = ours.filter((x) => claim(x) && x.polarity.negated);
  if (negatedClauses.length === 0) return [];
  const theirs = candidate.clauses.slice(0, o.maxClauses);
  const out: SentenceDifference[] = [];
  // What each negated clause denies, read once and only when a clause of the candidate extends anything.
  let denials: { readonly x: ClauseFacts; readonly d: Denied }[] | undefined;
  for (const c of theirs) {
    if (!c.tokens.some((k) => extending.has(k.lower) || listing(k))) continue;
    if (!claim(c) || c.polarity.free === true) continue;
    // The predication that extends: no negation in it or after it (two that cancel, "free, and nobody
    // under 16…", are no affirmation); a predication before it, joined after a comma, says its own
    // ("Prevented planting pays…, and that applies to acreage left unplanted too").
    let found: { word: string; x: ClauseFacts } | undefined;
    const parts = predications(c.tokens);
    for (let j = 0; j < parts.length; j++) {
      const t = parts[j] as readonly ClauseToken[];
      // A predication after it draws on it ("…, so no separate licence is needed"): its negation counts.
      if (!t.some((k) => extending.has(k.lower) || listing(k)) || parts.slice(j).some((u) => u.some((k) => isNegationCue(k.lower))))
        continue;
      denials ??= negatedClauses.map((x) => ({ x, d: denied(x) }));
      found = deniedHere(c, t, ours, denials, theirs);
      if (found !== undefined) break;
    }
    if (found === undefined) continue;
    const { word, x } = found;
    // Production varies where a baseline's clause that says closely what the candidate's says affirms the word too.
    // …and states the candidate's claim (states-claim.ts).
    const by = baselineStating(
      c,
      baselines,
      candidate,
      o.maxClauses,
      (x, b) => x.contentSet.has(word) && !x.polarity.negated && closest(c, b, o) === x,
    );
    out.push({
      kind: 'polarity_flip',
      key: 'fact:polarity',
      severity: 'high',
      message: `${word}: "${clip(x.text)}" → "${clip(c.text)}"`,
      original: x.text,
      candidate: c.text,
      sentence: c.sentence,
      ...excusedBy('denied-extended', byBaseline('a close baseline clause affirms the word', by)),
    });
  }
  return out;
}

/** The clause of `b` closest to `c`, where it says it closely (at `alignClause`). */
function closest(c: ClauseFacts, b: FactSheet, o: { readonly alignClause: number; readonly maxClauses: number }): ClauseFacts | undefined {
  const a = align(c, b, o.maxClauses);
  return a !== undefined && a.score >= o.alignClause ? a.clause : undefined;
}
