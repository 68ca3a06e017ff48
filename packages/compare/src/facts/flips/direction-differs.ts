import { hasDigit } from '../../text/word-forms.js';
import { memoSlots, wordNumber } from '../../text/word-ids.js';
import { defineCue } from '../clauses/clause-cues.js';
import { isFunctionWord } from '../clauses/content-words.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { priceWords } from '../polarity/polarity-words.js';

// What "on" and "off" are read as where they name a state ("is on by default", "stays off", "on site").
const switchedOn = 'on:state';
const switchedOff = 'off:state';
// Words before "on"/"off" that make it the state of its subject ("is on", "stays off", "switched on").
const stateVerbs = new Set(
  'is are was were be been stays stay remains remain turned turn switched switch set left kept toggled'.split(' '),
);
// Words after "on"/"off" that make it a state or a place ("on by default", "off site", "off premises").
const stateNouns = new Set(['site', 'premises', 'campus']);

/** Whether "on"/"off" at `i` names a state or a side of a place rather than a preposition or a discount. */
function namesState(tokens: readonly ClauseToken[], i: number): boolean {
  const next = tokens[i + 1]?.lower;
  if (stateNouns.has(next ?? '')) return true;
  if (next === 'by' && tokens[i + 2]?.lower === 'default') return true;
  // "is on", "stays off" ending the clause or before a comma or a time phrase; not "is on the desk".
  const before = tokens[i - 1]?.lower ?? '';
  if (!stateVerbs.has(before)) return false;
  return (
    next === undefined ||
    (tokens[i]?.after ?? '') !== '' ||
    next === 'during' ||
    next === 'until' ||
    next === 'for' ||
    next === 'when' ||
    next === 'while'
  );
}

// Pairs of words that state opposite directions or sides of a bound: one clause saying the one and
// the other the other is a flip ("will increase" / "will decrease", "above the limit" / "below").
const pairs: readonly (readonly [string, string])[] = [
  ['open', 'closed'],
  ['opens', 'closes'],
  ['open', 'shut'],
  ['increase', 'decrease'],
  ['increases', 'decreases'],
  ['increased', 'decreased'],
  ['increase', 'reduce'],
  ['increases', 'reduces'],
  ['increased', 'reduced'],
  ['rise', 'fall'],
  ['raise', 'lower'],
  ['higher', 'lower'],
  ['above', 'below'],
  ['before', 'after'],
  ['earlier', 'later'],
  ['earliest', 'latest'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['maximum', 'minimum'],
  ['credit', 'debit'],
  ['credited', 'debited'],
  ['add', 'remove'],
  ['added', 'removed'],
  ['inbound', 'outbound'],
  ['upgrade', 'downgrade'],
  ['upgraded', 'downgraded'],
  // Two sides of a state or a role: a clause saying one and its counterpart the other is a flip
  // ("a private bathroom" / "a shared bathroom", "a full refund" / "a partial refund", "the seller
  // pays" / "the buyer pays"). A negation with the other word says the same ("not shared").
  ['private', 'shared'],
  ['private', 'public'],
  ['full', 'partial'],
  ['fully', 'partially'],
  ['permanent', 'temporary'],
  ['permanently', 'temporarily'],
  ['indoor', 'outdoor'],
  ['indoors', 'outdoors'],
  ['domestic', 'international'],
  ['automatic', 'manual'],
  ['automatically', 'manually'],
  ['buyer', 'seller'],
  ['landlord', 'tenant'],
  ['sender', 'recipient'],
  ['on-site', 'off-site'],
  ['onsite', 'offsite'],
  // An outcome: "failed its inspection" / "passed it" ("didn't pass" says what "failed" does).
  ['passed', 'failed'],
  ['pass', 'fail'],
  ['passes', 'fails'],
  ['pass', 'failed'],
];

// Predicates whose two poles are worded by several words each, none of them a negation: a clause
// saying a word of one pole and none of the other, against one saying the other pole only, is a
// flip ("is included in the price" / "is charged on top of it", "rolls over" / "lapses", "is
// finished" / "is still underway"). A side that says both poles ("breakfast is included, parking
// is extra") takes no side. Phrases of two words are read as one marker ({@link phraseMarkers}).
// "valid" and "active" are left out: "valid until May" says what "expires in May" does; likewise
// a pole bounded by "until" on one side only is read as the other pole's moment ("open until April
// 30" / "close on April 30"): those axes do not count there ({@link boundedOnOneSide}).
const poles: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['included', 'includes', 'include', 'inclusive', 'complimentary', 'bundled', 'part of', 'toward', 'towards'],
    ['extra', 'separate', 'separately', 'on top'],
  ],
  [
    ['carries over', 'carry over', 'carried over', 'rolls over', 'roll over', 'rolled over'],
    ['expire', 'expires', 'expired', 'lapse', 'lapses', 'lapsed', 'forfeit', 'forfeited'],
  ],
  // A sum paid back or kept: "the booking fee is refunded" / "…is kept", "refundable" / "forfeited".
  [
    ['refunded', 'refundable', 'refund', 'refunds', 'reimbursed'],
    ['kept', 'retained', 'forfeit', 'forfeits', 'forfeited'],
  ],
  [
    ['finished', 'completed', 'complete'],
    ['underway', 'ongoing', 'pending', 'in progress'],
  ],
  [
    ['open', 'opens', 'reopen', 'reopens'],
    ['close', 'closes', 'closed', 'shut'],
  ],
  // A switch's two states, whichever word names them: "is off by default" / "is enabled by default".
  // "on" and "off" count as a state only ({@link namesState}), not as prepositions ("20% off", "on Monday").
  [
    [switchedOn, 'enabled', 'enable', 'enables', 'activated', 'activate'],
    [switchedOff, 'disabled', 'disable', 'disables', 'deactivated', 'deactivate'],
  ],
];

/** Each axis's pole by word: `2 * axis + side` (side 0 or 1), and whether the axis is one of the {@link poles}. */
const poleOf = new Map<string, number[]>();
const fromPoles: boolean[] = [];
const file = (w: string, code: number): void => {
  const list = poleOf.get(w);
  if (list === undefined) poleOf.set(w, [code]);
  else list.push(code);
};
for (const [x, y] of pairs) {
  const axis = fromPoles.push(false) - 1;
  file(x, 2 * axis);
  file(y, 2 * axis + 1);
}
for (const [x, y] of poles) {
  const axis = fromPoles.push(true) - 1;
  for (const w of x) file(w, 2 * axis);
  for (const w of y) file(w, 2 * axis + 1);
}

const bounds = new Set(['until', 'till', 'til', 'through', 'thru']);

/** Whether a word after "to" is a moment it bounds: a figure ("9pm", "17:00", "30") or noon or midnight. */
function boundsTime(t: ClauseToken | undefined): boolean {
  return t !== undefined && (hasDigit(t.core) || t.lower === 'noon' || t.lower === 'midnight');
}

// Two-word phrases of the poles ("on top", "in progress", "rolls over", "part of"), by the word that
// is not a preposition: what the quick test of a clause looks for.
const phrasePrepositions = new Set(['on', 'in', 'of', 'over']);
const phrases = new Map<string, { readonly first: string; readonly second: string }[]>();
for (const [x, y] of poles)
  for (const p of [...x, ...y]) {
    const [first, second] = p.split(' ');
    if (first === undefined || second === undefined) continue;
    const key = phrasePrepositions.has(second) ? first : second;
    phrases.set(key, [...(phrases.get(key) ?? []), { first, second }]);
  }

/** What a clause says on the axes: the pole codes of its words ({@link poleOf}) and whether it says "until". */
interface Poles {
  readonly codes: number[];
  bounded: boolean;
}

/**
 * Whether two aligned clauses name opposite directions: on some axis, one says a word of one pole
 * and none of the other, and the other clause the reverse.
 */
export function directionDiffers(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  // Most clauses name no direction: then there is nothing to compare.
  if (!a.some(namesDirection) || !b.some(namesDirection)) return false;
  const pa = polesOf(a);
  const pb = polesOf(b);
  // A pole bounded by "until" on one side only ("open until April 30" / "close on April 30").
  const bounded = pa.bounded !== pb.bounded;
  for (const code of pa.codes) {
    const axis = code >> 1;
    if (bounded && fromPoles[axis] === true) continue;
    const other = code ^ 1;
    if (!pa.codes.includes(other) && pb.codes.includes(other) && !pb.codes.includes(code)) return true;
  }
  return false;
}

/**
 * The poles a clause says: its words, "on"/"off" read as a state where they name one ({@link
 * namesState}), two-word phrases as one ("on top", but not "On top of that, …" opening a clause,
 * which adds to what was said), less an "extra" denied by "no", "without" or "nothing" before it ("at
 * no extra cost", "without any extra fee", "costs nothing extra"): that phrase is the price sense of "free" (clause-polarity.ts),
 * read on its own; "costs extra" and "an extra fee" keep it.
 */
function polesOf(tokens: readonly ClauseToken[]): Poles {
  const out: Poles = { codes: [], bounded: false };
  tokens.forEach((t, i) => {
    const w = t.lower;
    // "to" before a time or a date bounds as "until" does ("open to 9pm", "open 9am to 5pm"); not "open to the public".
    if (bounds.has(w) || (w === 'to' && boundsTime(tokens[i + 1]))) out.bounded = true;
    if (w === 'on' || w === 'off') {
      if (namesState(tokens, i)) addPoles(out, w === 'on' ? switchedOn : switchedOff);
      return;
    }
    for (const p of phrases.get(w) ?? []) {
      const at = p.first === w ? i : i - 1;
      const x = tokens[at];
      const y = tokens[at + 1];
      // "pay nothing on top" denies the pole as "nothing extra" does.
      if (at > 0 && x?.lower === p.first && y?.lower === p.second && (x.after ?? '') === '' && tokens[at - 1]?.lower !== 'nothing')
        addPoles(out, `${p.first} ${p.second}`);
    }
    if (deniedMore(tokens, i)) return;
    if (w === 'extra' && ([i - 1, i - 2].some((k) => k >= 0 && deniesExtra.has(tokens[k]?.lower ?? '')) || additional(tokens, i))) return;
    addPoles(out, w);
  });
  return out;
}

/**
 * Whether "more than" at `i` is denied ("haven't opened more than two lessons"): it says "at most",
 * a ceiling the ceiling rules compare (ceiling-restated.ts), no direction against "two or fewer".
 * Not read as "fewer": a negation after it ("more than 12 colours are not possible") says the same
 * and is not looked for here, so the two wordings would name opposite poles.
 */
function deniedMore(tokens: readonly ClauseToken[], i: number): boolean {
  if (tokens[i]?.lower !== 'more' || tokens[i + 1]?.lower !== 'than') return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const x = tokens[k] as ClauseToken;
    if ((x.after ?? '') !== '') return false;
    if (isNegationCue(x.lower)) return true;
  }
  return false;
}

// Words that deny the "extra" after them: "at no extra cost", "without any extra fee", "costs nothing extra".
const deniesExtra = new Set(['no', 'without', 'nothing']);

// Module-level, not a closure per call (see some-clause-states.ts on tsx's closure names).
function addPoles(out: Poles, w: string): void {
  const codes = poleOf.get(w);
  if (codes !== undefined) out.codes.push(...codes);
}

/**
 * Whether "extra" at `i` means "additional" before the noun it describes ("25¢ per extra mile",
 * "extra towels are available"): no charge named, so no side of "included". Before a word of price
 * or an amount ("an extra fee", "an extra $15") or as the predicate ("parking is extra", "costs extra")
 * it is the charged pole.
 */
function additional(tokens: readonly ClauseToken[], i: number): boolean {
  const next = tokens[i + 1];
  if (next === undefined || (tokens[i]?.after ?? '') !== '') return false;
  return (
    !isFunctionWord(next.lower) &&
    !priceWords.has(next.lower) &&
    !/^(?:surcharge|payment|rate|tariff)s?$/.test(next.lower) &&
    !hasDigit(next.core) &&
    !/^[$€£¥₹₩]/u.test(next.core)
  );
}

function namesDirection(t: ClauseToken): boolean {
  // Asked of every word of both clauses of each aligned pair: remembered per word of the current table.
  return wordNumber(t.id, t.lower, memoSlots.direction, directionFlag) === 1;
}

function directionFlag(w: string): number {
  return mayNameDirection(w) ? 1 : 0;
}

/** Whether a word may name a pole in {@link directionDiffers} (a word of a pole, of a two-word phrase, "on" or "off"). */
export function mayNameDirection(w: string): boolean {
  return poleOf.has(w) || phrases.has(w) || w === 'on' || w === 'off';
}

/** The {@link mayNameDirection} cue (clause-cues.ts): {@link directionDiffers} holds only for two clauses that both hold it. */
export const directionCue = defineCue('direction', mayNameDirection);

/**
 * Whether the pole a word names is read from the words around it (the key word of a two-word
 * phrase, whose first word must carry no punctuation; "extra" after "no" or "without"): kept as it
 * is in two sentences, it may name a pole in one and not in the other.
 */
export function readsContext(w: string): boolean {
  return phrases.has(w) || w === 'extra';
}
