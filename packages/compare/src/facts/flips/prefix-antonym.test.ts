import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';

describe('a word negated by its prefix', () => {
  it('agrees with the plain word negated: the prefix and the "not" say one thing', () => {
    // "non-refundable" is counted as a negation already; "unaffected" is not, and "isn't" cancels it.
    expect(flips('The fee is $75 and is non-refundable.', 'The $75 fee is not refundable.')).toEqual([]);
    expect(flips('Elevator A is unaffected and running normally.', "Elevator A isn't affected and is working normally.")).toEqual([]);
    expect(flips("Elevator A isn't affected by the repair.", 'Elevator A is unaffected by the repair.')).toEqual([]);
  });

  it('still flips against the plain word stated', () => {
    expect(flips('Elevator A is affected by the repair.', 'Elevator A is unaffected by the repair.')).not.toEqual([]);
    expect(flips('The deposit is refundable.', 'The deposit is non-refundable.')).not.toEqual([]);
    expect(flips("Elevator A isn't affected by the repair.", 'Elevator A is affected by the repair.')).not.toEqual([]);
  });
});
