import { defineCue } from '../clauses/clause-cues.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isModalWord } from '../sentences/edit-modality.js';
import type { SentenceEdit } from '../sentences/sentence-edits.js';
import { englishFrequencies } from './frequency-words.js';

// A plain statement of what happens or will happen, softened by an edit to a possibility: "the
// deposit is refunded" → "may be refunded", "we'll send you an offer" → "we might send you an offer",
// "the rate is fixed until March" → "the rate could go up before March". The original promises an
// outcome; the candidate only says it can happen.

/** Modals that say an outcome is possible, not promised (as a likelihood: "can" is an ability or a permission). */
const likelihoods = new Set(['may', 'might', 'could']);
/** The {@link likelihoods} cue (clause-cues.ts): a clause without it has no token {@link hedgesOutcome} holds for. */
export const likelihoodCue = defineCue('likelihood', (w) => likelihoods.has(w));
/**
 * Verbs after which "might" / "may" / "could" suggest or offer rather than hedge an outcome ("you
 * might want to…", "could also…", "may prefer…").
 */
const suggestions = new Set(['want', 'like', 'wish', 'prefer', 'also', 'consider', 'try', 'choose', 'find', 'need']);
/** Subjects for whom "may" / "could" grants or suggests ("you may collect…", "I could check…"). */
const choosers = new Set(['you', 'i']);

/** The most words each side of the edit may have: a modal put in a kept sentence, with what it replaced. */
const maxWords = 6;

/**
 * Whether an edit of a kept sentence puts a likelihood ("may", "might", "could") where the original
 * stated the outcome plainly (no modal, no word of hedging or certainty, no negation on either side):
 * a promise made a possibility. Not where "may" / "could" has the reader (or the speaker) as its
 * subject — a permission or an offer ("you may collect…") — nor before a verb of wanting or trying
 * ("you might want to check").
 */
export function hedgesPlainClaim(e: SentenceEdit, negates: (side: readonly ClauseToken[]) => boolean): boolean {
  if (e.to.length === 0 || e.from.length > maxWords || e.to.length > maxWords) return false;
  // The hedge bears on kept words after it (their predicate); words only added are a modal put
  // before a kept verb ("which we may return"), not a clause of their own ("…; your insurance may…").
  if (e.after === undefined || (e.from.length === 0 && e.to.length > 2)) return false;
  if (negates(e.from) || negates(e.to)) return false;
  if (e.from.some((t) => isModalWord(t.lower))) return false;
  // The kept words around the edit stay plain too: "will usually" → "will usually might" is no promise softened.
  if ((e.before !== undefined && isModalWord(e.before.lower)) || (e.after !== undefined && isModalWord(e.after.lower))) return false;
  return e.to.some((t, i) => {
    if (!likelihoods.has(t.lower)) return false;
    // "May" written with its capital inside a sentence is the month ("is May 19 at").
    if (t.core === 'May' && (i > 0 || e.before !== undefined)) return false;
    const subject = (e.to[i - 1] ?? e.before)?.lower;
    const next = (e.to[i + 1] ?? e.after)?.lower ?? '';
    if (subject === undefined || suggestions.has(next)) return false;
    return t.lower === 'might' || !choosers.has(subject);
  });
}

/** Words of frequency that hedge a statement ("usually", "typically"): a clause with one states nothing plainly. */
export const hedgeWords: ReadonlySet<string> = new Set([...englishFrequencies, 'mostly', 'ideally']);

/**
 * Whether token `i` of a clause is a likelihood ("may", "might", "could") hedging an outcome: not the
 * month, not before a verb of wanting or trying ("might want to"), and with the reader or speaker as
 * subject only as "might" or before "be" ("you could be without heating", not "you may collect").
 */
export function hedgesOutcome(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  // Opening the clause it asks or offers ("Could you…", "May I…").
  if (t === undefined || i === 0 || !likelihoods.has(t.lower) || t.core === 'May') return false;
  const next = tokens[i + 1]?.lower ?? '';
  if (suggestions.has(next)) return false;
  return t.lower === 'might' || next === 'be' || !choosers.has(tokens[i - 1]?.lower ?? '');
}
