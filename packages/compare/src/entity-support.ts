import { type FactSheet, sheetWordIds } from './fact-sheet.js';
import type { FactValue } from './fact-value.js';
import { straightApostrophes } from './word-forms.js';
import type { WordIds } from './word-ids.js';

const entityBreak = /[^\p{L}\p{N}']+/u;

/** A name's words, and their ids once every one of them is in the table of {@link byName}. */
interface EntityWords {
  readonly words: readonly string[];
  ids: Int32Array | undefined;
}

// By the name as written: the same few names recur across the answers of a run ("Orders",
// "Retry-After"), and a string-keyed map holds nothing of an answer once it has been compared.
// (A `WeakMap` keyed by the value, as before, made every scavenge copy the entries of values
// already dead: V8 traces an ephemeron's value before it knows the young key died.) The ids are
// those of one word table (`idsTable`): a fresh table starts a fresh map, so no old table is kept
// alive. Bounded: past `maxNames` names it starts afresh too.
const byName = new Map<string, EntityWords>();
let idsTable: WordIds | undefined;
const maxNames = 20_000;

/**
 * The ids of the words of `v` in `table`, -1 for a word it lacks; kept once every one of them is
 * in the table (a word the table lacks is in no answer read with it yet: looked for again next time).
 */
function entityWordIds(v: FactValue, table: WordIds): Int32Array {
  if (table !== idsTable || byName.size >= maxNames) {
    byName.clear();
    idsTable = table;
  }
  let entry = byName.get(v.text);
  if (entry === undefined) {
    // Folded as clause tokens are (their `lower`), so "O’Brien" and a sheet's "o’brien" are one word.
    const words = straightApostrophes(v.text.toLowerCase())
      .split(entityBreak)
      .filter((w) => w !== '');
    entry = { words, ids: undefined };
    byName.set(v.text, entry);
  }
  if (entry.ids !== undefined) return entry.ids;
  const { words } = entry;
  const ids = new Int32Array(words.length);
  let complete = true;
  for (let i = 0; i < words.length; i++) {
    const id = table.find(words[i] as string);
    ids[i] = id;
    if (id < 0) complete = false;
  }
  if (complete) entry.ids = ids;
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
