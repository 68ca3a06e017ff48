import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const phones = (s: string): string[] =>
  factSheet(s)
    .values.filter((v) => v.type === 'phone')
    .map((v) => v.keys[0] ?? '');

describe('phone numbers', () => {
  it('read the area code with the number, however the number is written', () => {
    for (const s of ['(415) 555-0142', '415-555-0142', '415.555.0142', '+1 415 555 0142', '1-415-555-0142', '415 555-0142'])
      expect(phones(`Call us at ${s} today.`), s).toEqual(['phone:4155550142']);
    expect(phones('Ring 020 7946 0018 or +44 20 7946 0018.')).toEqual(['phone:2079460018', 'phone:2079460018']);
    expect(phones('Call 555-0142.')).toEqual(['phone:5550142']);
  });

  it('differ where the area code differs, and not where only the way of writing does', () => {
    expect(judged('Call us at (415) 555-0142.', 'Call us at (416) 555-0142.')).toEqual(['fact_changed: 415 555-0142 → 416 555-0142']);
    expect(judged('Ring 020 7946 0018.', 'Ring 0161 7946 0018.')).not.toEqual([]);
    expect(judged('Call us at (415) 555-0142.', 'Call us at 415.555.0142.')).toEqual([]);
    expect(judged('Ring 020 7946 0018.', 'Ring +44 20 7946 0018.')).toEqual([]);
  });
});
