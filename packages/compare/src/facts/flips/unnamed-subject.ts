import { sameWord } from '../../text/word-forms.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { cue, cueBits } from '../polarity/polarity-words.js';
import { directionDiffers } from './direction-differs.js';
import { negatedAgainst, polarityDiffers } from './polarity-agreement.js';
import { prefixAntonym, reworded } from './polarity-evidence.js';

// A reworded clause pair is compared by what each asserts, not by the words they happen to share:
// the negation (or the "free") that sets two clauses apart denies something of what its own
// predication is about. Where that predication names its subject and the other clause names none of
// it, the two do not assert about the same thing, and their polarity is no flip: "cards bought before
// March expire after 24 months, newer ones never expire" against "expires after 24 months" (the
// newer cards), "…for $45 a day, delivered free within 15 miles" against "Price: $45 per day" (the
// delivery). A predication with no subject of its own ("we don't…", "there's no…", "not included")
// is about what its clause is about, and is left to the flip.

// Cue bits of the words that deny or say "free" (not the modals).
const denying = cue.denier | cue.contracted | cue.negation | cue.prefixed | cue.payer | cue.free;
// Words that open a predication of its own: after them a new subject may stand.
const joins = new Set(['and', 'but', 'so', 'while', 'whereas', 'which', 'because', 'or', 'then', 'though']);
const dashes = new Set(['-', '–', '—']);

/** Whether a token ends a predication: a comma, semicolon, colon or bracket after it, or a dash. */
function ends(t: ClauseToken | undefined): boolean {
  if (t === undefined) return false;
  if (dashes.has(t.lower)) return true;
  const after = t.after ?? '';
  return after.includes(',') || after.includes(';') || after.includes(':') || after.includes('(') || after.includes(')');
}

// Words that end a subject: the auxiliaries and modals a predicate opens with.
const auxiliaries = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'am',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);
const contracted = /'(s|re|ll|ve|d|m)$/;

/**
 * The subject of the predication holding the token at `at`: the content words from the start of
 * that predication up to its first auxiliary or modal (a contracted one, "we'll", "it's", included),
 * or up to the token itself where that is a verb's negation; none where that predication opens the
 * clause or shows no predicate.
 */
function predicationOf(tokens: readonly ClauseToken[], at: number): { before: string[]; subject: string[] } {
  let start = at;
  while (start > 0) {
    const prev = tokens[start - 1] as ClauseToken;
    if (ends(prev) || joins.has(prev.lower)) break;
    start--;
  }
  // The clause's first predication is what the clause asserts: its subject may be reworded ("Alterations
  // aren't possible" / "We'll take in or let out the kilt"). Only one joined to it is read here.
  if (start === 0) return { before: [], subject: [] };
  let end = start;
  while (end < at && !auxiliaries.has(tokens[end]?.lower ?? '') && !contracted.test(tokens[end]?.lower ?? '')) end++;
  // A subject is read only where a predicate visibly starts after it: an auxiliary or modal, a verb's
  // negation ("newer ones never expire", "booking isn't needed"), or "free" after a participle
  // ("delivered free"). Without one ("…and includes all gear except fins", "…, accidents none") the
  // words before the negation may be the predicate itself, or an elided one.
  if (end === at && !verbNegation(tokens, at)) return { before: [], subject: [] };
  const words = (from: number, to: number): string[] => [
    ...contentWords(
      tokens
        .slice(from, to)
        .map((t) => t.core)
        .join(' '),
    ),
  ];
  return { before: words(0, start), subject: words(start, end) };
}

function verbNegation(tokens: readonly ClauseToken[], at: number): boolean {
  const w = tokens[at]?.lower ?? '';
  if (w === 'not' || w === 'never' || w.endsWith("n't")) return true;
  return w === 'free' && (tokens[at - 1]?.lower ?? '').endsWith('ed');
}

const named = (c: ClauseFacts, w: string): boolean => c.contentSet.has(w) || c.content.some((x) => sameWord(x, w));

/**
 * Whether two reworded clauses read as opposite differ by a negation whose predication, joined to an
 * earlier one the other clause speaks of, names a subject the other clause does not name (in any word
 * form): see above.
 */
export function deniesUnnamedSubject(a: ClauseFacts, b: ClauseFacts): boolean {
  if (!reworded(a, b)) return false;
  if (!polarityDiffers(a.polarity, a.tokens, b.polarity, b.tokens) || directionDiffers(a.tokens, b.tokens) || prefixAntonym(a, b))
    return false;
  const negated = negatedAgainst(a.polarity, b.tokens, b.polarity.free === true) ? a : b;
  const other = negated === a ? b : a;
  const at = negated.tokens.findIndex((t) => (cueBits(t, undefined) & denying) !== 0);
  if (at < 0) return false;
  const { before, subject } = predicationOf(negated.tokens, at);
  // The other clause pairs with what comes before ("Illnesses carry a 14-day wait, accidents none"
  // against "There's a 14-day wait for illnesses"), not with a lead-in ("For safety reasons, customers
  // are prohibited from watching" against "you're welcome to watch"), and names nothing of the subject.
  return subject.length > 0 && before.some((w) => named(other, w)) && !subject.some((w) => named(other, w));
}
