import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { ibanChecks, ibansIn } from './iban.js';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'iban-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');

/** The published example IBANs of ten countries (each checks), and how people write them: grouped by fours. */
const ibans = [
  'DE89370400440532013000',
  'GB82WEST12345698765432',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'PL61109010140000071219812874',
  'TR330006100519786457841326',
  'CH9300762011623852957',
  'BE68539007547034',
];
const grouped = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * An IBAN written in a message (`pay to DE89 3704 0044 0532 0130 00`) was stored as written: only a
 * member named `iban` was redacted (trust audit 2, 2026-12-03). Like a card number, it carries its
 * own check (ISO 13616: mod 97), so it is found by shape without taking ids that look like one.
 */
describe('IBANs in text', () => {
  it('check by ISO 13616 mod 97, with the length of each country', () => {
    for (const iban of ibans) expect(ibanChecks(iban), iban).toBe(true);
    expect(ibanChecks('DE89370400440532013001')).toBe(false);
    expect(ibanChecks('DE8937040044053201300')).toBe(false);
  });

  it('are redacted compact or grouped, before a word or a stop, and in JSON', () => {
    for (const iban of ibans)
      for (const written of [iban, grouped(iban)]) {
        for (const text of [`pay to ${written} please`, `IBAN: ${written}.`, `(${written}), thanks`, `${written}\nRef 4821`]) {
          const out = stored(text);
          expect(out, text).not.toContain(written);
          expect(out.replace(/ /g, ''), text).not.toContain(iban.slice(4));
        }
        expect(
          createRedactor(redaction, key)
            .forExchange()
            .body(JSON.stringify({ note: `send to ${written}` }), 'application/json'),
        ).not.toContain(written);
      }
    expect(
      ibansIn('pay to DE89 3704 0044 0532 0130 00 EUR 120 please').map(([s, e]) =>
        'pay to DE89 3704 0044 0532 0130 00 EUR 120 please'.slice(s, e),
      ),
    ).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('leaves what only looks like one: a failed check, VAT numbers, ids, models, dates and amounts', () => {
    for (const text of [
      'pay to DE89 3704 0044 0532 0130 01 please',
      'VAT DE123456789, order AB12-3456-7890, GPU RTX4090, SKU XY12ABCDEF345678',
      'ticket JIRA1234567890123 on 2026-12-03 for EUR 1,299.00',
      'id 550e8400-e29b-41d4-a716-446655440000 and build GB12ABCD1234567890',
    ])
      expect(stored(text), text).toBe(text);
  });
});
