import { describe, expect, it } from 'vitest';
import { type FactSheet, factSheet } from './fact-sheet.js';
import { sheetReading } from './sheet-reading.js';

// A rule's reading of one answer is made once per sheet and clause bound, and kept on the sheet: a
// production answer kept read (answer-cache.ts) is not read again by the rule for every candidate.

const clauseTexts = (sheet: FactSheet, max: number): string[] => sheet.clauses.slice(0, max).map((c) => c.text);

describe('sheetReading', () => {
  const sheet = factSheet('The deposit is $35. You do not need a referral. We open at 9 am on Mondays.');

  it('reads once per sheet and bound, and again for another bound', () => {
    let reads = 0;
    const read = (s: FactSheet, max: number): string[] => {
      reads++;
      return clauseTexts(s, max);
    };
    const first = sheetReading(sheet, 2, read);
    expect(sheetReading(sheet, 2, read)).toBe(first);
    expect(reads).toBe(1);
    expect(sheetReading(sheet, 1, read)).toEqual(clauseTexts(sheet, 1));
    expect(reads).toBe(2);
    expect(first).toEqual(clauseTexts(sheet, 2));
  });

  it("keeps each reader's reading apart, and each sheet's", () => {
    const other = factSheet('The deposit is $53.');
    const count = (s: FactSheet, max: number): number => Math.min(max, s.clauses.length);
    const texts = (s: FactSheet, max: number): string[] => clauseTexts(s, max);
    expect(sheetReading(sheet, 10, count)).toBe(sheet.clauses.length);
    expect(sheetReading(sheet, 10, texts)).toEqual(clauseTexts(sheet, 10));
    expect(sheetReading(other, 10, count)).toBe(1);
  });
});
