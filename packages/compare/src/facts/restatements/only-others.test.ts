import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

describe('a rule said from its other side by "only" and a class of its own', () => {
  it('is no flip where "only" keeps a class the denial does not name', () => {
    expect(judged("Visitors aren't allowed inside the calf pens.", 'The calf pens are staff only.')).toEqual([]);
    expect(judged("Children aren't allowed in the spa.", 'The spa is adults only.')).toEqual([]);
    // A baseline that words the denial otherwise does not make the restriction a flip either.
    expect(
      judged(
        "You can watch the milking, but visitors aren't allowed inside the calf pens.",
        'You can watch the milking, but the calf pens are staff only.',
        ['You can see the milking, though the calf pens are off limits to visitors.'],
      ),
    ).toEqual([]);
  });

  it('is a flip where the class kept is the one denied, or "only" bounds a condition', () => {
    expect(judged("Members can't book the court.", 'Only members can book the court.')).toHaveLength(1);
    expect(judged("Sale items can't be returned.", 'Sale items can be returned only with a receipt.')).toHaveLength(1);
    expect(judged("Children aren't allowed in the spa.", 'Children are welcome in the spa.')).toHaveLength(1);
  });
});
