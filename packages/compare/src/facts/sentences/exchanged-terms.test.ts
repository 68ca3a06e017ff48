import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const original =
  'The gym is open 6:00-22:00. Members with a day pass are welcome in the upper studios but are asked to use the lower studios at peak times. Towels are $2.';

describe('two terms that exchange places in a sentence', () => {
  it('is a changed fact where each now stands where the other stood, before the same head word', () => {
    expect(
      judged(
        original,
        'The gym is open 6:00-22:00. Day-pass members are welcome in the lower studios, but we ask them to use the upper studios at peak times. Towels are $2.',
      ),
    ).toEqual(['fact_changed: upper → lower, lower → upper (the two terms exchange places)']);
  });

  it('is noise where a baseline says it the candidate’s way, and nothing where the sentence only reorders a list', () => {
    const candidate =
      'The gym is open 6:00-22:00. Day-pass members are welcome in the lower studios, but we ask them to use the upper studios at peak times. Towels are $2.';
    expect(
      judged(original, candidate, ['Open 6-22. Day passes: welcome in the lower studios; at peak times use the upper studios. Towels $2.']),
    ).toEqual([]);
    expect(judged('Lockers hold coats and bags for $1 a day.', 'Lockers hold bags and coats for $1 a day.')).toEqual([]);
  });
});
