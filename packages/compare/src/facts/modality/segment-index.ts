import { dice, type ModalSegment } from './modal-segments.js';

/**
 * An answer's stretches indexed by content word, so the stretch closest to another is found by
 * counting the words each shares with it, not by comparing it with every stretch (modal-shift.ts
 * compared every candidate stretch with every original one, word by word: 4 % of a chat pair's
 * profile). Its lists are typed arrays, one map of words: an index made per comparison costs the
 * collector little.
 */
export class SegmentIndex {
  /** Each word's last entry in `#segment` / `#next`. */
  readonly #last = new Map<string, number>();
  /** Per entry, the stretch it counts and the word's entry before it (-1: none). */
  readonly #segment: Int32Array;
  readonly #next: Int32Array;
  /** Words shared with the stretch asked about, per stretch (zeroed again after each question). */
  readonly #shared: Int32Array;

  constructor(
    readonly segments: readonly ModalSegment[],
    /** The fewest shared words of a pairing. */
    readonly minShared: number,
  ) {
    let entries = 0;
    for (const s of segments) entries += s.content.length;
    this.#segment = new Int32Array(entries);
    this.#next = new Int32Array(entries);
    this.#shared = new Int32Array(segments.length);
    let e = 0;
    for (let k = 0; k < segments.length; k++)
      for (const w of (segments[k] as ModalSegment).content) {
        const last = this.#last.get(w);
        // A word twice in one stretch counts once, as `includes` does in modal-segments.ts `overlap`.
        if (last !== undefined && this.#segment[last] === k) continue;
        this.#segment[e] = k;
        this.#next[e] = last ?? -1;
        this.#last.set(w, e);
        e++;
      }
  }

  /**
   * The position of the stretch sharing the most words with `s` (Dice; the first of equals), if it
   * shares `minShared` words at least and overlaps it by `min`; -1 if none: `overlap` against each
   * stretch in turn.
   */
  closest(s: ModalSegment, min: number): number {
    const shared = this.#shared;
    for (const w of s.content)
      for (let e = this.#last.get(w) ?? -1; e >= 0; e = this.#next[e] ?? -1) {
        const k = this.#segment[e] ?? 0;
        shared[k] = (shared[k] ?? 0) + 1;
      }
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < shared.length; k++) {
      const n = shared[k] ?? 0;
      if (n === 0) continue;
      shared[k] = 0;
      if (n < this.minShared) continue;
      const score = dice(n, s, this.segments[k] as ModalSegment);
      if (score >= min && score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }
}
