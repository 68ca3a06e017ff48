import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { memoSlots } from '../../text/word-ids.js';
import { addedItem } from '../claims/added-list-item.js';
import { isPreamble } from '../claims/claim-framing.js';
import { addedTail, onlyChanged } from '../claims/lone-addition.js';
import { statesClaim } from '../claims/states-claim.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { directionDiffers } from '../flips/direction-differs.js';
import { hedgesPlainClaim } from '../modality/epistemic-hedge.js';
import { samePricePole } from '../polarity/price-pole.js';
import { restatedNegation } from '../restatements/restated-negation.js';
import { editCue, editCueBits, editCuesIn } from './edit-cues.js';
import { changesModality, movedModal } from './edit-modality.js';
import { negates, negationFillers, negations } from './edit-negations.js';
import { scopeDiffers, scopeMoved } from './quantifier-scope.js';
import { negatingWith, orReworded, polarWith, rewordedClaim } from './reworded-claim.js';
import { type EditFilter, type NearCopy, nearCopies, type SentenceEdit } from './sentence-edits.js';

// What an edit to a kept sentence changes (sentence-edits.ts finds the edits). Only the edited
// words are read, so a negation the clause splitter attached to the wrong clause, or a negation of
// another language whose paraphrases no rule reads, still counts where it was added or taken away.

/** The most words an added or removed run may have to be read as a flip (a phrase, not a clause). */
const maxFlipWords = 5;
/**
 * The most words each side of a replacement may have to be read as a flip: the rest of the sentence
 * is kept, so a predicate swapped for a longer one is still that sentence's claim ("ride free" →
 * "pay the child fare as well").
 */
const maxSwapWords = 8;

/** Whether an edit is a phrase swapped for another, or a negation added or removed alone (`not`, `never`, `no longer`). */
function phrase(e: SentenceEdit): boolean {
  if (e.from.length > 0 && e.to.length > 0) return e.from.length <= maxSwapWords && e.to.length <= maxSwapWords;
  if (e.from.length > maxFlipWords || e.to.length > maxFlipWords) return false;
  const side = e.from.length === 0 ? e.to : e.from;
  return side.every((t, i) => negates(side, i, e, undefined) || negationFillers.has(t.lower));
}

/** The edit's side with the kept word on either side of it. */
function inContext(e: SentenceEdit, side: readonly ClauseToken[]): ClauseToken[] {
  return [...(e.before === undefined ? [] : [e.before]), ...side, ...(e.after === undefined ? [] : [e.after])];
}

/** How many words of an edit's side negate; none where no word of it may ({@link editCue.negates}). */
function count(side: readonly ClauseToken[], e: SentenceEdit, other: readonly ClauseToken[], memo: (number | undefined)[]): number {
  return (editCuesIn(side, 0, side.length, memo) & editCue.negates) === 0 ? 0 : negations(side, e, other);
}

/**
 * The edit of a kept sentence that reverses what it says, if any: the count of negations the
 * phrase edits add and remove differs in parity (`don't` → `do`, `permitted` → `prohibited`, `no
 * coffee` → `so is black coffee`, `non sono` → `sono`, `unless` → `even if`), or an edit names the
 * opposite direction (`included` → `extra`, `open` → `closed`) — both together say the same (`not
 * included` → `extra`), and a negation moved within the sentence (`ist im … nicht enthalten` →
 * `ist nicht im … enthalten`) nets to nothing. Words added or removed with a negation among them
 * are a new clause, not a flip of the kept one: the sentence is then left to the clause rules.
 */
export function flipEdit(copy: NearCopy, memo: (number | undefined)[] = []): SentenceEdit | undefined {
  // A whole predicate swapped says its claim in words of its own: only a scope or a direction turned
  // around with no negation on either side is read there ("is finished" / "is no longer in progress"
  // says one thing; a negation on one side may word the other side's predicate).
  if (copy.predicate === true) {
    const e = copy.edits[0];
    if (e === undefined || count(e.from, e, e.to, memo) + count(e.to, e, e.from, memo) > 0) return undefined;
    if (((editCuesIn(e.from, 0, e.from.length, memo) | editCuesIn(e.to, 0, e.to.length, memo)) & editCue.negation) !== 0) return undefined;
    return scopeDiffers(e.from, e.to) || directionDiffers(e.from, e.to) ? e : undefined;
  }
  let parity = 0;
  let first: SentenceEdit | undefined;
  const reworded: SentenceEdit[] = [];
  for (const e of copy.edits) {
    const a = count(e.from, e, e.to, memo);
    const b = count(e.to, e, e.from, memo);
    if (!phrase(e)) {
      if (a + b > 0) return undefined;
      continue;
    }
    // One pole of price said in other words ("at no charge" → "free", "not included" → "extra"): its
    // negations and its direction word it, they flip nothing.
    if (samePricePole(inContext(e, e.from), inContext(e, e.to))) {
      reworded.push(e);
      continue;
    }
    if ((a + b) % 2 === 1) first ??= e;
    parity += a + b;
  }
  // Directions are read on the whole sentences ("is on by default" names a state by its context);
  // the words both keep name none apart.
  if (!copy.edits.some(phrase)) return movedPole(copy);
  const direction =
    directionDiffers(copy.original, copy.candidate) && !reworded.some((e) => directionDiffers(inContext(e, e.from), inContext(e, e.to)));
  if (direction) first ??= copy.edits.find((e) => phrase(e) && e.from.length > 0 && e.to.length > 0);
  // "isn't due until June" → "due in June", "to the card, never in cash" → "to the card only".
  if ((parity % 2 === 1) !== direction) return direction || !restatedNegation(copy.original, copy.candidate) ? first : undefined;
  // Neither negated nor turned around: a phrase swapped for one of the opposite scope ("at every
  // birth" → "only if complications arise") still says something else.
  if (parity % 2 === 1) return undefined;
  return copy.edits.find((e) => phrase(e) && e.from.length > 0 && e.to.length > 0 && scopeDiffers(e.from, e.to)) ?? movedScope(copy);
}

/** The edit putting the new side of scope in, where the edits together move it ({@link scopeMoved}). */
function movedScope(copy: NearCopy): SentenceEdit | undefined {
  if (copy.edits.some((e) => e.from.length > maxSwapWords || e.to.length > maxSwapWords)) return undefined;
  if (!scopeMoved(copy.edits, copy.original, copy.candidate)) return undefined;
  return copy.edits.find(
    (e) =>
      e.to.length > 0 &&
      scopeDiffers(
        copy.edits.flatMap((x) => x.from),
        e.to,
      ),
  );
}

/**
 * A predicate reworded around the words a sentence keeps, its pole taken out in one edit and the
 * opposite pole put in by another ("…; our drafting fee is separate" → "…, and that already includes
 * our drafting fee"): no edit is a phrase swapped for another, but what the edits remove names one
 * pole of an axis and what they add the other, and the whole sentences differ so. Every edit is
 * short (a clause added with a pole of its own is the clause rules' to read). The edit adding the
 * new pole is the evidence.
 */
function movedPole(copy: NearCopy): SentenceEdit | undefined {
  if (copy.edits.length < 2 || copy.edits.some((e) => e.from.length > maxSwapWords || e.to.length > maxSwapWords)) return undefined;
  const removed = copy.edits.flatMap((e) => e.from);
  const added = copy.edits.flatMap((e) => e.to);
  if (!directionDiffers(removed, added) || !directionDiffers(copy.original, copy.candidate)) return undefined;
  return copy.edits.find((e) => e.to.length > 0 && directionDiffers(removed, e.to));
}

/**
 * The first baseline that says the edited words the candidate's way (-1 for none): it holds the
 * candidate's side of the edit with the kept word on either side of it, in order (production words it so too).
 */
function saidByBaseline(
  e: SentenceEdit,
  baselines: readonly FactSheet[],
  candidate: FactSheet,
  sentence: number,
  maxClauses: number,
): number {
  const run = inContext(e, e.to).map((t) => t.lower);
  if (run.length < 2) return -1;
  // In a clause that states the claim of one of the candidate's sentence's clauses (states-claim.ts):
  // "is included" said of another item is no witness.
  const ours = candidate.clauses.filter((c, i) => i < maxClauses && c.sentence === sentence);
  return baselines.findIndex((b) =>
    b.clauses.some((x, j) => {
      if (j >= maxClauses || !ours.some((mine) => statesClaim(x, mine, candidate, maxClauses))) return false;
      const t = x.tokens;
      for (let i = 0; i + run.length <= t.length; i++) {
        let k = 0;
        while (k < run.length && t[i + k]?.lower === run[k]) k++;
        if (k === run.length) return true;
      }
      return false;
    }),
  );
}

/** The edit as evidence: its two sides with the kept word before and after (`don't need → do need`). */
function evidence(e: SentenceEdit): { from: string; to: string } {
  const ctx = (side: readonly ClauseToken[]): string =>
    inContext(e, side)
      .map((t) => t.core)
      .join(' ');
  return { from: ctx(e.from), to: ctx(e.to) };
}

/**
 * Whether the candidate clause the edit is in states a claim: not one about the conversation or a
 * tool call's preamble ("Let me check whether it isn't…"), which the clause rules leave out too.
 */
function claims(copy: NearCopy, e: SentenceEdit, candidate: FactSheet, maxClauses: number): boolean {
  const c = clauseAt(candidate, copy.sentence, e.to.length > 0 || e.after !== undefined ? e.at : e.at - 1, maxClauses);
  return c === undefined || !(c.framing || isPreamble(c));
}

/**
 * The clause holding word `at` of sentence `sentence` of a sheet, the sentence's words being those of
 * its clauses among the first `maxClauses`, in order (as {@link nearCopies} reads them).
 */
function clauseAt(sheet: FactSheet, sentence: number, at: number, maxClauses: number): ClauseFacts | undefined {
  if (at < 0) return undefined;
  let rest = at;
  const n = Math.min(sheet.clauses.length, maxClauses);
  for (let i = 0; i < n; i++) {
    const c = sheet.clauses[i] as ClauseFacts;
    if (c.sentence !== sentence) continue;
    if (rest < c.tokens.length) return c;
    rest -= c.tokens.length;
  }
  return undefined;
}

/** Whether a side of an edit holds a word that may negate, by `memo`'s cue bits (an unnamed closure: tsx names each named one it creates). */
function negatedWith(memo: (number | undefined)[]): (side: readonly ClauseToken[]) => boolean {
  return (side) => side.some((t) => (editCueBits(t, memo) & editCue.negation) !== 0);
}

/**
 * The fact differences of the candidate's sentences that repeat an original sentence with edits
 * ({@link nearCopies}): a polarity flip where an edit reverses the sentence ({@link flipEdit}),
 * noise where a baseline holds the candidate's words there.
 */
export function diffEditedSentences(
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  maxClauses: number,
): SentenceDifference[] {
  const out: SentenceDifference[] = [];
  const production = [original, ...baselines];
  // diffFacts reads every sheet with the candidate's word table: one memo of cue bits serves all.
  const memo = candidate.words.memo(memoSlots.editCue);
  const negated = negatedWith(memo);
  const polar = polarWith(memo);
  const negating = negatingWith(memo);
  for (const copy of nearCopies(original, candidate, maxClauses, orReworded(mayChange(memo), production))) {
    const flip = flipEdit(copy, memo);
    if (flip !== undefined && claims(copy, flip, candidate, maxClauses)) {
      out.push(
        difference('polarity_flip', 'fact:polarity', copy, flip, saidByBaseline(flip, baselines, candidate, copy.sentence, maxClauses)),
      );
      continue;
    }
    // A modal swapped for one of another strength, or a plain promise softened to a likelihood.
    const modal = copy.edits.find((e) => changesModality(e, negated) || hedgesPlainClaim(e, negated)) ?? movedModal(copy.edits, negated);
    if (modal !== undefined && claims(copy, modal, candidate, maxClauses)) {
      out.push(
        difference('modality_change', 'fact:modality', copy, modal, saidByBaseline(modal, baselines, candidate, copy.sentence, maxClauses)),
      );
      continue;
    }
    // The claim said in a phrase no production answer has words for.
    const alone = onlyChanged(original, candidate, copy.sentence, false, maxClauses);
    const reworded = rewordedClaim(copy, production, alone ? negating : polar, alone);
    if (reworded !== undefined && claims(copy, reworded, candidate, maxClauses)) {
      const { from, to } = evidence(reworded);
      out.push({
        kind: 'fact_changed',
        key: 'fact:claim',
        severity: 'high',
        message: `${from} → ${to} (no production answer words it so)`,
        original: said(copy.original),
        candidate: said(copy.candidate),
        sentence: copy.sentence,
      });
      continue;
    }
    // A swapped predicate is all new words: no item was added to a kept list.
    if (copy.predicate === true) continue;
    // A clause added at the end of the one sentence the candidate changed.
    const tail = addedTail(copy, original, candidate, production, maxClauses);
    if (tail !== undefined && claims(copy, tail, candidate, maxClauses)) {
      out.push(addition(candidate, copy.sentence, tail.to.map((t) => t.core).join(' '), 'says it'));
      continue;
    }
    for (const e of copy.edits) {
      const item = addedItem(e, production);
      if (item === undefined || !claims(copy, e, candidate, maxClauses)) continue;
      out.push(addition(candidate, copy.sentence, item, 'names it'));
      break;
    }
  }
  return out;
}

/**
 * The pre-filter of {@link nearCopies}: whether an edit of the two sentences' middles could be a
 * flip, a change of modality or an added list item, read from the edited words' cue bits alone
 * (the diff of the middles and the rules run only then). A flip needs a word that may negate in an
 * edit, or two directions the sentences do not share: an edited word of a pole (a kept word is in
 * both), a word whose pole is read from its context anywhere in either sentence (a two-word
 * phrase's key word, "extra"), or "on" in one and "off" in the other (their state is read from
 * their context); a change
 * of modality needs a modal edited; an item needs an "and"/"or" among the candidate's edited words
 * or right after them.
 */
export function mayChange(memo: (number | undefined)[]): EditFilter {
  return (a, b, pre, suf) => {
    const edited = editCuesIn(a, pre, a.length - suf, memo) | editCuesIn(b, pre, b.length - suf, memo);
    if ((edited & (editCue.negates | editCue.modal | editCue.direction | editCue.scope)) !== 0) return true;
    if ((editCuesIn(b, pre, Math.min(b.length, b.length - suf + 1), memo) & editCue.conjunction) !== 0) return true;
    const inA = editCuesIn(a, 0, a.length, memo);
    const inB = editCuesIn(b, 0, b.length, memo);
    if (((inA | inB) & editCue.context) !== 0) return true;
    return ((inA & editCue.on) !== 0 && (inB & editCue.off) !== 0) || ((inA & editCue.off) !== 0 && (inB & editCue.on) !== 0);
  };
}

function difference(
  kind: 'polarity_flip' | 'modality_change',
  key: string,
  copy: NearCopy,
  e: SentenceEdit,
  by: number,
): SentenceDifference {
  const { from, to } = evidence(e);
  return {
    kind,
    key,
    severity: 'high',
    message: `${from} → ${to}`,
    original: said(copy.original),
    candidate: said(copy.candidate),
    sentence: copy.sentence,
    ...excusedBy('edited-sentence', byBaseline('saidByBaseline', by)),
  };
}

/** An added claim: words the candidate added to its sentence `sentence`, which no production answer `says it` / `names it`. */
function addition(candidate: FactSheet, sentence: number, what: string, why: string): SentenceDifference {
  const text = sentenceText(candidate, sentence);
  return {
    kind: 'added_claim',
    key: 'fact:claim',
    severity: 'high',
    message: `adds "${what}" to "${clip(text)}" (no production answer ${why})`,
    candidate: text,
    sentence,
  };
}

/** The text of a sentence of a sheet (its clauses' texts). */
function sentenceText(sheet: FactSheet, sentence: number): string {
  return sheet.clauses
    .filter((c) => c.sentence === sentence)
    .map((c) => c.text)
    .join(' ');
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function said(tokens: readonly ClauseToken[]): string {
  return tokens.map((t) => t.core).join(' ');
}
