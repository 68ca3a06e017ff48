import { IdSet } from '../../text/id-set.js';
import type { FactSheet } from './fact-sheet.js';

// A sheet's content words (FactSheet.vocabulary) as ids of its table, made on first use: "does
// production use this word?" then hashes a small integer, no set of strings per answer.

/** Whether a clause of `sheet` has the content word `id` (an id of the sheet's table; {@link FactSheet.vocabulary} by id). */
export function usesContentWord(sheet: FactSheet, id: number): boolean {
  let ids = sheet.memo.vocabulary;
  if (ids === undefined) {
    const all: number[] = [];
    for (const c of sheet.clauses) for (const w of c.contentUnique) all.push(w);
    ids = new IdSet(all);
    sheet.memo.vocabulary = ids;
  }
  return ids.has(id);
}
