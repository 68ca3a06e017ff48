import type { FactSheet } from './fact-sheet.js';

/**
 * What a rule reads of one answer alone: a function of the sheet and the clause bound only, never
 * of the answer it is compared with, and never changed once made.
 */
export type SheetReader<T> = (sheet: FactSheet, max: number) => T;

/**
 * `read(sheet, max)`, made once per sheet and bound and kept on the sheet (its memo): production's
 * answers are kept read across comparisons (answer-cache.ts), so the original's and the baselines'
 * readings by the sentence rules are made once, not once per candidate. The last bound per reader is kept.
 */
export function sheetReading<T>(sheet: FactSheet, max: number, read: SheetReader<T>): T {
  const kept = sheet.memo.readings.get(read);
  if (kept !== undefined && kept.max === max) return kept.value as T;
  const value = read(sheet, max);
  sheet.memo.readings.set(read, { max, value });
  return value;
}
