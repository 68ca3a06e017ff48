import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardWithin, issued, luhn, printedGroups } from './card-number.js';

/** Networks' published test numbers: each must be found, plain and as printed. */
const testCards = [
  '4111111111111111', // Visa
  '4222222222222', // Visa, 13 digits
  '4000056655665556', // Visa debit
  '5555555555554444', // Mastercard
  '2223003122003222', // Mastercard 2-series
  '378282246310005', // American Express
  '6011111111111117', // Discover
  '30569309025904', // Diners Club, 14 digits
  '3530111333300000', // JCB
  '6200000000000005', // UnionPay
  '6205500000000000004', // UnionPay, 19 digits
  '6759649826438453', // Maestro
  '2200000000000004', // Mir
  '135410014004955', // UATP
];

describe('card numbers', () => {
  it('reads a run of digits alone as the walk over groups reads it as one group', () => {
    // `${digits} ` as the run, in the same input: one group and a blank, so the walk over groups
    // decides, and the blank is in no group it reads.
    const digits = fc.oneof(fc.constantFrom(...testCards, '1764590000121', '4111111111111111111'), fc.stringMatching(/^[0-9]{1,24}$/));
    const around = fc.constantFrom(['', ''], ['x', ''], ['0.', ''], ['"n": ', '.5'], ['\\t', ''], ['id', ' ']);
    fc.assert(
      fc.property(digits, around, (d, [before, after]) => {
        expect(cardWithin(d, `${before}${d}${after}`, before.length)).toEqual(cardWithin(`${d} `, `${before}${d}${after}`, before.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every network test number, plain, in fours and as Amex/Diners print them', () => {
    for (const card of testCards) {
      expect(cardWithin(card), card).toEqual([0, card.length]);
      const fours = (card.match(/.{1,4}/g) ?? []).join(' ');
      expect(cardWithin(fours), fours).toEqual([0, fours.length]);
    }
    expect(cardWithin('3782-822463-10005')).toEqual([0, 17]);
    expect(cardWithin('3056 930902 5904')).toEqual([0, 16]);
    // A CVV or an expiry after the number stays out of it.
    expect(cardWithin('4111 1111 1111 1111 123')).toEqual([0, 19]);
  });

  it('leaves Luhn-valid millisecond timestamps, float fractions, digests and loose digit tables', () => {
    // 2025-12-01T11:53:20.121Z passes Luhn: one timestamp in ten does.
    expect(luhn('1764590000121')).toBe(true);
    expect(cardWithin('1764590000121')).toBeUndefined();
    expect(issued('1764590000121')).toBe(false);
    // The fraction of a float, and a JSON number with a fraction.
    expect(luhn('4111111111111111')).toBe(true);
    const fraction = '{"logprob":-0.4111111111111111}';
    expect(cardWithin('4111111111111111', fraction, fraction.indexOf('4111'))).toBeUndefined();
    const float = '{"x": -4553648871592.001}';
    expect(luhn('4553648871592')).toBe(true);
    expect(cardWithin('4553648871592', float, float.indexOf('4553'))).toBeUndefined();
    // Inside a hex digest.
    const digest = 'ab4111111111111111cd';
    expect(cardWithin('4111111111111111', digest, 2)).toBeUndefined();
    // After a JSON escape it is a card again.
    const escaped = 'card\\n4111111111111111 and \\u00a04111111111111111';
    expect(cardWithin('4111111111111111', escaped, 6)).toEqual([0, 16]);
    expect(cardWithin('4111111111111111', escaped, escaped.lastIndexOf('4111'))).toEqual([0, 16]);
    // In text, a stop and digits after the number do not hide it.
    const sentence = 'card: 4111111111111111.42';
    expect(cardWithin('4111111111111111', sentence, 6)).toEqual([0, 16]);
  });

  it('takes the groupings cards are printed in, with one separator', () => {
    expect(printedGroups([4, 4, 4, 4], [' ', ' ', ' '])).toBe(true);
    expect(printedGroups([4, 4, 4, 4, 3], ['-', '-', '-', '-'])).toBe(true);
    expect(printedGroups([4, 6, 5], [' ', ' '])).toBe(true);
    expect(printedGroups([4, 4, 4, 4], [' ', '-', ' '])).toBe(false);
    expect(printedGroups([1, 2, 3, 4, 5, 6], [' ', ' ', ' ', ' ', ' '])).toBe(false);
    // A table of small numbers whose digits pass Luhn.
    expect(luhn('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toBe(true);
    expect(cardWithin('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toBeUndefined();
  });
});
