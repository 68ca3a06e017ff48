import { defineCue } from '../clauses/clause-cues.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNumberWord } from '../values/number-words.js';
import { frequencies } from './frequency-words.js';

// A claim stated for every case, said again for most cases only: "we'll fix it for free" → "we'll
// usually fix it free of charge", "your car is brought back" → "your car will usually be brought
// back", "Repairs carry a 90-day warranty" → "Most repairs carry…". No likelihood word ("may") is
// added; a word of frequency or a quantity short of all is, and the promise no longer holds each time.

/** Two-word phrases of frequency, by their second word: the first word it must follow ("di norma", "in der Regel", "por lo general"). */
const phrases: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['norma', new Set(['di'])],
  ['solito', new Set(['di'])],
  ['regel', new Set(['der', 'de', 'som', 'i'])],
  ['général', new Set(['en'])],
  ['habitude', new Set(["d'"])],
  ['general', new Set(['lo', 'geral'])],
  ['geral', new Set(['em', 'regra'])],
  ['menudo', new Set(['a'])],
  ['veces', new Set(['a'])],
  ['vezes', new Set(['às'])],
  ['φορές', new Set(['μερικές'])],
  ['obicei', new Set(['de'])],
  ['regulă', new Set(['de'])],
]);

/** Whether token `i` is the second word of a phrase of {@link phrases} after its first word. */
const phraseAt = (tokens: readonly ClauseToken[], i: number): boolean =>
  i > 0 && phrases.get(tokens[i]?.lower ?? '')?.has(tokens[i - 1]?.lower ?? '') === true;
/** The {@link frequencies}, the second words of {@link phrases} and "most" as a cue (clause-cues.ts): a clause without it has no token {@link hedgesByFrequency} holds for. */
export const frequencyCue = defineCue('frequency', (w) => frequencies.has(w) || phrases.has(w) || w === 'most');

// Words before "often" that make it a measure of how often, not a hedge: "as often as every 5 minutes", "more often than".
const degree = new Set(['as', 'more', 'less', 'how', 'so', 'too', 'very']);

/**
 * Whether token `i` hedges a claim by frequency: an adverb of {@link frequencies} ("usually",
 * "typically"), or "most" as the quantity of the clause's subject or cases ("Most repairs carry…",
 * "in most cases"). Not an opening aside set off by a comma ("Typically, requests take 3 to 5
 * days" hedges the answer's tone, as "generally speaking" does), not "most" further on, where it is
 * a superlative, a bound or an object's share ("the most popular", "at most two", "suit most couples").
 */
export function hedgesByFrequency(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  const next = tokens[i + 1]?.lower;
  if (frequencies.has(t.lower)) return next !== 'speaking' && !(i === 0 && t.after === ',') && !degree.has(tokens[i - 1]?.lower ?? '');
  if (phrases.has(t.lower)) return phraseAt(tokens, i) && !(i === 1 && t.after === ',');
  if (t.lower !== 'most') return false;
  return (i === 0 || (i === 1 && tokens[0]?.lower === 'in')) && next !== 'of';
}

/**
 * Whether any word of a clause is a word of frequency or "most", wherever it stands: what a clause
 * must lack to be read as stating its claim for every case ("free with most insurance plans" does not).
 */
export function saysFrequency(tokens: readonly ClauseToken[]): boolean {
  return tokens.some((t, i) => frequencies.has(t.lower) || t.lower === 'most' || phraseAt(tokens, i));
}

/** Words that give a figure or an extent as rounded, near or expected: a clause with one already hedges what it states. */
const approximations = new Set(['about', 'around', 'roughly', 'approximately', 'approx', 'nearly', 'almost', 'up', 'expect', 'expected']);

const figure = (t: ClauseToken | undefined): boolean => t !== undefined && (/^\p{N}/u.test(t.core) || isNumberWord(t.lower));

/**
 * Whether a clause rounds what it states ("about 45 minutes", "up to a year", "expect results…") or
 * gives it as a range ("two to three days", "2-4 days"): not an absolute claim to hedge.
 */
export function approximates(tokens: readonly ClauseToken[]): boolean {
  return tokens.some((t, i) => {
    if (approximations.has(t.lower)) return t.lower !== 'up' || tokens[i + 1]?.lower === 'to';
    if (/^\p{N}+(?:[.,]\p{N}+)?\s*[-–]\s*\p{N}/u.test(t.core)) return true;
    return (t.lower === 'to' || t.lower === 'or') && figure(tokens[i - 1]) && figure(tokens[i + 1]);
  });
}
