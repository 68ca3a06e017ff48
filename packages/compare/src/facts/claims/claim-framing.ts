import { memoSlots, wordNumber } from '../../text/word-ids.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import { type ClauseToken, splitClauses } from '../clauses/split-clauses.js';
import { offersConvenience } from './reader-convenience.js';
import { courtesyFrame } from './reader-courtesy.js';

// Conversational framing: thanks, offers of help, questions back. Not a claim about the world.
const framing = new Set(
  'help hope glad happy welcome thank thanks reach hesitate anything else assist know great certainly absolutely course pleasure wonderful question ask feel free further additional let information detail more'.split(
    ' ',
  ),
);

// Expressive openings (an apology, thanks, a wish): the clause is about the conversation.
const courtesy = new Set([
  'sorry',
  'thanks',
  'thank',
  'apologies',
  'welcome',
  'enjoy',
  'congratulations',
  'glad',
  'happy',
  'unfortunately',
]);

// Verbs of looking something up: what an assistant announces it will do before a tool call.
const lookups = new Set(
  'check checking look looking search searching find finding pull pulling see verify verifying fetch fetching locate locating query querying'.split(
    ' ',
  ),
);
// Words that may open such an announcement and say nothing ("Sure, I'll check…", "Okay, let me look…").
const interjections = new Set(['sure', 'okay', 'ok', 'alright', 'right', 'great', 'certainly', 'absolutely']);
const moments = new Set(['moment', 'sec', 'second', 'minute', 'mo']);

/**
 * Whether a clause announces the assistant's own next step of looking something up ("Let me
 * check…", "I'll look up…", "One moment while I search…", "Give me a second to find…", "Checking
 * which…"): a tool call's preamble. What it names is what it will look for, not a claim.
 */
export function isPreamble(c: { readonly tokens: readonly ClauseToken[] }): boolean {
  const t = c.tokens;
  let i = 0;
  while (i < t.length && interjections.has(t[i]?.lower ?? '')) i++;
  const w0 = t[i]?.lower ?? '';
  const w1 = t[i + 1]?.lower ?? '';
  const announces =
    (w0 === 'let' && w1 === 'me') ||
    (w0 === 'give' && w1 === 'me') ||
    w0 === "i'll" ||
    w0 === "i'm" ||
    (w0 === 'i' && (w1 === 'will' || w1 === 'am' || w1 === 'shall')) ||
    ((w0 === 'one' || w0 === 'just' || w0 === 'a') && moments.has(w1)) ||
    (w0.endsWith('ing') && lookups.has(w0) && !gerundSubject(t, i + 1));
  if (!announces) return false;
  // The lookup verb comes within a few words ("I'll quickly check", "One moment while I look up").
  for (let k = i; k < t.length && k < i + 7; k++) if (lookups.has(t[k]?.lower ?? '')) return true;
  return false;
}

// Finite verbs and auxiliaries: after a gerund's object, the predicate that makes the gerund its subject.
const finite = new Set(
  "is isn't are aren't was wasn't will won't can can't cannot does doesn't do don't may might should takes costs means counts".split(' '),
);
// Words that open what a lookup looks for ("Checking which locksmiths are free"): its verbs are the question's.
const questions = new Set(['which', 'what', 'whether', 'if', 'who', 'where', 'when', 'how', 'that', 'for']);

/**
 * Whether a clause opened by a verb of looking up in "-ing" uses it as its subject ("Checking your
 * rate won't affect your score", "Checking in is available from 3pm"): a finite verb follows before
 * any word that opens what is looked for.
 */
function gerundSubject(t: readonly ClauseToken[], from: number): boolean {
  for (let k = from; k < t.length; k++) {
    const w = t[k]?.lower ?? '';
    if (questions.has(w)) return false;
    if (finite.has(w)) return true;
  }
  return false;
}

// Past this length a turn says more than that it is about to look something up.
const maxPreambleChars = 280;

/**
 * Whether a whole answer only announces a lookup ("Sure, let me check that for you."): a tool
 * call's preamble turn, whose wording says nothing another such turn must match. Short answers
 * only; every clause is an announcement or a word of courtesy ("Thanks!").
 */
export function onlyAnnounces(text: string): boolean {
  if (text.length > maxPreambleChars) return false;
  const clauses = splitClauses(text);
  return (
    clauses.some((c) => isPreamble(c)) &&
    clauses.every(
      (c) => isPreamble(c) || (c.tokens.length <= 3 && c.tokens.every((t) => interjections.has(t.lower) || courtesy.has(t.lower))),
    )
  );
}

// The vocabulary of a service's regard for its customer ("we appreciate your patience", "our team
// is always here to help", "committed to a great experience"): sign-off filler, not a policy.
// Content forms (stems), as ClauseFacts.content holds them.
const regard = new Set(
  'appreciat patienc committ commit custom experienc valu busi team note care priority satisfaction loyalty tru understand'.split(' '),
);

const framingWord = 1;
const regardWord = 2;

/** Whether a content word is one of {@link framing} or {@link regard} (remembered per word of the current table). */
function framingKind(id: number | undefined, w: string): number {
  return wordNumber(id, w, memoSlots.framingWord, kindOf);
}

function kindOf(w: string): number {
  return framing.has(w) ? framingWord : regard.has(w) ? regardWord : 0;
}

/** Whether a clause is about the conversation (thanks, offers of help, apologies, a tool call's preamble), not a claim about the world. */
export function isFraming(c: ClauseFacts): boolean {
  // Courtesy addressed to the reader ("feel free to…", "happy to…", a question back): what it
  // offers decides, whatever its first word.
  const courteous = courtesyFrame(c);
  if (courteous !== undefined) return courteous;
  if (courtesy.has(c.tokens[0]?.lower ?? '') && c.values.length === 0) return true;
  // "…and we'll find a time that suits you": an offer to fit the reader (reader-convenience.ts).
  if (c.values.length === 0 && offersConvenience(c.tokens)) return true;
  if (isPreamble(c)) return true;
  let framed = 0;
  let regarded = 0;
  // Past half of the words neither framing nor regard, neither test below can hold: stop there.
  let other = 0;
  const n = c.content.length;
  for (let k = 0; k < n; k++) {
    const kind = framingKind(c.contentIds[k], c.content[k] as string);
    if (kind === framingWord) framed++;
    else if (kind === regardWord) regarded++;
    else if (++other * 2 > n) return false;
  }
  if (framed * 2 >= c.content.length) return true;
  // Words of regard frame a clause that states nothing: no value, no price ("we value your loyalty
  // with a free upgrade" offers something).
  return regarded > 0 && (framed + regarded) * 2 >= c.content.length && c.values.length === 0 && c.polarity.free !== true;
}
