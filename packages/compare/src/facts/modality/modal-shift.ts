import { clip } from '../../report/clip-text.js';
import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { SentenceDifference } from '../../report/divergence-report.js';
import { holdsCue } from '../clauses/clause-cues.js';
import type { FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { possibility, subordinators } from '../polarity/polarity-words.js';
import { hedgesOutcome } from './epistemic-hedge.js';
import { hedgesByFrequency } from './frequency-hedge.js';
import { modalOutsideMainPart, timeSubordinators } from './main-modality.js';
import { closestStretch, type ModalSegment, modalCue, modalSegments, overlap } from './modal-segments.js';
import { certaintyCue } from './reworded-hedge.js';
import { SegmentIndex } from './segment-index.js';

// An obligation said again as advice or a possibility, or the other way round, in a stretch of a
// reworded clause: "You need to be a confident swimmer" → "It helps to be a confident swimmer",
// "Vehicles must be booked in advance" → "Booking in advance is recommended for vehicles", "someone
// must be there to receive it" → "we'd recommend having someone there to receive it"; or an outcome
// hedged or disclaimed said again for certain: "We can't guarantee an exact colour match" → "We'll
// match the colour exactly", "should reach you within 60 minutes" → "will reach you within 60
// minutes, guaranteed". The clause rules read the modal of whole clauses, which a second modal in the
// same clause hides (modal-segments.ts); here the stretches of the two answers are paired by the words
// they share, and compared on each scale.

/** The fewest content words two stretches must share, and the least Dice overlap, to be one claim said twice. */
const minShared = 2;
const minOverlap = 0.5;
/** A baseline's stretch is the same claim at a looser overlap: production rewords too. */
const minBaselineOverlap = 0.3;

// Words opening a stretch that is a condition, a time or a reason for the claim beside it ("Before we
// can confirm the price, we'd have to…"): its modal is not the claim's.
const leading: ReadonlySet<string> = new Set([...subordinators, ...timeSubordinators, 'when', 'while', 'since', 'as']);
// Possibility words of ability or likelihood, not permission: "able to swim 50 m" grants nothing a "must" takes back.
const abilities = new Set(['able', 'possible', 'could', 'might']);

/** A scale: where a stretch stands on it (null: nowhere comparable), and which moves along it are a change. */
interface Scale {
  readonly read: (s: ModalSegment) => number | null;
  readonly moved: (from: number, to: number) => boolean;
  /** Where a baseline's stretch of the same claim stands when it reads nowhere: a plain statement states as plainly as "will". */
  readonly plain: number | null;
}

/** The modal scale: 2 an obligation (not a request's), 1 advice or a permission; any move across necessity. */
const deontic: Scale = {
  read(s) {
    const p = s.polarity;
    if (p.negated || p.forbids === true || leading.has(s.tokens[0]?.lower ?? '')) return null;
    if (p.modality === 'necessity') return p.request === true ? null : 2;
    if (p.modality === 'advice') return 1;
    return p.modality === 'possibility' && s.tokens.some((t) => possibility.has(t.lower) && !abilities.has(t.lower)) ? 1 : null;
  },
  moved: (from, to) => from !== to,
  plain: null,
};

// Words that state an outcome for certain: "will" / "we'll" plainly, the others as a promise.
const strong = new Set(['always', 'guaranteed', 'guarantee', 'guarantees', 'definitely', 'certainly']);
// Words of a promise, which a negation before them disclaims ("we can't guarantee an exact match").
const promises = new Set(['promise', 'promised', 'guarantee', 'guaranteed', 'assure', 'assured', 'commit', 'committed']);
// Words of effort: "we'll try to match it" promises the attempt, not the outcome.
const efforts = new Set(['try', 'aim', 'attempt', 'hope', 'best']);
const people = new Set(['you', 'we', 'i']);

const negator = (w: string): boolean => w === 'not' || w === 'no' || w === 'never' || w === 'cannot' || w.endsWith("n't");
// Words before a word of promise that make it a noun of something else: "run on commit", "at each guarantee check".
const nounBefore = new Set(['on', 'at', 'in', 'of', 'per', 'by', 'before', 'after', 'upon', 'each', 'every']);

/** Whether token `x` at `i` is a promise disclaimed: a word of promise after a negation ("we can't guarantee"), not a noun after a preposition ("won't run on commit"). */
function disclaims(t: readonly ClauseToken[], x: ClauseToken, i: number): boolean {
  if (!promises.has(x.lower) || nounBefore.has(t[i - 1]?.lower ?? '')) return false;
  return t.slice(Math.max(0, i - 3), i).some((y) => negator(y.lower));
}

/**
 * An adverb of frequency at `i`: "most" is a quantity of the subject ("Most mirrors can be
 * resilvered"), not of how sure the outcome is. (A module function: tsx names a named closure
 * made per call with an Object.defineProperty, a cost on every reading.)
 */
function usual(t: readonly ClauseToken[], x: ClauseToken, i: number): boolean {
  return x.lower !== 'most' && hedgesByFrequency(t, i);
}

/**
 * The scale of certainty: -0.5 "might", 0 a likelihood that may also grant ("may", "could") or a
 * promise disclaimed ("can't guarantee", "can't promise"), 1 a word of frequency or an expectation
 * ("should" with a subject other than the reader or the speaker), 1.5 what can be done ("can be
 * moved"), 2 a plain statement (no modal), 2.5 "will", 3 a promise
 * ("always", "guaranteed"); not negated, no word of effort. A change where the candidate states for
 * certain what the original hedged, two steps up at least ("usually" → "will" is how paraphrases drop
 * a hedge, "usually" → "always" is not; "may" → a plain statement likewise), or says as a likelihood
 * what the original stated plainly ("2 missed payments cancel the plan" → "two missed payments may
 * lead to the plan being cancelled"), or as "might" what the original says can be done ("can be
 * moved" → "might be moved"; "may" there is a permission as often). A plain statement said "usually" is left to rewordedHedges
 * (reworded-hedge.ts), whose guards a stretch lacks: read here, it cost six false alarms for one catch.
 */
const certainty: Scale = {
  read(s) {
    const t = s.tokens;
    if (leading.has(t[0]?.lower ?? '')) return null;
    if (t.some((x, i) => disclaims(t, x, i))) return 0;
    // "might" only hedges; "may" and "could" may grant or offer as well.
    if (t.some((_, i) => hedgesOutcome(t, i))) return t.some((x, i) => x.lower === 'might' && hedgesOutcome(t, i)) ? -0.5 : 0;
    if (t.some((x, i) => usual(t, x, i) || (x.lower === 'should' && i > 0 && !people.has(t[i - 1]?.lower ?? '')))) return 1;
    // A denial said for certain ("the hooks won't run until you do", "it will never expire") states its
    // outcome as surely as "will" does: said "might not", it is hedged as a promise would be.
    if (denied(s))
      return t.some((x, i) => x.lower === "won't" || x.lower === 'never' || (x.lower === 'will' && negator(t[i + 1]?.lower ?? '')))
        ? 2.5
        : null;
    if (t.some((x) => efforts.has(x.lower))) return null;
    if (t.some((x) => strong.has(x.lower))) return 3;
    if (t.some((x) => x.lower === 'will' || x.lower.endsWith("'ll"))) return 2.5;
    if (s.polarity.modality === null) return 2;
    // What can be done ("Bookings can be moved up to 7 days before"), which only "might" makes uncertain.
    return s.polarity.modality === 'possibility' && t.some((x) => x.lower === 'can') ? 1.5 : null;
  },
  moved: (from, to) => (to >= 2.5 && to - from >= 2) || (from >= 2 && to <= 0) || (from === 1.5 && to < 0),
  plain: 2,
};

/**
 * Whether a stretch denies its outcome: negated, not by the price sense of "free" alone ("We recycle
 * the old battery at no charge" states the recycling plainly; "may be able to recycle it at no
 * charge" hedges it).
 */
function denied(s: ModalSegment): boolean {
  return s.polarity.free === true ? !s.polarity.negated : s.polarity.negated;
}

const scales: readonly Scale[] = [deontic, certainty];

// A reading not yet made, and a stretch that stands nowhere on a scale, in a side's readings.
const unread = Number.NaN;
const nowhere = Number.NEGATIVE_INFINITY;

/** One answer's stretches, indexed by word, with each stretch's reading on each scale made once (of a production answer: once per answer, sheet-reading.ts). */
class Stretches {
  readonly index: SegmentIndex;
  readonly #readings: Float64Array[];
  constructor(readonly segments: readonly ModalSegment[]) {
    this.index = new SegmentIndex(segments, minShared);
    this.#readings = scales.map(() => new Float64Array(segments.length).fill(unread));
  }

  /** Where stretch `k` stands on `scale`. */
  read(scale: Scale, k: number): number | null {
    const readings = this.#readings[scales.indexOf(scale)] as Float64Array;
    let at = readings[k] ?? unread;
    if (Number.isNaN(at)) {
      at = scale.read(this.segments[k] as ModalSegment) ?? nowhere;
      readings[k] = at;
    }
    return at === nowhere ? null : at;
  }
}

// A clause is parted where it holds a modal or a word of certainty: "…can't be matched exactly, so a mirror will look brighter".
const cues = modalCue | certaintyCue;

/** An answer's {@link Stretches} among its first `max` clauses. */
const readStretches = (sheet: FactSheet, max: number): Stretches => new Stretches(modalSegments(sheet, max, cues));

/** One side of a comparison: its answer's stretches, with each stretch's pairing with the other side made once. */
class Side {
  readonly segments: readonly ModalSegment[];
  readonly index: SegmentIndex;
  /** Per stretch, its closest stretch of the other side (-1: none; -2: not yet asked). */
  readonly #paired: Int32Array;
  constructor(readonly stretches: Stretches) {
    this.segments = stretches.segments;
    this.index = stretches.index;
    this.#paired = new Int32Array(stretches.segments.length).fill(-2);
  }

  /** Where stretch `k` stands on `scale`. */
  read(scale: Scale, k: number): number | null {
    return this.stretches.read(scale, k);
  }

  /** The position of the stretch of `other` closest to stretch `k` at {@link minOverlap} (-1: none). */
  pairedIn(other: Side, k: number): number {
    let found = this.#paired[k] ?? -2;
    if (found === -2) {
      found = other.index.closest(this.segments[k] as ModalSegment, minOverlap);
      this.#paired[k] = found;
    }
    return found;
  }
}

/** The stretches of one comparison: the original's, the candidate's, the baselines' read on first use. */
interface Pairing {
  readonly ours: Side;
  readonly theirs: Side;
  readonly baselines: () => readonly ModalSegment[][];
}

/**
 * Stretches of candidate clauses that stand elsewhere on the modal scale or the scale of certainty
 * than the original's stretch they pair with (both ways, 2+ shared words, Dice >= 0.5): a
 * `modality_change` each, with its sentence. Noise where a baseline's stretch close to either stands
 * where the candidate's does.
 */
export function modalShifts(original: FactSheet, candidate: FactSheet, baselines: readonly FactSheet[], max: number): SentenceDifference[] {
  // The candidate's stretch must stand somewhere on a scale; the original's may hedge by any word ("can't promise").
  if (!holdsCue(candidate, cues)) return [];
  const theirs = new Side(readStretches(candidate, max));
  // Most answers hold no stretch on either scale: the original is not read then.
  if (!theirs.segments.some((_, k) => theirs.read(deontic, k) !== null || theirs.read(certainty, k) !== null)) return [];
  // The baselines' stretches, read once where a shift is found (most pairs have none).
  let produced: ModalSegment[][] | undefined;
  const pairing: Pairing = {
    // The original's read once per answer (kept read across candidates).
    ours: new Side(sheetReading(original, max, readStretches)),
    theirs,
    baselines: () => {
      produced ??= baselines.map((b) => modalSegments(b, max, cues));
      return produced;
    },
  };
  const out: SentenceDifference[] = [];
  for (let k = 0; k < theirs.segments.length; k++) {
    const d = shift(k, pairing, deontic) ?? shift(k, pairing, certainty);
    if (d !== undefined) out.push(d);
  }
  return out;
}

/** The change of candidate stretch `k` on `scale` against the original's stretch it pairs with both ways, if any. */
function shift(k: number, { ours, theirs, baselines }: Pairing, scale: Scale): SentenceDifference | undefined {
  const to = theirs.read(scale, k);
  if (to === null) return undefined;
  const j = theirs.pairedIn(ours, k);
  if (j < 0 || ours.pairedIn(theirs, j) !== k) return undefined;
  const from = ours.read(scale, j);
  if (from === null || !scale.moved(from, to)) return undefined;
  const c = theirs.segments[k] as ModalSegment;
  const o = ours.segments[j] as ModalSegment;
  // One stretch's modal is a time clause's own ("before you can…"), the other's its main clause's: no claim moved.
  if (modalOutsideMainPart(c.tokens) !== modalOutsideMainPart(o.tokens)) return undefined;
  // The candidate keeps the original's modal in another stretch of the clause ("…, we'd have to carry
  // out a survey"; a plain statement beside it keeps nothing), or the original says the candidate's in
  // another stretch of the same claim (a short answer joins "can borrow it after training" and
  // "training is required" into one): no claim moved.
  if (from !== scale.plain && theirs.segments.some((x, at) => at !== k && x.clause === c.clause && theirs.read(scale, at) === from))
    return undefined;
  if (ours.segments.some((x, at) => at !== j && ours.read(scale, at) === to && near(c, x))) return undefined;
  // Production varies where a baseline's stretch of the same claim stands where the candidate's does;
  // the same claim both ways: a baseline's stretch closer to another of the original's says something else.
  const by = baselines().findIndex((all) => {
    const segs = all.filter((y) => ours.index.closest(y, minBaselineOverlap) === j);
    return [c, o].some((x) => {
      const q = closestStretch(x, segs, minShared, minBaselineOverlap);
      const at = q === undefined ? null : (scale.read(q) ?? (q.polarity.negated ? null : scale.plain));
      return at !== null && !scale.moved(at, to);
    });
  });
  return {
    kind: 'modality_change',
    key: 'fact:modality',
    severity: 'high',
    message: `"${clip(o.clause.text)}" → "${clip(c.clause.text)}"`,
    original: o.clause.text,
    candidate: c.clause.text,
    sentence: c.clause.sentence,
    ...excusedBy('modal-shift', byBaseline('a baseline stretch of the same claim', by)),
  };
}

/** Whether two stretches are near enough to be one claim said by production (its looser overlap). */
function near(c: ModalSegment, x: ModalSegment): boolean {
  const v = overlap(c, x);
  return v.shared >= minShared && v.score >= minBaselineOverlap;
}
