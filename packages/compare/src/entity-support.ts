import { type FactSheet, sheetWordIds } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';
import type { WordIds } from './word-ids.js';

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

// The same words as ids of a table, by value, once every one of them is in the table (a word the
// table lacks is in no answer read with it yet; it is looked for again next time).
const entityIdLists = new WeakMap<FactValue, { readonly table: WordIds; readonly ids: Int32Array }>();

/** The ids of the words of `v` in `table`, -1 for a word it lacks. */
function entityWordIds(v: FactValue, table: WordIds): Int32Array {
  const known = entityIdLists.get(v);
  if (known !== undefined && known.table === table) return known.ids;
  const words = entityWords(v);
  const ids = new Int32Array(words.length);
  let complete = true;
  for (let i = 0; i < words.length; i++) {
    const id = table.find(words[i] as string);
    ids[i] = id;
    if (id < 0) complete = false;
  }
  if (complete) entityIdLists.set(v, { table, ids });
  return ids;
}

/** Whether an answer among `sheets` uses every word of the name `v` ("Porto" is supported by "porto"). */
export function entitySupported(v: FactValue, sheets: readonly FactSheet[]): boolean {
  for (const s of sheets) if (usesAll(s, v)) return true;
  return false;
}

function usesAll(sheet: FactSheet, v: FactValue): boolean {
  // The sheet's words first: reading them puts them in the table the name's words are looked up in.
  const known = sheetWordIds(sheet);
  for (const id of entityWordIds(v, sheet.words)) if (id < 0 || !known.has(id)) return false;
  return true;
}
