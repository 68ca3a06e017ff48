import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A name said by its clipped form: the first letters of each of its words run together ("Amex" for
// American Express, "FedEx" for Federal Express, "BofA" for Bank of America, "USA" and "U.S." for
// the United States, "NYC" for New York City), either way round; another name is still a change.
describe('a name and its clipped form', () => {
  it('reads "Amex", "FedEx" and "BofA" as the names they clip', () => {
    expect(judged('We accept Visa and American Express at the desk.', 'Visa and Amex are both accepted at the desk.')).toEqual([]);
    expect(judged('Visa and Amex are both accepted at the desk.', 'We accept Visa and American Express at the desk.')).toEqual([]);
    expect(judged('Parcels go out by Federal Express overnight.', 'Parcels go out by FedEx overnight.')).toEqual([]);
    expect(judged('Transfers from Bank of America post the same day.', 'Transfers from BofA post the same day.')).toEqual([]);
    expect(judged('We accept Visa and American Express at the desk.', 'Visa and Discover are both accepted at the desk.')).not.toEqual([]);
  });

  it('reads "USA", "U.S." and "NYC" as "United States" and "New York City", not "United Kingdom"', () => {
    expect(judged('Shipping to the United States takes 5 to 7 business days.', 'Delivery to the USA takes 5-7 business days.')).toEqual([]);
    expect(judged('Shipping to the United States takes 5 to 7 business days.', 'Orders to the U.S. arrive in 5-7 business days.')).toEqual(
      [],
    );
    expect(judged('Delivery to the USA takes 5-7 business days.', 'Shipping to the United States takes 5 to 7 business days.')).toEqual([]);
    expect(judged('Our office is in New York City, on 5th Avenue.', 'Our office is on 5th Avenue in NYC.')).toEqual([]);
    expect(judged('Delivery to the USA takes 5-7 business days.', 'Delivery to the United Kingdom takes 5-7 business days.')).not.toEqual(
      [],
    );
  });

  it('reads a title written short and in full as one ("Dr." / "Doctor")', () => {
    expect(judged('Dr. Patel will see you on Monday.', 'Doctor Patel will see you on Monday.')).toEqual([]);
    expect(judged('Dr. Patel will see you on Monday.', 'Nurse Patel will see you on Monday.')).not.toEqual([]);
  });
});
