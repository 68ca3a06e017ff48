import { type FactSheet, sheetWords } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';

const entityBreak = /[^\p{L}\p{N}']+/u;
// The words of an entity value, by value: asked once per production answer and per rule.
const entityWordLists = new WeakMap<FactValue, readonly string[]>();

function entityWords(v: FactValue): readonly string[] {
  let words = entityWordLists.get(v);
  if (words === undefined) {
    words = v.text
      .toLowerCase()
      .split(entityBreak)
      .filter((w) => w !== '');
    entityWordLists.set(v, words);
  }
  return words;
}

/** Whether an answer among `sheets` uses every word of the name `v` ("Porto" is supported by "porto"). */
export function entitySupported(v: FactValue, sheets: readonly FactSheet[]): boolean {
  const words = entityWords(v);
  return sheets.some((s) => {
    const known = sheetWords(s);
    return words.every((w) => known.has(w));
  });
}
