import { holdsCue } from './clause-cues.js';
import { clip } from './clip-text.js';
import type { SentenceDifference } from './divergence-report.js';
import type { FactSheet } from './fact-sheet.js';
import { type ModalSegment, modalCue, modalSegments, overlap } from './modal-segments.js';
import { possibility } from './polarity-words.js';

// An obligation said again as advice or a possibility, or the other way round, in a stretch of a
// reworded clause: "You need to be a confident swimmer" → "It helps to be a confident swimmer",
// "Vehicles must be booked in advance" → "Booking in advance is recommended for vehicles", "someone
// must be there to receive it" → "we'd recommend having someone there to receive it". The clause
// rules read the modal of whole clauses, which a second modal in the same clause hides
// (modal-segments.ts); here the stretches of the two answers are paired by the words they share, and
// a necessity on one side where the other advises or permits is a change of modality.

/** The fewest content words two stretches must share, and the least Dice overlap, to be one claim said twice. */
const minShared = 2;
const minOverlap = 0.5;
/** A baseline's stretch is the same claim at a looser overlap: production rewords too. */
const minBaselineOverlap = 0.3;

// Words opening a stretch that is a condition, a time or a reason for the claim beside it ("Before we
// can confirm the price, we'd have to…"): its modal is not the claim's.
const leading = new Set([
  'if',
  'unless',
  'because',
  'although',
  'though',
  'whether',
  'before',
  'after',
  'when',
  'once',
  'until',
  'while',
  'since',
  'as',
  'so',
]);
// Possibility words of ability or likelihood, not permission: "able to swim 50 m" grants nothing a "must" takes back.
const abilities = new Set(['able', 'possible', 'could', 'might']);

/** Where a stretch stands: `necessity` (an obligation, not a request's), `weaker` (advice or a permission), or null. */
function strength(s: ModalSegment): 'necessity' | 'weaker' | null {
  const p = s.polarity;
  if (p.negated || p.forbids === true || leading.has(s.tokens[0]?.lower ?? '')) return null;
  if (p.modality === 'necessity') return p.request === true ? null : 'necessity';
  if (p.modality === 'advice') return 'weaker';
  return p.modality === 'possibility' && s.tokens.some((t) => possibility.has(t.lower) && !abilities.has(t.lower)) ? 'weaker' : null;
}

/** The stretch of `among` sharing the most words with `s` (Dice), if it is the same claim at `min`. */
function closest(s: ModalSegment, among: readonly ModalSegment[], min: number): ModalSegment | undefined {
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

/**
 * Stretches of candidate clauses whose modal stands on the other side of necessity from the
 * original's stretch they pair with (both ways, 2+ shared words, Dice >= 0.5): a `modality_change`
 * each, with its sentence. Noise where a baseline's stretch close to either says it the candidate's way.
 */
export function modalShifts(original: FactSheet, candidate: FactSheet, baselines: readonly FactSheet[], max: number): SentenceDifference[] {
  if (!holdsCue(candidate, modalCue) || !holdsCue(original, modalCue)) return [];
  const ours = modalSegments(original, max);
  const theirs = modalSegments(candidate, max);
  const out: SentenceDifference[] = [];
  // The baselines' stretches, read once where a shift is found (most pairs have none).
  let produced: ModalSegment[][] | undefined;
  for (const c of theirs) {
    const to = strength(c);
    if (to === null) continue;
    const o = closest(c, ours, minOverlap);
    if (o === undefined || closest(o, theirs, minOverlap) !== c) continue;
    const from = strength(o);
    if (from === null || from === to) continue;
    // The candidate keeps the original's modal in another stretch of the clause ("…, we'd have to carry
    // out a survey"), or the original says the candidate's in another stretch of the same claim (a short
    // answer joins "can borrow it after training" and "training is required" into one): no claim moved.
    if (theirs.some((x) => x !== c && x.clause === c.clause && strength(x) === from)) continue;
    if (ours.some((x) => x !== o && strength(x) === to && overlap(c, x).shared >= minShared && overlap(c, x).score >= minBaselineOverlap))
      continue;
    // Production varies where a baseline's stretch of the same claim stands where the candidate's does.
    produced ??= baselines.map((b) => modalSegments(b, max));
    const varies = produced.some((segs) =>
      [c, o].some((x) => {
        const q = closest(x, segs, minBaselineOverlap);
        return q !== undefined && strength(q) === to;
      }),
    );
    out.push({
      kind: 'modality_change',
      key: 'fact:modality',
      severity: 'high',
      message: `"${clip(o.clause.text)}" → "${clip(c.clause.text)}"`,
      original: o.clause.text,
      candidate: c.clause.text,
      sentence: c.clause.sentence,
      ...(varies ? { explainedByNoise: true } : {}),
    });
  }
  return out;
}
