import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoSlots, WordIds } from '../../text/word-ids.js';
import { addedItem } from '../claims/added-list-item.js';
import { factSheet, factSheetWith } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { editCue, editCueBits } from './edit-cues.js';
import { changesModality } from './edit-modality.js';
import { diffEditedSentences, flipEdit, mayChange } from './edited-sentence.js';
import { nearCopies } from './sentence-edits.js';

// Words every edited-sentence rule reads (negations, modals, directions, "on"/"off" states, list
// conjunctions, "no extra") mixed with plain ones, so random edits hit each rule and its context.
const pool = (
  'the fee is not included and you must bring a form or may skip it on site off by default extra no without ' +
  'free charge unused used failed to stop paying open closed should will definitely never do need the desk ' +
  'two chairs table carpet, with soft drinks lunch before after more less'
).split(' ');

const sentence = fc.array(fc.constantFrom(...pool), { minLength: 3, maxLength: 14 }).map((w) => `${w.join(' ')}.`);

// What an edit puts in a word's place: a word's counterpart for each rule (or no word, or "not"
// added), or a few words of the pool.
const counterparts: Record<string, readonly string[]> = {
  open: ['closed'],
  closed: ['open'],
  before: ['after'],
  more: ['less'],
  included: ['extra', 'not included'],
  extra: ['included', 'no extra'],
  on: ['off'],
  off: ['on'],
  must: ['may', 'should'],
  should: ['will definitely', 'must'],
  not: [''],
  no: ['an'],
  used: ['unused'],
  free: ['$5'],
  table: ['table and two chairs', 'table, lunch'],
};
const edit = fc.oneof(
  fc.constant('counterpart'),
  fc.array(fc.constantFrom(...pool), { maxLength: 3 }).map((w) => w.join(' ')),
);

/** The shared start and end of two sentences' words, as nearCopies measures them. */
function ends(a: readonly ClauseToken[], b: readonly ClauseToken[]): { pre: number; suf: number } {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre]?.lower === b[pre]?.lower) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf]?.lower === b[b.length - 1 - suf]?.lower) suf++;
  return { pre, suf };
}

describe('the edited-sentence pre-filter', () => {
  it('keeps every sentence pair in which a rule finds a flip, a change of modality or an added item', () => {
    let fired = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(sentence, fc.nat(13), edit, fc.nat(1)), { minLength: 1, maxLength: 4 }), (parts) => {
        const words = new WordIds();
        // The candidate repeats each original sentence with a few words replaced at one place.
        const original = parts.map(([s]) => s).join(' ');
        const candidate = parts
          .map(([s, at, put, k]) => {
            const w = s.slice(0, -1).split(' ');
            const i = Math.min(at, w.length - 1);
            const word = w[i] ?? '';
            const options = counterparts[word];
            const by = put === 'counterpart' ? (options === undefined ? `not ${word}` : (options[k % options.length] ?? '')) : put;
            w.splice(i, 1, ...by.split(' ').filter((x) => x !== ''));
            return `${w.join(' ')}.`;
          })
          .join(' ');
        const o = factSheetWith(original, words);
        const c = factSheetWith(candidate, words);
        const memo = words.memo(memoSlots.editCue);
        const negated = (side: readonly ClauseToken[]): boolean => side.some((t) => (editCueBits(t, memo) & editCue.negation) !== 0);
        const keep = mayChange(memo);
        for (const copy of nearCopies(o, c, 200)) {
          const found =
            flipEdit(copy, memo) !== undefined || copy.edits.some((e) => changesModality(e, negated) || addedItem(e, [o]) !== undefined);
          if (!found) continue;
          fired++;
          const { pre, suf } = ends(copy.original, copy.candidate);
          expect(keep(copy.original, copy.candidate, pre, suf)).toBe(true);
        }
      }),
      { numRuns: 600, seed: 11 },
    );
    // The property said something: the rules fired on many of the generated pairs.
    expect(fired).toBeGreaterThan(100);
  });
});

describe('the edited-sentence rules behind the pre-filter', () => {
  const edits = (a: string, b: string): string[] =>
    diffEditedSentences(factSheet(a), factSheet(b), [], 200).map((d) => `${d.kind}: ${d.message}`);

  it('still read a state named by the context of a kept "on" or "off"', () => {
    // "on" and "off" are kept words; what was edited around them turns one state into the other.
    expect(edits('The lamp is on during lunch but the fan goes off.', 'The lamp is on the desk but the fan stays off.')).toEqual([
      'polarity_flip: on during lunch but → on the desk but',
    ]);
  });

  it('still read an item put before a kept "and"', () => {
    expect(edits('Carpet, one table and a lamp are included.', 'Carpet, one table, two chairs and a lamp are included.')).toEqual([
      'added_claim: adds "two chairs" to "Carpet, one table, two chairs and a lamp are included." (no production answer names it)',
    ]);
  });
});
