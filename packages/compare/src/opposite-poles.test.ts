import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const flips = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);

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
