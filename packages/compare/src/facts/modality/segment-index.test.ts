import { describe, expect, it } from 'vitest';
import { openTextCases } from '../../../test/open-text-cases.js';
import { currentWordIds } from '../../text/word-ids.js';
import { factSheetWith } from '../clauses/fact-sheet.js';
import { closestStretch, type ModalSegment, modalSegments } from './modal-segments.js';
import { SegmentIndex } from './segment-index.js';

// SegmentIndex finds the stretch closest to another by counting shared words through an index; it
// must find what comparing the stretch with every stretch in turn (`closestStretch`) finds: the same
// stretch, the first of equals, none below the thresholds.

/** Stretches of two answers read with one word table. */
function stretchesOf(a: string, b: string): [ModalSegment[], ModalSegment[]] {
  const words = currentWordIds();
  return [modalSegments(factSheetWith(a, words), 200), modalSegments(factSheetWith(b, words), 200)];
}

describe('SegmentIndex', () => {
  it('finds the first of equally close stretches, and none sharing fewer words than asked', () => {
    const [ours, theirs] = stretchesOf(
      'Pets are welcome in the garden rooms. Pets are welcome in the garden rooms, for a fee.',
      'Pets are welcome in the garden rooms.',
    );
    const c = theirs[0] as ModalSegment;
    const index = new SegmentIndex(ours, 2);
    expect(index.closest(c, 0.5)).toBe(0);
    expect(ours[index.closest(c, 0.5)]).toBe(closestStretch(c, ours, 2, 0.5));
    // Asked again (its counts are reset between questions), and at thresholds none meets.
    expect(index.closest(c, 0.5)).toBe(0);
    expect(new SegmentIndex(ours, 9).closest(c, 0.5)).toBe(-1);
  });

  it('finds what comparing every stretch finds, on the open sets (both ways, two thresholds)', () => {
    const cases = openTextCases();
    expect(cases.length).toBeGreaterThan(1000);
    const differing: string[] = [];
    let found = 0;
    for (const k of cases) {
      const [ours, theirs] = stretchesOf(k.original, k.candidate);
      for (const [from, to] of [
        [theirs, ours],
        [ours, theirs],
      ] as const) {
        const index = new SegmentIndex(to, 2);
        for (const s of from)
          for (const min of [0.5, 0.3]) {
            const want = closestStretch(s, to, 2, min);
            if (want !== undefined) found++;
            const got = to[index.closest(s, min)];
            if (got !== want) differing.push(`${s.tokens.map((t) => t.core).join(' ')}: ${got?.clause.text} / ${want?.clause.text}`);
          }
      }
    }
    expect(found).toBeGreaterThan(1000);
    expect(differing.slice(0, 3)).toEqual([]);
  }, 120_000);
});
