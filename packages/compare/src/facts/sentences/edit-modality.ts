import type { ClauseToken } from '../clauses/split-clauses.js';
import { typicalAdverbs } from '../modality/frequency-words.js';
import { languageModal, mayBeLanguageModal } from '../modality/language-modals.js';
import { advice, necessity, possibility } from '../polarity/polarity-words.js';
import type { SentenceEdit } from './sentence-edits.js';

// Where an edit to a kept sentence moves its claim on the modal scale (must > should > may) or on
// the scale of certainty (may / should / usually < will definitely / guaranteed): "is required
// before" → "is recommended before", "should arrive by Friday" → "will definitely arrive by Friday".

// Words that state an outcome as certain; a plain "will" states it as plainly as the present does.
const certain = new Set(['definitely', 'certainly', 'guaranteed', 'guarantee', 'guarantees', 'surely', 'assured', 'undoubtedly']);
// Words that hedge an outcome: expected, not promised.
const hedged = new Set(['should', 'may', 'might', 'could', 'likely', 'probably', ...typicalAdverbs, 'expected', 'expect', 'hopefully']);

// Words that are modal only in a phrase, read with their neighbours by `phraseScale`: "you're welcome
// to" grants, "it's a good idea to" / "it's best to" / "wise to" advise, "is essential" obliges.
const phraseWords = new Set(['welcome', 'idea', 'best', 'wise', 'essential', 'compulsory', 'obliged', 'obligated']);

/** Whether a word is one {@link changesModality} reads: a modal of either scale, or a word of certainty or hedging. */
export function isModalWord(w: string): boolean {
  return (
    necessity.has(w) ||
    advice.has(w) ||
    possibility.has(w) ||
    certain.has(w) ||
    hedged.has(w) ||
    phraseWords.has(w) ||
    mayBeLanguageModal(w)
  );
}

/** Where a word of {@link phraseWords} stands on the modal scale between `prev` and `next` (0: not modal here). */
function phraseScale(w: string, prev: string | undefined, next: string | undefined): number {
  if (w === 'compulsory' || w === 'obliged' || w === 'obligated' || (w === 'essential' && next === 'to')) return 3;
  if (w === 'idea') return prev === 'good' || prev === 'smart' || prev === 'wise' ? 2 : 0;
  if (w === 'best' || w === 'wise') return next === 'to' ? 2 : 0;
  if (w === 'welcome') return next === 'to' ? 1 : 0;
  return 0;
}

/** The most words one side of an edit may have to be read as a modal swapped for another. */
const maxModalWords = 6;

/** Where a run of words stands on the modal scale: 3 necessity, 2 advice, 1 possibility, 0 none. */
function scale(side: readonly ClauseToken[], before: ClauseToken | undefined, after: ClauseToken | undefined): number {
  let best = 0;
  side.forEach((t, i) => {
    const w = t.lower;
    const next = (side[i + 1] ?? after)?.lower;
    if (phraseWords.has(w)) {
      best = Math.max(best, phraseScale(w, (side[i - 1] ?? before)?.lower, next));
      return;
    }
    // "have"/"has"/"need" oblige only before "to" ("need to bring"; "need a referral" states a need, as "must" would,
    // but "has a pool" does not).
    if (necessity.has(w) && (!(w === 'have' || w === 'has' || w === 'had') || next === 'to')) best = Math.max(best, 3);
    else if (advice.has(w)) best = Math.max(best, 2);
    else if (possibility.has(w)) best = Math.max(best, 1);
    else best = Math.max(best, languageModal(w, (side[i - 1] ?? before)?.lower, next));
  });
  return best;
}

/** Whether a run of words states an outcome as certain (1), hedges it (-1), or neither (0). */
function certainty(side: readonly ClauseToken[]): number {
  if (side.some((t) => certain.has(t.lower))) return 1;
  if (side.some((t) => hedged.has(t.lower))) return -1;
  return 0;
}

/**
 * Whether an edit of a kept sentence swaps a modal for one of another strength: both sides a short
 * phrase with no negation (a negation is a flip, read apart), standing at two points of the modal
 * scale (`required` → `recommended`, `can` → `must`), or one certain where the other hedges
 * (`should` → `will definitely`, `should` → `is guaranteed to`).
 */
export function changesModality(e: SentenceEdit, negates: (side: readonly ClauseToken[]) => boolean): boolean {
  if (e.from.length === 0 || e.to.length === 0 || e.from.length > maxModalWords || e.to.length > maxModalWords) return false;
  if (negates(e.from) || negates(e.to)) return false;
  const a = scale(e.from, e.before, e.after);
  const b = scale(e.to, e.before, e.after);
  if (a !== 0 && b !== 0 && a !== b) return true;
  return certainty(e.from) * certainty(e.to) === -1;
}

/**
 * The edit that puts a modal of another strength in where other edits of the same kept sentence
 * took the original's modal out: the modal moved within the sentence as it changed ("kell
 * visszahozni" → "érdemes … visszahozni", "must be worn at all times" → "at all times you may
 * wear"). Read only where no edit alone {@link changesModality}, every edit is short and none negates.
 */
export function movedModal(edits: readonly SentenceEdit[], negates: (side: readonly ClauseToken[]) => boolean): SentenceEdit | undefined {
  if (
    edits.length < 2 ||
    edits.some((e) => e.from.length > maxModalWords || e.to.length > maxModalWords || negates(e.from) || negates(e.to))
  )
    return undefined;
  const removed = edits.flatMap((e) => e.from);
  const added = edits.flatMap((e) => e.to);
  const a = scale(removed, undefined, undefined);
  const b = scale(added, undefined, undefined);
  if (a === 0 || b === 0 || a === b) return undefined;
  return edits.find((e) => scale(e.to, e.before, e.after) === b);
}
