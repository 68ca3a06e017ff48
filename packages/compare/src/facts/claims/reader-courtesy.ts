import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { subordinators } from '../polarity/polarity-words.js';
import { namesPolicy } from './claim-assertion.js';
import { reassuranceEnd } from './reassurance.js';

// Words that may come before a courtesy frame: its subject and auxiliaries, adverbs, an opening
// interjection ("We're always more than happy to", "Please do feel free to", "Sure, I'd be glad to").
const lead = new Set(
  (
    "i i'm i'd i'll we we're we'd we'll you you're am are is be would will 'd always ever more than very so really " +
    'just also most truly certainly absolutely definitely of course please do and but sure ok okay'
  ).split(' '),
);
// Feelings a speaker offers help with ("happy to", "glad to") or a reader is offered ("welcome to").
const willing = new Set(['happy', 'glad', 'pleased', 'delighted', 'welcome']);
const denials = new Set(["don't", 'never', 'not']);
// Apologies: what follows is what happened to the reader ("sorry your bag didn't arrive"), not a
// claim, unless it says what the service does ("sorry we can't deliver on Sundays").
const apologies = new Set(['sorry', 'apologies', 'apologize', 'apologise']);
const firstPerson = new Set("we we're we've we'll we'd us our i i'm i've i'll i'd me my".split(' '));
// Offers to tell the reader something ("glad to give you a price", "happy to send a quote"): a money
// word there is what will be told, not a charge the answer states.
const telling = new Set('give send quote email share check confirm explain tell walk put find look'.split(' '));
const hearers = new Set(['me', 'us']);
const dashes = /^[—–-]$|[—–]/;
// The moment of the conversation ("anything else today?", "have a good evening"): no figure of a claim.
const relativeDay = 'relative:';

const word = (t: ClauseToken | undefined): string => t?.lower ?? '';

/**
 * Where a courtesy frame ends in a clause's tokens (the index of the first word it offers):
 * "feel free to", "don't hesitate to", "(we're always) happy / glad / welcome to", "let us know",
 * "don't worry", "no worries", "(I) hope", a farewell naming the meeting ahead ("see you", "look forward to"), or an apology ("I'm sorry", "apologies"). Only at the clause's start,
 * past its subject and adverbs.
 */
function frameEnd(t: readonly ClauseToken[]): { end: number; apology: boolean; meeting?: boolean; permits?: boolean } | undefined {
  let i = 0;
  while (i < t.length && lead.has(word(t[i]))) i++;
  const end = offerEnd(t, i);
  if (end >= 0) return { end, apology: false, permits: permitsAct(t, i, end) };
  const met = meetingEnd(t, i);
  if (met >= 0) return { end: met, apology: false, meeting: true };
  return apologies.has(word(t[i])) ? { end: i + 1, apology: true } : undefined;
}

/** Where a farewell that names the meeting ahead ("See you on Saturday", "We look forward to seeing you", "We can't wait to see you") ends, or -1. */
function meetingEnd(t: readonly ClauseToken[], i: number): number {
  // The words in locals, no closure per call (asked for every clause of both answers).
  const w0 = word(t[i]);
  const w1 = word(t[i + 1]);
  if (w0 === 'see' && w1 === 'you') return i + 2;
  if ((w0 === 'look' || w0 === 'looking') && w1 === 'forward' && word(t[i + 2]) === 'to') return i + 3;
  // "We can't wait to see you": eagerness for the meeting, its negation no claim's.
  if ((w0 === "can't" || w0 === 'cannot') && w1 === 'wait' && word(t[i + 2]) === 'to') return i + 3;
  return -1;
}

// Values a farewell may name: when the meeting is ("See you on Saturday at 10:20").
const when = new Set(['date', 'time', 'weekday']);

// What a reader is invited to do that is part of the conversation or a visit ("feel free to call",
// "you're welcome to pop in", "welcome to ask"): courtesy. Any other act a reader is "welcome to" or
// "free to" do is a permission of the service ("You're welcome to bring ladders into the orchard",
// "feel free to bring outside food"), which a production answer may deny.
const reaching = new Set(
  (
    'ask call phone ring contact reach email e-mail message text write ping chat reply respond get let drop stop pop come ' +
    'swing visit browse check look read explore share send leave give tell talk speak follow use try return'
  ).split(' '),
);

/** Whether the frame from `i` to `end` is an invitation ("welcome to", "free to") to an act no conversation or visit is. */
function permitsAct(t: readonly ClauseToken[], i: number, end: number): boolean {
  const w0 = word(t[i]);
  if (!(w0 === 'welcome' || w0 === 'feel') || word(t[end - 1]) !== 'to') return false;
  const act = word(t[end]);
  return act !== '' && !reaching.has(act);
}

/** Where an offer, invitation or reassurance frame starting at token `i` ends (see {@link frameEnd}), or -1. */
function offerEnd(t: readonly ClauseToken[], i: number): number {
  const w0 = word(t[i]);
  const w1 = word(t[i + 1]);
  const w2 = word(t[i + 2]);
  if (w0 === 'feel' && w1 === 'free' && w2 === 'to') return i + 3;
  if (w0 === 'let' && hearers.has(w1) && w2 === 'know') return i + 3;
  if (w0 === 'hope') return i + 1;
  const reassured = reassuranceEnd(t, i);
  if (reassured >= 0) return reassured;
  if (willing.has(w0)) return w1 === 'to' ? i + 2 : i + 1;
  // "(We're) here to help / assist": an offer of help, no claim of where anyone is.
  if (w0 === 'here' && w1 === 'to' && helping.has(w2)) return i + 3;
  if (denials.has(w0)) {
    if (w1 === 'hesitate') return w2 === 'to' ? i + 3 : i + 2;
    if (w1 === 'worry') return i + 2;
  }
  return hesitationEnd(t, i);
}

const helping = new Set(['help', 'assist', 'support']);

/**
 * "Don't hesitate (to)" said in another language, as its first and second word and what may link
 * it to the verb after it: French "n'hésitez pas (à)", Spanish "no dude(s) en", Portuguese "não
 * hesite(m) (em)", Italian "non esiti / esitate (a)", German "zögern Sie (nicht)". An invitation to
 * get in touch, as in English.
 */
const dontHesitate: readonly (readonly [first: readonly string[], second: readonly string[], link: readonly string[]])[] = [
  [["n'hésitez", "n'hésite"], ['pas'], ['à']],
  [['no'], ['dude', 'dudes', 'duden'], ['en']],
  [['não', 'nao'], ['hesite', 'hesitem'], ['em']],
  [['non'], ['esiti', 'esitate', 'esitare'], ['a', 'ad']],
  [['zögern', 'zögere'], ['sie', 'nicht'], ['nicht']],
];

/** Where a {@link dontHesitate} phrase starting at `i` ends, or -1. */
function hesitationEnd(t: readonly ClauseToken[], i: number): number {
  const w0 = word(t[i]);
  const w1 = word(t[i + 1]);
  const phrase = dontHesitate.find(([first, second]) => first.includes(w0) && second.includes(w1));
  if (phrase === undefined) return -1;
  return phrase[2].includes(word(t[i + 2])) ? i + 3 : i + 2;
}

/**
 * Whether a clause is courtesy addressed to the reader — an offer, an invitation to ask, a
 * reassurance, a wish, or a question back ("Feel free to call the office if you have any other
 * questions", "We're always happy to help with any order", "Is there anything else I can help
 * with today?") — and so no claim about the world. What the frame offers still decides: an offer
 * that names a policy, money, an entitlement or a value ("Happy to waive the delivery fee",
 * "Feel free to return it for a full refund") is a claim like any other. The frame's own words
 * ("free", "don't", "always") are no evidence; a condition after it ("…if you have questions")
 * states nothing either.
 */
export function isCourtesy(c: ClauseFacts): boolean {
  return courtesyFrame(c) === true;
}

/**
 * Whether a clause is framed as courtesy (true), framed so but offering a claim (false), or not
 * framed so at all (undefined): the frame, where there is one, decides whether the clause is about
 * the conversation.
 */
export function courtesyFrame(c: ClauseFacts): boolean | undefined {
  const t = c.tokens;
  const question = c.text.trimEnd().endsWith('?');
  const frame = question ? { end: 0, apology: false } : frameEnd(t);
  if (frame === undefined) return undefined;
  if (c.values.some((v) => !v.keys[0]?.startsWith(relativeDay) && !(frame.meeting === true && when.has(v.type)))) return false;
  if (frame.permits === true) return false;
  const { end } = frame;
  let stop = end;
  while (stop < t.length && !subordinators.has(word(t[stop]))) stop++;
  let rest = t.slice(end, stop);
  if (frame.apology) {
    // "Sorry you're not feeling well - we're here to help": after a dash, another courtesy.
    const dash = rest.findIndex((x) => dashes.test(x.core) || dashes.test(x.after ?? ''));
    const tail = dash >= 0 ? rest.slice(dash + 1) : [];
    const then = frameEnd(tail);
    if (then !== undefined) {
      if (then.apology || then.permits === true || namesPolicy(tail.slice(then.end), false)) return false;
      rest = rest.slice(0, dashes.test(rest[dash]?.core ?? '') ? dash : dash + 1);
    }
    if (rest.some((x) => firstPerson.has(word(x)))) return false;
    // What went wrong for the reader is said with a negation as often as not ("didn't arrive").
    rest = rest.filter((x) => !isNegationCue(word(x)));
  }
  return !namesPolicy(rest, telling.has(word(rest[0])));
}
