import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { advice } from '../polarity/polarity-words.js';
import type { NearCopy, SentenceEdit } from '../sentences/sentence-edits.js';

// An answer that repeats production's word for word and adds one thing: a sentence ("After landing,
// the crew serves a champagne breakfast in the field.") or a clause at the end of a kept sentence
// ("…, and you keep the arrows you shot with"). A longer answer that elaborates rewords as it adds;
// where nothing else moved, the addition is all the candidate changed, and a new claim when it
// names things no production answer names.

/** How many content words of the addition no production answer uses. */
const minFresh = 2;
// Openings of an explanation or an aside rather than a claim ("so you can…", "since…", "which…").
const asides = new Set(['so', 'since', 'because', 'as', 'which', 'who', 'that', 'if', 'unless', 'when', 'although', 'though']);

// Openings of a condition, in English, French, Spanish, German, Italian and Portuguese ("if", "si",
// "wenn", "se"…): added to a kept claim, it narrows what production grants without it.
const conditions = new Set(['if', 'unless', 'provided', 'providing', 'si', 'sauf', 'salvo', 'wenn', 'falls', 'sofern', 'se', 'caso']);

// Words of a generalization: how things tend to go, not what the service does.
const general = new Set(['usually', 'often', 'typically', 'generally', 'sometimes', 'most', 'some', 'many', 'worth']);

/** Whether a word advises or generalizes: a word of advice, "a good / smart / wise idea", or a word of {@link general}. */
function advising(w: string, prev: string | undefined): boolean {
  return advice.has(w) || general.has(w) || (w === 'idea' && (prev === 'good' || prev === 'smart' || prev === 'wise'));
}

// Each sheet's sentence texts, read once (a sheet is compared with several others: baselines, candidates).
const texts = new WeakMap<FactSheet, { readonly max: number; readonly bySentence: Map<number, string> }>();

/**
 * How many sentences a sheet's first `max` clauses are in: the size of {@link sentenceTexts}, told
 * without joining their words (most pairs of answers differ in it, and then no text is compared).
 */
export function sentenceCount(sheet: FactSheet, max: number): number {
  const known = counts.get(sheet);
  if (known !== undefined && known.max === max) return known.count;
  const seen = new Set<number>();
  const n = Math.min(sheet.clauses.length, max);
  for (let i = 0; i < n; i++) seen.add((sheet.clauses[i] as ClauseFacts).sentence);
  counts.set(sheet, { max, count: seen.size });
  return seen.size;
}
// Each sheet's sentence count, read once (asked of every candidate clause that may be a new claim).
const counts = new WeakMap<FactSheet, { readonly max: number; readonly count: number }>();

/** The lower-cased words of each sentence of a sheet's first `max` clauses, joined (memoized per sheet). */
export function sentenceTexts(sheet: FactSheet, max: number): Map<number, string> {
  const known = texts.get(sheet);
  if (known !== undefined && known.max === max) return known.bySentence;
  const out = new Map<number, string>();
  texts.set(sheet, { max, bySentence: out });
  const n = Math.min(sheet.clauses.length, max);
  for (let i = 0; i < n; i++) {
    const c = sheet.clauses[i] as ClauseFacts;
    const words = c.tokens.map((t) => t.lower).join(' ');
    const s = out.get(c.sentence);
    out.set(c.sentence, s === undefined ? words : `${s} ${words}`);
  }
  return out;
}

/**
 * Whether the candidate keeps every sentence of the original word for word but `sentence` (its own
 * index), which is new (`added`) or an original sentence edited (`!added`: exactly one original
 * sentence is then missing).
 */
export function onlyChanged(original: FactSheet, candidate: FactSheet, sentence: number, added: boolean, max: number): boolean {
  if (sentenceCount(candidate, max) !== sentenceCount(original, max) + (added ? 1 : 0)) return false;
  const ours = sentenceTexts(original, max);
  const theirs = sentenceTexts(candidate, max);
  const kept = new Set(ours.values());
  for (const [k, s] of theirs) if (k !== sentence && !kept.has(s)) return false;
  const said = new Set(theirs.values());
  let missing = 0;
  for (const s of ours.values()) if (!said.has(s)) missing++;
  return missing === (added ? 0 : 1);
}

/**
 * How many content words of `tokens` no production answer uses, but names (a capitalized word after
 * the first: who greets, or another place, is the entity rules' to compare and how production varies).
 */
function fresh(tokens: readonly ClauseToken[], production: readonly FactSheet[]): number {
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    if (i > 0 && /^\p{Lu}/u.test(t.core)) return;
    for (const w of contentWords(t.core)) if (!/\d/.test(w) && !production.some((s) => s.vocabulary.has(w))) seen.add(w);
  });
  return seen.size;
}

// The speaker as subject: what the assistant did, looked at or will do, and its courtesies, are the
// promise and framing rules' to judge ("I've checked the tracking", "We look forward to…").
const speaker = new Set("i i'm i've i'll i'd we we're we've we'll we'd let".split(' '));
// The reader as subject of a state or a feeling ("you're all set", "you will love it"), not of what
// the service lets them do ("you can…", "you keep…").
const readerState = new Set(["you're", "you'll", "you've", "you'd"]);
const stateVerbs = new Set(['are', 'will', 'would', 'should', 'might', "'re", "'ll"]);

/** Whether one of a clause's first words makes the speaker, or the reader's state, its subject. */
function aboutSpeakerOrReader(t: readonly ClauseToken[]): boolean {
  for (let i = 0; i < Math.min(3, t.length); i++) {
    const w = t[i]?.lower ?? '';
    if (speaker.has(w) || readerState.has(w) || (w === 'you' && stateVerbs.has(t[i + 1]?.lower ?? ''))) return !undertakes(t, i);
  }
  return false;
}

// The service ("we") or the reader ("you'll") with a modal before an action: what the service
// undertakes or lets the reader do ("We can post your pieces to you", "You'll also make a glass to
// take home") is a claim about the world, where a feeling, a meeting, help, talk or being is the
// conversation's ("We can't wait to see you", "You'll love it", "We'll be happy to help").
const modals = new Set(['can', 'could', 'will', 'shall']);
const withModal = new Set(["we'll", 'we’ll', "you'll", 'you’ll']);
const adverbs = new Set(['also', 'then', 'even', 'still', 'now', 'happily', 'gladly', 'always', 'usually', 'just']);
const conversing = new Set(
  'be have love like enjoy see meet welcome help assist answer wait look hope talk chat discuss know feel let get keep send'.split(' '),
);

/** Whether the subject at `i` ("we", "we'll", "you'll") is followed by a modal and a verb of action, no negation between. */
function undertakes(t: readonly ClauseToken[], i: number): boolean {
  const w = t[i]?.lower ?? '';
  let j = i + 1;
  if (withModal.has(w)) {
    // "we'll" / "you'll" carry their modal
  } else if (w === 'we' && modals.has(t[j]?.lower ?? '')) j++;
  else return false;
  while (adverbs.has(t[j]?.lower ?? '')) j++;
  const verb = t[j]?.lower ?? '';
  return /^\p{L}+$/u.test(verb) && !conversing.has(verb) && !advice.has(verb);
}

// "It's a…", "That's a…": the answer's own word on what it just said ("It's a really fun way to get
// started", "That's a lovely present idea"), a category or a judgement of it, not a new thing of the world.
const anaphoricCopula = new Set(["it's", 'it’s', "that's", 'that’s']);

/** Whether a clause opens by putting what was just said in a category or judging it ("It's a great way to…"). */
function comments(t: readonly ClauseToken[]): boolean {
  const w = t[0]?.lower ?? '';
  const copula = anaphoricCopula.has(w) ? 1 : (w === 'it' || w === 'that' || w === 'this') && t[1]?.lower === 'is' ? 2 : 0;
  const article = t[copula]?.lower;
  return copula > 0 && (article === 'a' || article === 'an');
}

/**
 * Whether a clause may be a new claim by its words: not about the speaker or the reader's state, no
 * advice, no aside's opening, and {@link minFresh} words production never uses.
 */
export function namesNewThings(c: ClauseFacts, production: readonly FactSheet[]): boolean {
  // Advice or a generalization added to an answer ("Booking a few days ahead is a good idea", "Most
  // people find…", "it usually takes…") commits the service to nothing.
  if (c.polarity.modality === 'advice' || c.tokens.some((t, i) => advising(t.lower, c.tokens[i - 1]?.lower))) return false;
  const first = c.tokens[0]?.lower ?? '';
  return !asides.has(first) && !aboutSpeakerOrReader(c.tokens) && !comments(c.tokens) && fresh(c.tokens, production) >= minFresh;
}

/**
 * The edit of a kept sentence that adds a clause at its end ("…, and you keep the arrows you shot
 * with"), if it is the sentence's one edit and the sentence all the candidate changed ({@link
 * onlyChanged}): words added after its last kept word, opening with "and" / "plus", after a comma,
 * opening a clause of its own (after a semicolon or a dash) or opening a condition ({@link
 * conditions}), naming {@link minFresh} things production never names.
 */
export function addedTail(
  copy: NearCopy,
  original: FactSheet,
  candidate: FactSheet,
  production: readonly FactSheet[],
  max: number,
): SentenceEdit | undefined {
  const e = copy.edits.length === 1 ? copy.edits[0] : undefined;
  if (e === undefined || e.from.length > 0 || e.after !== undefined || e.to.length < 3) return undefined;
  const first = e.to[0]?.lower ?? '';
  // A condition ("…€15 if you book online", "…si reservas en línea") narrows the kept claim: no comma needed.
  const narrows = conditions.has(first);
  // After a comma, or opening a clause of the sentence (a semicolon's or a dash's, which the clause split takes).
  const opensClause = candidate.clauses.some((c) => c.sentence === copy.sentence && c.tokens[0] === e.to[0]);
  const joined = first === 'and' || first === 'plus' || (e.before?.after ?? '').includes(',') || opensClause;
  if (!narrows && (asides.has(first) || !joined)) return undefined;
  if (aboutSpeakerOrReader(first === 'and' || first === 'plus' ? e.to.slice(1) : e.to)) return undefined;
  return fresh(e.to, production) >= minFresh && onlyChanged(original, candidate, copy.sentence, false, max) ? e : undefined;
}
