import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('antonym predicates without a negation word', () => {
  it('reads opposite sides of a state as a flip', () => {
    expect(flips('Your room has a private bathroom.', 'Your room has a shared bathroom.')).toHaveLength(1);
    expect(flips('The kill switch is disabled by default.', 'The kill switch is enabled by default.')).toHaveLength(1);
    expect(
      flips('You will receive a full refund within 5 business days.', 'You will receive a partial refund within 5 business days.'),
    ).toHaveLength(1);
    expect(flips('The seller pays return shipping on all items.', 'The buyer pays return shipping on all items.')).toHaveLength(1);
  });

  it('lets a negation and the opposite word cancel out', () => {
    expect(flips('The kill switch is disabled by default.', 'The kill switch is not enabled by default.')).toEqual([]);
    expect(flips('The room has a private bathroom.', 'The bathroom of the room is not shared.')).toEqual([]);
  });
});
