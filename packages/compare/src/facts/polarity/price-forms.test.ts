import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// "free" counts among a clause's negations only against a clause about price; a clause that says
// price by another form of its verbs ("without paying", "charging", "pays") is one.
describe('a clause about price by another form of a price verb', () => {
  it('reads "without paying anything" against "free of charge" as one claim', () => {
    expect(
      judged(
        'You can change the booking free of charge up to two days before.',
        "You can move the booking without paying anything as long as it's two days before.",
      ),
    ).toEqual([]);
    expect(judged('Members park free of charge.', 'Members park without paying.')).toEqual([]);
  });

  it('still reads a charge against "free of charge" as a flip', () => {
    expect(
      judged(
        'You can change the booking free of charge up to two days before.',
        'You can change the booking for a fee up to two days before.',
      ),
    ).not.toEqual([]);
    expect(judged('Members park free of charge.', 'Members pay to park.')).not.toEqual([]);
  });
});
