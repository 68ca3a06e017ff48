import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const names = (s: string): string[] =>
  factSheet(s)
    .values.filter((v) => v.type === 'entity')
    .map((v) => v.text);

describe('names joined by "of", and two-letter region codes', () => {
  it('reads "Department of Motor Vehicles" as one name, which its initials name too', () => {
    expect(names('Take the form to the Department of Motor Vehicles office.')).toEqual(['Department of Motor Vehicles']);
    expect(judged('Bring your ID to the DMV office.', 'Bring your ID to the Department of Motor Vehicles office.')).toEqual([]);
    expect(judged('Bring your ID to the Department of Motor Vehicles office.', 'Bring your ID to the DMV office.')).toEqual([]);
    // Names joined by "and" stay apart.
    expect(names('We take Visa and Mastercard at the Bank of Ireland branch.')).toEqual(['Visa', 'Mastercard', 'Bank of Ireland']);
  });

  it('reads US, UK and EU as names: a swapped region is a changed fact, the region spelled out is the same one', () => {
    expect(judged('Logs are kept in the EU region.', 'Logs are kept in the UK region.')).toEqual(['fact_changed: EU → UK']);
    expect(judged('We ship to the US and Canada.', 'We ship to the UK and Canada.')).toEqual(['fact_changed: US → UK']);
    expect(judged('Our servers are in the European Union.', 'Our servers are in the EU.')).toEqual([]);
    expect(judged('We ship to the US and Canada.', 'We ship to the United States and Canada.')).toEqual([]);
    // Other two-letter words in capitals stay words.
    expect(names('Bring your ID and sign in by 9 PM.')).toEqual([]);
  });
});

describe('names in a list, and names written with an abbreviation', () => {
  it('parts names at a list comma ("Amex, Visa or Mastercard" is three names)', () => {
    expect(names('Pay with Amex, Visa or Mastercard.')).toEqual(['Amex', 'Visa', 'Mastercard']);
    expect(judged('Pay with Amex, Visa or Mastercard.', 'We take Visa, Amex and Mastercard.')).toEqual([]);
  });

  it('reads "St." as "Saint", "Mt." as "Mount", "Dr." as "Doctor"', () => {
    expect(judged("The clinic is next to St. Mary's Hospital.", "The clinic is beside Saint Mary's Hospital.")).toEqual([]);
    expect(judged("The clinic is beside Saint Mary's Hospital.", "The clinic is next to St. Mary's Hospital.")).toEqual([]);
    expect(judged("The clinic is next to St. Mary's Hospital.", "The clinic is next to St. Luke's Hospital.")).not.toEqual([]);
  });
});

describe('a name with or without the kind of place it is', () => {
  it('reads "the Louvre Museum" as "the Louvre", not "Central Park" as "Central Station"', () => {
    expect(judged('Tours start at the Louvre at 9 am.', 'Tours begin at the Louvre Museum at 9 am.')).toEqual([]);
    expect(judged('Flights leave from Gatwick Airport.', 'Flights leave from Gatwick.')).toEqual([]);
    expect(judged('Trains leave from Central Station.', 'Trains leave from Central Park.')).not.toEqual([]);
    expect(judged('Tours start at the Louvre at 9 am.', 'Tours start at the Orsay Museum at 9 am.')).not.toEqual([]);
  });
});
