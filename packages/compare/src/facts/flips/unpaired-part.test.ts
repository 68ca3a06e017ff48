import { describe, expect, it } from 'vitest';
import { judged, regressionKinds } from '../../../test/judged.js';

// Two reworded clauses paired by their overlap are read part by part: where the predication that
// carries the negation has no counterpart in the other clause, it says something else, not the opposite.
describe('a polarity difference in a part the other clause does not say', () => {
  it('is no flip when the negation is in an aside after a dash', () => {
    expect(judged('Processing takes 10 working days.', "Allow 10 working days for processing - we aren't able to rush it.")).toEqual([]);
  });

  it('is no flip when the negation is the consequence after ", so"', () => {
    expect(judged("Rentals run from 9am to 5pm, so late returns aren't possible.", 'Rentals start at 9am each day.')).toEqual([]);
  });

  it('is no flip when the other clause says only the reason after "because"', () => {
    expect(judged('Your payment was declined because the card has expired.', 'The card on file expired last month.')).toEqual([]);
  });

  it('still flips where the paired parts differ', () => {
    expect(
      regressionKinds('The tour guide is free for members - tips are welcome.', 'Members pay $10 for the tour guide - tips are welcome.'),
    ).toContain('polarity_flip');
    expect(
      regressionKinds(
        'Kids under 5 ride free, and kids 5 to 15 pay half fare.',
        'Kids under 5 pay half fare, and kids 5 to 15 pay the full fare.',
      ),
    ).toContain('polarity_flip');
    expect(
      regressionKinds(
        'Processing takes 10 working days - we are able to rush it.',
        "Allow 10 working days for processing - we aren't able to rush it.",
      ),
    ).toContain('polarity_flip');
  });

  it('still flips where the part left over names what the other clause is about', () => {
    expect(regressionKinds('Parking costs $5 a day.', 'Parking is free - the shuttle costs $5 a day.')).toContain('polarity_flip');
  });

  it('still flips where the part left over says another clause of production the other way', () => {
    expect(
      regressionKinds(
        'Plan A covers any clinic, while Plan B only covers clinics in the network.',
        'Plan A covers any clinic, and Plan B does too, in the network or not.',
      ),
    ).toContain('polarity_flip');
  });

  it('still flips where the part paired names no price and the part left over does', () => {
    expect(regressionKinds('Parking is free for guests.', 'Guests can park in our lot - parking is charged per night.')).toContain(
      'polarity_flip',
    );
  });

  it('still flips a sentence edited in place', () => {
    expect(
      regressionKinds(
        'Your upload was accepted because the file is larger than 20 MB.',
        'Your upload was rejected because the file is larger than 20 MB.',
      ),
    ).toContain('polarity_flip');
  });

  it('still flips on opposite directions, which no negation count reads', () => {
    expect(regressionKinds('Prices will rise in May, so book early.', 'Prices will fall in May.')).toContain('polarity_flip');
  });

  it('still flips where the negated part is the one the other clause says', () => {
    expect(regressionKinds('Late returns are possible, so you can keep the bike overnight.', "Late returns aren't possible.")).toContain(
      'polarity_flip',
    );
  });
});
