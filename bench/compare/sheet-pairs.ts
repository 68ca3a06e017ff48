import { canonicalize } from '@understudy/compare';
import { type FactSheet, factSheetWith } from '../../packages/compare/src/facts/clauses/fact-sheet.js';
import { currentWordIds } from '../../packages/compare/src/text/word-ids.js';
import { openSets, openTextCases } from '../../packages/compare/test/open-text-cases.js';
import { chatBytePairs } from './chat-pairs.js';

/** Original, candidate and baselines, read with one word table (as diffFacts is given them). */
export type SheetPair = [FactSheet, FactSheet, FactSheet[]];

/** bench:compare's chat pairs, read as sheets (no baselines). */
export function chatSheetPairs(): SheetPair[] {
  return chatBytePairs().map((p) => {
    const words = currentWordIds();
    return [factSheetWith(canonicalize(p.a).text, words), factSheetWith(canonicalize(p.b).text, words), []];
  });
}

/** Every candidate of the open labelled text sets that `sets` keeps, against its original and baselines, read as sheets. */
export function openSheetPairs(sets: (file: string) => boolean = openSets): SheetPair[] {
  return openTextCases(sets).map((c): SheetPair => {
    const words = currentWordIds();
    return [factSheetWith(c.original, words), factSheetWith(c.candidate, words), c.baselines.map((b) => factSheetWith(b, words))];
  });
}
