import { addedItem } from './added-list-item.js';
import { isPreamble } from './claim-framing.js';
import { directionDiffers } from './direction-differs.js';
import type { Difference } from './divergence-report.js';
import { changesModality } from './edit-modality.js';
import { isNegationWord, negates, negationFillers, negations } from './edit-negations.js';
import type { FactSheet } from './fact-sheet.js';
import { type NearCopy, nearCopies, type SentenceEdit } from './sentence-edits.js';
import type { ClauseToken } from './split-clauses.js';

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

/**
 * The edit of a kept sentence that reverses what it says, if any: the count of negations the
 * phrase edits add and remove differs in parity (`don't` → `do`, `permitted` → `prohibited`, `no
 * coffee` → `so is black coffee`, `non sono` → `sono`, `unless` → `even if`), or an edit names the
 * opposite direction (`included` → `extra`, `open` → `closed`) — both together say the same (`not
 * included` → `extra`), and a negation moved within the sentence (`ist im … nicht enthalten` →
 * `ist nicht im … enthalten`) nets to nothing. Words added or removed with a negation among them
 * are a new clause, not a flip of the kept one: the sentence is then left to the clause rules.
 */
export function flipEdit(copy: NearCopy): SentenceEdit | undefined {
  let parity = 0;
  let first: SentenceEdit | undefined;
  for (const e of copy.edits) {
    const a = negations(e.from, e, e.to);
    const b = negations(e.to, e, e.from);
    if (!phrase(e)) {
      if (a + b > 0) return undefined;
      continue;
    }
    if ((a + b) % 2 === 1) first ??= e;
    parity += a + b;
  }
  // Directions are read on the whole sentences ("is on by default" names a state by its context);
  // the words both keep name none apart.
  if (!copy.edits.some(phrase)) return undefined;
  const direction = directionDiffers(copy.original, copy.candidate);
  if (direction) first ??= copy.edits.find((e) => phrase(e) && e.from.length > 0 && e.to.length > 0);
  return (parity % 2 === 1) !== direction ? first : undefined;
}

/**
 * Whether a baseline says the edited words the candidate's way: it holds the candidate's side of the
 * edit with the kept word on either side of it, in order (production words it so too).
 */
function saidByBaseline(e: SentenceEdit, baselines: readonly FactSheet[]): boolean {
  const run = inContext(e, e.to).map((t) => t.lower);
  if (run.length < 2) return false;
  return baselines.some((b) =>
    b.clauses.some((c) => {
      const t = c.tokens;
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
function claims(e: SentenceEdit, candidate: FactSheet): boolean {
  const t = e.to[0] ?? e.after ?? e.before;
  const c = candidate.clauses.find((x) => t !== undefined && x.tokens.includes(t));
  return c === undefined || !(c.framing || isPreamble(c));
}

/** A fact difference found in an edited sentence, with the candidate sentence it is in. */
export type EditDifference = Omit<Difference, 'path'> & { readonly sentence: number };

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
): EditDifference[] {
  const out: EditDifference[] = [];
  const production = [original, ...baselines];
  const negated = (side: readonly ClauseToken[]): boolean => side.some((t) => isNegationWord(t.lower));
  for (const copy of nearCopies(original, candidate, maxClauses)) {
    const flip = flipEdit(copy);
    if (flip !== undefined && claims(flip, candidate)) {
      out.push(difference('polarity_flip', 'fact:polarity', copy, flip, saidByBaseline(flip, baselines)));
      continue;
    }
    const modal = copy.edits.find((e) => changesModality(e, negated));
    if (modal !== undefined && claims(modal, candidate)) {
      out.push(difference('modality_change', 'fact:modality', copy, modal, saidByBaseline(modal, baselines)));
      continue;
    }
    for (const e of copy.edits) {
      const item = addedItem(e, production);
      if (item === undefined || !claims(e, candidate)) continue;
      out.push({
        kind: 'added_claim',
        key: 'fact:claim',
        severity: 'high',
        message: `adds "${item}" to "${clip(sentenceText(candidate, copy.sentence))}" (no production answer names it)`,
        candidate: sentenceText(candidate, copy.sentence),
        sentence: copy.sentence,
      });
      break;
    }
  }
  return out;
}

function difference(
  kind: 'polarity_flip' | 'modality_change',
  key: string,
  copy: NearCopy,
  e: SentenceEdit,
  varies: boolean,
): EditDifference {
  const { from, to } = evidence(e);
  return {
    kind,
    key,
    severity: 'high',
    message: `${from} → ${to}`,
    original: said(copy.original),
    candidate: said(copy.candidate),
    sentence: copy.sentence,
    ...(varies ? { explainedByNoise: true } : {}),
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
