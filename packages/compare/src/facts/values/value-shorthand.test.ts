import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// The same figure in the short forms terse and bulleted answers use: a span in months or years,
// a price per two things ("£11.20/court/hr"), a range of amounts in thousands ("R$5k-20k"), a count
// with an abbreviated noun ("1,000-pc", "4 ppl"). Each is what production states, and another
// figure in the same form is still a change.
describe('short forms of the same figure', () => {
  it('reads a span in months as the same span in years ("12 months" is "one year")', () => {
    const o = 'Your trading permit is valid for one year and costs £1,150, payable when you apply.';
    expect(judged(o, 'The trading permit costs £1,150, payable on application, and lasts 12 months.')).toEqual([]);
    expect(judged('The warranty runs for 18 months from delivery.', 'Warranty: 1.5 years from delivery.')).toEqual([]);
    expect(judged(o, 'The trading permit costs £1,150, payable on application, and lasts 6 months.')).toEqual([
      'fact_changed: one year → 6 months',
    ]);
  });

  it('reads a price per two things written with slashes', () => {
    const o = 'Court hire at the sports hall is £11.20 per court per hour, and rackets are free.';
    expect(judged(o, 'Sports hall court hire: £11.20/court/hr; rackets free.')).toEqual([]);
    expect(judged(o, 'Sports hall court hire: £12.20/court/hr; rackets free.')).toEqual(['fact_changed: £11.20 → £12.20/court/hr']);
  });

  it('reads a range of amounts in thousands', () => {
    const o = 'Microloans range from R$5,000 to R$20,000, repaid over 12 months.';
    expect(judged(o, 'Microloans: R$5k-20k, repaid over 12 months.')).toEqual([]);
    expect(judged(o, 'Microloans: R$5k-25k, repaid over 12 months.')).not.toEqual([]);
  });

  it('reads a count with an abbreviated noun', () => {
    const o = 'Each month we send a 1,000-piece puzzle for a table of 4 people.';
    expect(judged(o, 'Monthly: one 1,000-pc puzzle, for 4 ppl.')).toEqual([]);
    expect(judged(o, 'Monthly: one 500-pc puzzle, for 4 ppl.')).toEqual(['fact_changed: 1,000-piece → 500-pc']);
  });
});
