import { defineCue, holdsCue } from '../clauses/clause-cues.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { type ClausePolarity, clausePolarity } from '../polarity/clause-polarity.js';
import { advice, necessity, possibility } from '../polarity/polarity-words.js';
import { adviceFrameWords } from './advice-frame.js';

// A clause read as a whole holds one modality, and a clause that says two things in two modals
// holds none: "You need to be a confident swimmer, able to swim 50 m" is a necessity beside an
// ability, read as neither; "Booking in advance is recommended for vehicles, and foot passengers can
// buy tickets" is advice beside a permission, read as a permission. Read stretch by stretch (parted
// at a comma, a semicolon, a colon or a dash), each part keeps its own modal: what a rule comparing
// the modal scale of two reworded claims pairs and compares.

/** A stretch of a clause between marks of punctuation, with its modal reading and its content words. */
export interface ModalSegment {
  readonly clause: ClauseFacts;
  readonly tokens: readonly ClauseToken[];
  readonly polarity: ClausePolarity;
  /** Folded content words, each once. */
  readonly content: readonly string[];
}

/** Words of the modal scale (polarity-words.ts) and of advice frames: a clause without one has no modal stretch. */
export const modalCue = defineCue('modal', (w) => necessity.has(w) || advice.has(w) || possibility.has(w) || adviceFrameWords.has(w));

const dashes = new Set(['—', '–', '-']);
const stops = new Set([',', ';', ':']);

/** A clause's stretches: parted after a comma, semicolon or colon, and at a dash standing alone; a word alone joins the stretch before. */
function stretches(tokens: readonly ClauseToken[]): ClauseToken[][] {
  const out: ClauseToken[][] = [];
  let run: ClauseToken[] = [];
  for (const t of tokens) {
    if (dashes.has(t.core)) {
      if (run.length > 0) out.push(run);
      run = [];
      continue;
    }
    run.push(t);
    if (t.after !== undefined && stops.has(t.after)) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  // A word alone after a comma belongs to the stretch before it: "…within 60 minutes, guaranteed".
  for (let i = out.length - 1; i > 0; i--) {
    const lone = out[i];
    const before = out[i - 1];
    if (lone !== undefined && before !== undefined && lone.length === 1) {
      before.push(...lone);
      out.splice(i, 1);
    }
  }
  return out;
}

/** The folded content words of a run of tokens, each once. */
function contentOf(tokens: readonly ClauseToken[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) for (const w of contentWords(t.lower)) out.add(w);
  return [...out];
}

/**
 * The stretches of the first `max` clauses of a sheet, conditions and talk about the conversation
 * left out: a clause holding a word of `cues` (by default {@link modalCue}) parted, each stretch read
 * by {@link clausePolarity}; any other clause whole.
 */
export function modalSegments(sheet: FactSheet, max: number, cues = modalCue): ModalSegment[] {
  const out: ModalSegment[] = [];
  for (const clause of sheet.clauses.slice(0, max)) {
    if (clause.condition || clause.framing) continue;
    const parts = holdsCue(clause, cues) ? stretches(clause.tokens) : [];
    // A clause not parted (no such word, or no mark to part it at) is read as the clause was.
    if (parts.length < 2) {
      out.push({ clause, tokens: clause.tokens, polarity: clause.polarity, content: [...clause.contentSet] });
      continue;
    }
    for (const tokens of parts) out.push({ clause, tokens, polarity: clausePolarity(tokens), content: contentOf(tokens) });
  }
  return out;
}

/** The words two stretches share, and their Dice overlap. */
export function overlap(a: ModalSegment, b: ModalSegment): { readonly shared: number; readonly score: number } {
  let shared = 0;
  for (const w of a.content) if (b.content.includes(w)) shared++;
  return { shared, score: dice(shared, a, b) };
}

/** The Dice overlap of two stretches sharing `shared` words. */
export function dice(shared: number, a: ModalSegment, b: ModalSegment): number {
  const total = a.content.length + b.content.length;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The stretch of `among` sharing the most words with `s` (Dice; the first of equals), if it shares
 * `minShared` words at least and overlaps it by `min`: {@link overlap} against each in turn (for a
 * few stretches; segment-index.ts finds the same among many).
 */
export function closestStretch(s: ModalSegment, among: readonly ModalSegment[], minShared: number, min: number): ModalSegment | undefined {
  let best: ModalSegment | undefined;
  let bestScore = 0;
  for (const x of among) {
    const o = overlap(s, x);
    if (o.shared >= minShared && o.score >= min && o.score > bestScore) {
      best = x;
      bestScore = o.score;
    }
  }
  return best;
}
