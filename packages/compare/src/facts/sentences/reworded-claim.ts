import { contentWords } from '../clauses/content-words.js';
import type { FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isCalendarWord, relativeDays } from '../values/calendar-value.js';
import { isNumberWord } from '../values/number-words.js';
import { editCue, editCuesIn } from './edit-cues.js';
import type { EditFilter, NearCopy, SentenceEdit } from './sentence-edits.js';

// A kept sentence whose claim is said in other words than production's, in a phrase no production
// answer has words for: "If the pilot cancels, we rebook you free of charge, and …" → "If the pilot
// cancels, the flight counts as used, and …"; "The deposit is returned once the caretaker has checked
// the lift" → "The deposit is kept as a moving fee". The rest of the sentence is kept, so the edit is
// what it now says about the same subject, and no answer of production says anything like it. A
// paraphrase reworded that closely swaps a word for a synonym (one new word: "booked" → "scheduled")
// or reshapes words production uses; a fact restated in another format (a date, a spelled-out
// number) is the value rules' to read, and a phrase with a negation or a pole the flip rules'.

/** The most words each side of a replacement may have (a longer run is a clause of its own). */
const maxSide = 8;
/** The share of the longer sentence a kept sentence must keep in order: two thirds. */
const keptShare = 2 / 3;
/**
 * How many content words of the new phrase production must never use: three. With two, a reordered
 * paraphrase and a varying-fact case turned into false alarms on the blind hold-outs 7 and 8 (one
 * each, with a baseline; their texts are not read) for two more catches there.
 */
const minFresh = 3;
/**
 * How many where the sentence is all the candidate changed ({@link loneEdit}): two. A noun phrase
 * swapped for another ("refunded to your original card" → "refunded as store credit") names two
 * things; an answer that keeps every other sentence word for word is no paraphrase that rewords freely.
 */
const minFreshAlone = 2;

// Words that name no fact of their own: "ones" ("little ones"), "now" ("you use now"), prepositions
// content-words.ts keeps ("through", "via"); and words of time, which a date or a duration says ("by
// Thursday" / "within three business days", "this morning"): the value rules compare those.
const empty = new Set(
  (
    'one ones now currently still just through via within across during per after before until around among along ' +
    'toward towards onto upon morning afternoon evening night noon midnight day days week weeks weekend ' +
    'weekday weekdays month months year years hour hours minute minutes business'
  ).split(' '),
);
const digit = /\d/;

/**
 * Folded content words of an edit's side, without digits, number words or empty words; with `named`
 * false, without capitalized words inside a sentence either (a name is the entity rules' to compare:
 * a greeting naming another agent is how production varies).
 */
function words(side: readonly ClauseToken[], named = true): string[] {
  return side
    .filter((t) => (named || !capital.test(t.core)) && !empty.has(t.lower) && !isCalendarWord(t.lower) && !relativeDays.has(t.lower))
    .flatMap((t) => contentWords(t.core))
    .filter((w) => !digit.test(w) && !isNumberWord(w));
}
const capital = /^\p{Lu}/u;

/** Whether no production answer uses a folded word. */
function unsaid(w: string, production: readonly FactSheet[]): boolean {
  return !production.some((s) => s.vocabulary.has(w));
}

/**
 * Whether the candidate's edited words (`b` between its kept start `pre` and kept end `suf`) hold at
 * least {@link minFresh} content words no production answer uses: the cheap gate of
 * {@link rewordedClaim}, asked before a sentence pair is diffed.
 */
export function mayReword(b: readonly ClauseToken[], pre: number, suf: number, production: readonly FactSheet[]): boolean {
  let fresh = 0;
  for (let i = pre; i < b.length - suf; i++) {
    const t = b[i] as ClauseToken;
    // words([t], i === 0): a capitalized word inside the sentence has none.
    if (i !== 0 && capital.test(t.core)) continue;
    for (const w of tokenWords(t)) if (unsaid(w, production) && ++fresh >= minFreshAlone) return true;
  }
  return false;
}

// {@link words} of one token with names kept, by the token's text (its `lower` is that text folded):
// {@link mayReword} asks them of every edited word of every near copy of every pair. Bounded: past
// `maxTokenWords` texts it starts afresh.
const wordsByCore = new Map<string, readonly string[]>();
const maxTokenWords = 20_000;

function tokenWords(t: ClauseToken): readonly string[] {
  let found = wordsByCore.get(t.core);
  if (found === undefined) {
    if (wordsByCore.size >= maxTokenWords) wordsByCore.clear();
    found = words([t]);
    wordsByCore.set(t.core, found);
  }
  return found;
}

/**
 * The edit of a kept sentence ({@link NearCopy}: two thirds of it kept, or its subject kept and its
 * predicate swapped) whose one edit, after the sentence's kept opening, replaces words of the
 * original by a phrase with at least {@link minFresh} lower-case content words no production answer
 * uses ({@link minFreshAlone} where `alone`: the sentence is all the candidate changed), taking out a
 * content word the new phrase does not repeat. Numbers and dates are left out on both sides (the value
 * rules compare them); `polar` says whether a phrase holds a negation or a pole.
 */
export function rewordedClaim(
  copy: NearCopy,
  production: readonly FactSheet[],
  polar: (side: readonly ClauseToken[]) => boolean,
  alone = false,
): SentenceEdit | undefined {
  // One edit: a paraphrase that rewords a phrase rewords the words around it too ("Bags are located
  // at…, and…" → "Once it's found - …"), a claim changed in place leaves them.
  // Alone, the sentence need keep only what makes it a near copy (three fifths): the swap is the answer's one change.
  if ((copy.predicate !== true && !alone && copy.share < keptShare) || copy.edits.length !== 1) return undefined;
  return copy.edits.find((e) => {
    if (e.from.length === 0 || e.to.length === 0 || e.from.length > maxSide || e.to.length > maxSide) return false;
    // The sentence's opening kept: a paraphrase moving sentences about rewords how one opens ("Passes
    // bought online…" → "If you buy one online…"); a changed claim keeps its subject.
    if (e.before === undefined) return false;
    // A new phrase with a negation or a pole of its own ("included" → "at no extra cost") is the
    // flip rules' to read: they know which poles say the same.
    if (polar(e.to)) return false;
    // A phrase reworded around a value ("responds with status 429" → "returns a 429 error") is the value rules' to compare.
    if (e.from.some((t) => digit.test(t.core)) && e.to.some((t) => digit.test(t.core))) return false;
    const added = new Set(words(e.to));
    if (!words(e.from).some((w) => !added.has(w))) return false;
    let fresh = 0;
    for (const w of new Set(words(e.to, false))) if (unsaid(w, production)) fresh++;
    return fresh >= (alone ? minFreshAlone : minFresh);
  });
}

/**
 * Whether a side of an edit holds a negation, by `memo`'s cue bits: what {@link rewordedClaim} leaves
 * to the flip rules in the answer's one changed sentence, where they read it before and found no flip
 * ("refunded in store credit": *credit* names a direction whose opposite no answer says).
 */
export function negatingWith(memo: (number | undefined)[]): (side: readonly ClauseToken[]) => boolean {
  return (side) => (editCuesIn(side, 0, side.length, memo) & (editCue.negates | editCue.context)) !== 0;
}

/** Whether a side of an edit holds a negation or a pole, by `memo`'s cue bits ({@link rewordedClaim} leaves those to the flip rules). */
export function polarWith(memo: (number | undefined)[]): (side: readonly ClauseToken[]) => boolean {
  return (side) => (editCuesIn(side, 0, side.length, memo) & (editCue.negates | editCue.direction | editCue.context)) !== 0;
}

/** The pair filter `worth`, or a candidate's edited words that may reword a claim ({@link mayReword}). */
export function orReworded(worth: EditFilter, production: readonly FactSheet[]): EditFilter {
  return (a, b, pre, suf) => worth(a, b, pre, suf) || mayReword(b, pre, suf, production);
}
