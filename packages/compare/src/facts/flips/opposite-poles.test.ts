import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

describe('opposite poles of one predicate, with no negation word', () => {
  it('reads included against charged on top / separate', () => {
    expect(
      flips(
        'The $40 setup fee is included in your monthly price. Support is by email.',
        'The $40 setup fee is charged on top of your monthly price. Support is by email.',
      ),
    ).toHaveLength(1);
    expect(flips('Gift wrapping is separate from the order total.', 'Gift wrapping is included in the order total.')).toHaveLength(1);
  });

  it('reads carried over against lapsed, finished against underway, closes against stays open', () => {
    expect(
      flips('Your unspent data carries over to the next billing month.', 'Your unspent data expires at the end of the billing month.'),
    ).toHaveLength(1);
    expect(flips('Leftover vouchers roll over into the new season.', 'Leftover vouchers lapse before the new season.')).toHaveLength(1);
    expect(
      flips(
        'The kitchen remodel is finished, so the crew leaves Friday.',
        'The kitchen remodel is still underway, so the crew leaves Friday.',
      ),
    ).toHaveLength(1);
    expect(
      flips('The climbing wall closes when the wind is strong.', 'The climbing wall stays open even when the wind is strong.'),
    ).toHaveLength(1);
  });

  it('agrees where the other pole is negated or each side says both', () => {
    expect(flips('Gift wrapping is included in the order total.', 'You pay nothing on top of the order total for gift wrapping.')).toEqual(
      [],
    );
    expect(flips('Your vouchers expire after one year.', 'Your vouchers are no longer valid after one year.')).toEqual([]);
    expect(flips('The repair is finished.', 'The repair is no longer in progress.')).toEqual([]);
    expect(flips('Breakfast is included; parking is extra.', 'Parking is extra, and breakfast is included.')).toEqual([]);
  });
});

describe('opposite poles that say one thing', () => {
  it('reads "open until" a date as "close on" it, and "not part of" as "separate"', () => {
    expect(flips('Registration closes on June 2.', 'Registration is open until June 2.')).toEqual([]);
    expect(
      flips(
        'The nightly rate includes breakfast but not the city tax of €3.',
        'The city tax of €3 is not part of the nightly rate and appears as a separate charge.',
      ),
    ).toEqual([]);
  });
});

describe('a longer predicate swapped in a kept sentence', () => {
  it('reads a replacement of up to eight words against the words it replaced', () => {
    // The clause rules pair the candidate's clause with the baseline's "under 4: free" and see nothing.
    const original =
      'The shuttle runs every 20 minutes from 7:00 to 19:00. A return ticket is $18 for adults and $9 for children aged 4–12; ' +
      'children under 4 ride free. Seniors pay half the adult price.';
    const candidate = original.replace('ride free', 'pay the child fare as well');
    const baseline =
      'Shuttles leave every 20 minutes between 7:00 and 19:00. Adult return: $18; children 4 to 12: $9; under 4: free. ' +
      'Seniors pay 50% of the adult fare.';
    const found = diffFacts(factSheet(original), factSheet(candidate), [factSheet(baseline)]).filter(
      (d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true,
    );
    expect(found).toHaveLength(1);
  });

  it('reads "credited toward" as included, against "on top of"', () => {
    expect(
      flips('The $200 deposit is credited toward your final invoice.', 'The $200 deposit is charged on top of your final invoice.'),
    ).toHaveLength(1);
    expect(
      flips('The $200 deposit is credited toward your final invoice.', 'The $200 deposit is deducted from your final invoice.'),
    ).toEqual([]);
  });
});

describe('"extra" before the noun it describes', () => {
  it('means "additional", not "charged on top" ("25 cents per extra mile", "extra towels")', () => {
    expect(
      flips(
        'The lease includes 10,000 miles a year; extra miles are 25 cents each.',
        'Mileage: 10,000 miles/year, 25 cents per extra mile.',
      ),
    ).toEqual([]);
    expect(flips('Towels are included with the room.', 'Extra towels are available with the room.')).toEqual([]);
  });

  it('is still the charged pole as a predicate or before a price ("is extra", "costs extra", "an extra $15")', () => {
    expect(flips('Parking is included.', 'Parking is extra.')).toHaveLength(1);
    expect(flips('Towels are included.', 'Towels cost extra.')).toHaveLength(1);
    expect(flips('Parking is included in the rate.', 'Parking is an extra $15.')).toHaveLength(1);
    expect(flips('Parking is included in the rate.', 'Parking is an extra charge.')).toHaveLength(1);
  });
});

describe('"to" before a time bounds as "until" does', () => {
  it('reads "open to 9pm" as "closes at 9pm", not "open to the public" as a bound', () => {
    expect(flips('The rink closes at 9pm on weekdays.', 'Open to 9pm on weekdays.')).toEqual([]);
    expect(flips('The rink closes at 9pm on weekdays.', 'The rink is open to the public at 9pm on weekdays.')).not.toEqual([]);
  });
});
