import { addedItem } from './added-list-item.js';
import { isPreamble } from './claim-framing.js';
import { isNegationCue } from './clause-polarity.js';
import { contentWords } from './content-words.js';
import { directionDiffers } from './direction-differs.js';
import type { Difference } from './divergence-report.js';
import { changesModality } from './edit-modality.js';
import type { FactSheet } from './fact-sheet.js';
import { freeCompoundNoun } from './free-compound.js';
import { hasNegatingPrefix, withoutNegatingPrefix } from './negating-prefix.js';
import { cessations, comparatives, failures, omissions, priceWords } from './polarity-words.js';
import { type NearCopy, nearCopies, type SentenceEdit } from './sentence-edits.js';
import type { ClauseToken } from './split-clauses.js';

// What an edit to a kept sentence changes (sentence-edits.ts finds the edits). Only the edited
// words are read, so a negation the clause splitter attached to the wrong clause, or a negation of
// another language whose paraphrases no rule reads, still counts where it was added or taken away.

// Negations of other languages that no English cue spells. Read only inside an edit, where the rest
// of the sentence is kept word for word: as cues of whole clauses they made paraphrases read as flips
// (docs/benchmarks.md, "-free" rule). French "ne" is left out: "pas"/"jamais" already count once.
const otherNegations = new Set([
  'non',
  'niet',
  'geen',
  'nooit',
  'inte',
  'ingen',
  'aldrig',
  'ej',
  'ikke',
  'aldri',
  'nigdy',
  'żaden',
  'nem',
  'ei',
  'değil',
  'не',
  'нет',
  'никогда',
]);

// "no problem", "no worries": a reassurance, not a negation of the claim.
const reassurances = new Set(['problem', 'problems', 'worries', 'worry', 'rush', 'trouble']);

// Words an added or removed negation may come with ("do need", "no longer", "not ever").
const negationFillers = new Set(['do', 'does', 'did', 'longer', 'ever', 'at', 'all']);

// Words a negator may stand before and still govern the word after them ("isn't really needed").
const governedAfter = new Set([
  'be',
  'been',
  'being',
  'is',
  'are',
  'was',
  'were',
  'really',
  'actually',
  'even',
  'any',
  'a',
  'an',
  'the',
  'to',
]);
// Subjects, relatives and auxiliaries after which "miss" is the clause's verb ("if you miss the deadline").
const omitters = new Set('i you he she it we they that who which will would can could may might should must do does did to'.split(' '));

/** Whether a word is a syntactic negator: it negates the word it governs, not a meaning of its own. */
function negator(w: string): boolean {
  return w === 'not' || w === 'never' || w === 'no' || w.endsWith("n't");
}

/**
 * Whether the negator at `i` governs a word the edit replaces: the next content word after it is in
 * its side and the other side says no word of that stem ("don't feed her" → "hold her food", "not
 * included" → "available"). The negation then bears on another predicate than the other side's,
 * which may well say the same thing its own way (negation-scope.ts reads clauses alike).
 */
function governsReplaced(side: readonly ClauseToken[], i: number, other: readonly ClauseToken[]): boolean {
  let k = i + 1;
  while (k < side.length && governedAfter.has(side[k]?.lower ?? '')) k++;
  const governed = side[k];
  if (governed === undefined) return false;
  const stems = contentWords(governed.lower);
  if (stems.length === 0) return false;
  if (other.some((t) => contentWords(t.lower).some((w) => stems.includes(w)))) return false;
  // The other side negates in its own word ("you miss" / "you don't meet", "is unaffected" / "isn't
  // affected") or names the governed word's opposite ("not enabled" / "disabled"): the negation counts.
  return !other.some((t) => deniesItself(t.lower, side) || directionDiffers([governed], [t]));
}

/** Whether a word negates in itself: a cue, a verb of missing or failing, or a word negated by its prefix whose plain form `other` says. */
function deniesItself(w: string, other: readonly ClauseToken[]): boolean {
  if (isNegationCue(w) || otherNegations.has(w) || omissions.has(w) || failures.has(w)) return true;
  if (!hasNegatingPrefix(w)) return false;
  const plain = withoutNegatingPrefix(w);
  return other.some((x) => plain.includes(x.lower));
}

/**
 * Whether the token at `i` of `side` is a negation: a cue, "free" in its price sense, a verb of
 * failing or missing before what it denies, a word negated by its prefix whose plain form the other
 * side says ("isn't affected" → "is unaffected"), or another language's "not".
 */
function negates(
  side: readonly ClauseToken[],
  i: number,
  context: { readonly before: ClauseToken | undefined; readonly after: ClauseToken | undefined },
  other: readonly ClauseToken[] | undefined,
): boolean {
  const t = side[i];
  const w = t?.lower ?? '';
  const next = (side[i + 1] ?? context.after)?.lower;
  // "no later than", "no more than" bound a value; "No," replies; "no problem" / "no worries" reassure.
  if (w === 'no' && (comparatives.has(next ?? '') || (t?.after ?? '') !== '' || reassurances.has(next ?? ''))) return false;
  // "neither … nor": "nor" continues the negation "neither" (or a "not") opened.
  if (w === 'nor') return false;
  // "not only … but also" adds.
  if (w === 'not' && next === 'only') return false;
  // "free" is a negation ("no charge") only against a word of price ("is free" / "costs $20").
  if (w === 'free') return next !== 'to' && other !== undefined && other.some((x) => priceWords.has(x.lower));
  // A "-free" compound denies its noun only where the other side says the noun (free-compound.ts
  // reads its scope); "hassle-free" / "easy" is one thing said two ways.
  if (freeCompoundNoun(w) !== undefined) return false;
  if (failures.has(w)) return next === 'to';
  if (cessations.has(w)) return (next ?? '').endsWith('ing');
  if (omissions.has(w)) return omitters.has((side[i - 1] ?? context.before)?.lower ?? '') && next !== undefined;
  if (other !== undefined && hasNegatingPrefix(w) && !isNegationCue(w)) {
    const plain = withoutNegatingPrefix(w);
    return other.some((x) => plain.includes(x.lower));
  }
  if (negator(w) && other !== undefined && governsReplaced(side, i, other)) return false;
  return isNegationCue(w) || otherNegations.has(w);
}

function negations(side: readonly ClauseToken[], e: SentenceEdit, other: readonly ClauseToken[]): number {
  let n = 0;
  for (let i = 0; i < side.length; i++) if (negates(side, i, e, other)) n++;
  return n;
}

/** The most words one side of an edit may have for the edit to be read as a flip (a phrase, not a clause). */
const maxFlipWords = 5;

/** Whether an edit is a phrase swapped for another, or a negation added or removed alone (`not`, `never`, `no longer`). */
function phrase(e: SentenceEdit): boolean {
  if (e.from.length > maxFlipWords || e.to.length > maxFlipWords) return false;
  if (e.from.length > 0 && e.to.length > 0) return true;
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
  const negated = (side: readonly ClauseToken[]): boolean => side.some((t) => isNegationCue(t.lower) || otherNegations.has(t.lower));
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
