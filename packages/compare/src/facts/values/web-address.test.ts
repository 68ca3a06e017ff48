import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { webAddress } from './web-address.js';

// A web address written without a scheme ("acme.co.uk/returns"), as answers often write one: its
// path is as much a fact as a full URL's, and the same page written with or without "https://" or
// "www." is the same value.
describe('a web address without a scheme', () => {
  it('is a URL value: a host of dotted labels ending in letters, then a path', () => {
    expect(webAddress('acme.co.uk/returns')?.keys).toEqual(['url:acme.co.uk/returns']);
    expect(webAddress('portal.cityhealth.org/booking/')?.keys).toEqual(['url:portal.cityhealth.org/booking']);
    expect(webAddress('shop.example.store/r/123?x=1')?.keys).toEqual(['url:shop.example.store/r/123?x=1']);
    // A scheme or "www." is how the same page is written: both keys.
    expect(webAddress('https://www.Acme.com/Help')?.keys).toEqual(['url:https://www.acme.com/help', 'url:acme.com/help']);
    expect(webAddress('www.acme.com/help')?.keys).toEqual(['url:www.acme.com/help', 'url:acme.com/help']);
  });

  it('is not a word pair with a slash, a unit, a number, a time or an abbreviation', () => {
    for (const w of ['and/or', 'km/h', 'Settings/Privacy', '1.5/2', 'v2.0/api', 'a.m./p.m.', 'e.g./i.e.', 'acme.com', 'help.acme.io'])
      expect(webAddress(w), w).toBeUndefined();
  });

  it('reports a path changed in an answer copied word for word', () => {
    const o = 'You can start a return at acme.co.uk/returns within 30 days. Keep the receipt.';
    expect(judged(o, o.replace('acme.co.uk/returns', 'acme.co.uk/refunds'))).toEqual([
      'fact_changed: acme.co.uk/returns → acme.co.uk/refunds',
    ]);
    expect(judged(o, o.replace('acme.co.uk/returns', 'shop.acme.co.uk/returns'))).toHaveLength(1);
    expect(judged(o, o)).toEqual([]);
  });

  it('is the same page with or without a scheme, "www." or a closing slash', () => {
    const o = 'Book online at portal.cityhealth.org/booking and pick a slot.';
    expect(judged(o, o.replace('portal.cityhealth.org/booking', 'https://portal.cityhealth.org/booking/'))).toEqual([]);
    expect(judged('See www.acme.com/help for details.', 'See acme.com/help for details.')).toEqual([]);
    // A sentence-ending full stop is not part of it.
    expect(factSheet('Book at portal.cityhealth.org/booking.').clauses[0]?.values.map((v) => v.text)).toEqual([
      'portal.cityhealth.org/booking',
    ]);
  });
});
