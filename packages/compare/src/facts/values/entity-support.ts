import { straightApostrophes } from '../../text/word-forms.js';
import type { WordIds } from '../../text/word-ids.js';
import { type FactSheet, sheetWordIds } from '../clauses/fact-sheet.js';
import { acronymOf } from './clause-entities.js';
import type { FactValue } from './fact-value.js';
import { clipsTo, countryAliases, otherSpelling, skippedInInitials } from './name-abbreviations.js';

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
    // "RICS-accredited" is supported where "RICS" is: the suffix says what the body did.
    const words = straightApostrophes((acronymOf(v.text) ?? dottedInitials(v.text) ?? v.text).toLowerCase())
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
  for (const s of sheets) if (usesAll(s, v) && !otherPath(s, v)) return true;
  return false;
}

const pathStep = ' > ';

/**
 * Whether `v` is a menu path and the answer states another one from the same first step, not `v`:
 * "Settings > Billing" says where "Settings > Subscription" said, though "subscription" is a word
 * of the answer elsewhere ("your yearly subscription renewed…").
 */
function otherPath(sheet: FactSheet, v: FactValue): boolean {
  const key = v.keys[0] ?? '';
  const step = key.indexOf(pathStep);
  if (step < 0) return false;
  const root = key.slice(0, step + pathStep.length);
  let other = false;
  for (const x of sheet.values) {
    if (x.type !== 'entity') continue;
    const k = x.keys[0] ?? '';
    if (k === key) return false;
    if (k.startsWith(root)) other = true;
  }
  return other;
}

function usesAll(sheet: FactSheet, v: FactValue): boolean {
  // The sheet's words first: reading them puts them in the table the name's words are looked up in.
  const known = sheetWordIds(sheet);
  const ids = entityWordIds(v, sheet.words);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= 0 && known.has(id)) continue;
    // Rarely reached: a word the answer does not use as such may be its possessive or its initials.
    if (!namedOtherwise(v, i, sheet)) return false;
  }
  return true;
}

// Words that say what kind of place a name is ("Museum", "Airport"), often left out of it.
const kindOfPlace = new Set(
  'museum gallery airport station terminal hospital clinic hotel inn park center centre library cathedral church theatre theater stadium arena mall market bridge tower beach island lake river'.split(
    ' ',
  ),
);

/** Whether the answer uses the lower-case word `w`. */
function uses(sheet: FactSheet, w: string): boolean {
  const id = sheet.words.find(w);
  return id >= 0 && sheetWordIds(sheet).has(id);
}

/**
 * Whether word `i` of name `v` is in the answer written another way: without or with a possessive
 * ("the Deployment's container" names the Deployment), as initials the answer spells out ("ICC"
 * where it says "Institute Cargo Clauses"), or as one of the words of initials the answer uses.
 */
function namedOtherwise(v: FactValue, i: number, sheet: FactSheet): boolean {
  const words = byName.get(v.text)?.words ?? [];
  const w = words[i];
  if (w === undefined) return false;
  if (w.endsWith("'s") ? uses(sheet, w.slice(0, -2)) : uses(sheet, `${w}'s`)) return true;
  // "the Louvre Museum" names what "the Louvre" does: a word saying what kind of place the rest of
  // the name is, beside words the answer uses.
  // The answer must name the rest alone: "Central Park" is no "Central Station".
  if (kindOfPlace.has(w) && words.length >= 2 && namesTheRest(words, sheet)) return true;
  // "St. Mary's" is "Saint Mary's", "Mt. Hood" "Mount Hood".
  const other = otherSpelling(w);
  if (other !== undefined && uses(sheet, other)) return true;
  // "Amex" is "American Express", and "American Express" "Amex": a name clipped to the first letters of its words.
  if (words.length === 1 ? clippedRun(w, sheet) : sheet.values.some((x) => x.type === 'entity' && clipsTo(compact(x.text), words)))
    return true;
  // "ATM" is what "ATMs" names, and the other way round: an acronym in capitals, singular or plural.
  if (w.length >= 3 && v.text.includes(w.toUpperCase()) && uses(sheet, `${w}s`)) return true;
  if (w.length >= 4 && w.endsWith('s') && v.text.includes(`${w.slice(0, -1).toUpperCase()}s`) && uses(sheet, w.slice(0, -1))) return true;
  // "USA" is "the United States".
  if (countryAliases(words.join(' ')).some((name) => namesCountry(name, sheet))) return true;
  // The name's word is written in capitals ("ICC"): the answer's capitalized words in a row with those initials.
  if (w.length >= 2 && w.length <= 6 && v.text.includes(w.toUpperCase()) && spelledOut(w, sheet)) return true;
  // Words of the name around `i` whose initials are a word the answer uses ("Institute Cargo Clauses" / "ICC").
  if (words.length < 2) return false;
  for (let a = Math.max(0, i - 5); a <= i; a++) {
    let initials = '';
    for (let b = a; b < words.length && b - a < 6; b++) {
      const x = words[b] as string;
      if (!skippedInInitials.has(x)) initials += x[0];
      if (b >= i && initials.length >= 2 && uses(sheet, initials)) return true;
    }
  }
  return false;
}

/** Whether the answer states a name whose words are `words` but those of a kind of place ("Louvre" for "Louvre Museum"). */
function namesTheRest(words: readonly string[], sheet: FactSheet): boolean {
  const rest = words.filter((x) => !kindOfPlace.has(x)).join(' ');
  return rest !== '' && sheet.values.some((x) => x.type === 'entity' && x.keys.includes(`entity:${rest}`));
}

/** Whether capitalized words of the answer in a row have `initials` (lower case) as their first letters. */
function spelledOut(initials: string, sheet: FactSheet): boolean {
  for (const c of sheet.clauses) {
    const tokens = c.tokens;
    for (let s = 0; s + initials.length <= tokens.length; s++) {
      if (tokens[s]?.lower[0] !== initials[0]) continue;
      let k = 0;
      for (let j = s; j < tokens.length && k < initials.length; j++) {
        const t = tokens[j];
        if (t === undefined) break;
        if (k > 0 && skippedInInitials.has(t.lower)) continue;
        if (!(t.upper || spellsInLowerCase(initials, tokens, s)) || t.lower[0] !== initials[k]) break;
        k++;
      }
      if (k === initials.length) return true;
    }
  }
  return false;
}

/**
 * Whether initials may be spelled by lower-case words ("paid time off" for "PTO", "estimated time of
 * arrival" for "ETA"): three letters or more, from a run that opens in lower case (a run of capitals
 * is read as above). Two letters are too easily met by chance.
 */
function spellsInLowerCase(initials: string, tokens: FactSheet['clauses'][number]['tokens'], s: number): boolean {
  return initials.length >= 3 && tokens[s]?.upper === false;
}

/** A name written as initials with dots ("U.S.", "U.K"), without them ("US"); else undefined. */
function dottedInitials(name: string): string | undefined {
  return /^(?:\p{L}\.){1,4}\p{L}?\.?$/u.test(name) ? name.replaceAll('.', '') : undefined;
}

/** A one-word name as its clipped form is compared: lower case, without dots. */
const compact = (name: string): string => (name.includes(' ') ? '' : name.toLowerCase().replaceAll('.', ''));

/** Whether capitalized words of the answer in a row (and words initials skip) clip to `short` ({@link clipsTo}). */
function clippedRun(short: string, sheet: FactSheet): boolean {
  for (const c of sheet.clauses) {
    const tokens = c.tokens;
    for (let s = 0; s < tokens.length; s++) {
      if (!tokens[s]?.upper || tokens[s]?.lower[0] !== short[0]) continue;
      const run: string[] = [];
      for (let j = s; j < tokens.length && run.length < 6; j++) {
        const t = tokens[j] as (typeof tokens)[number];
        if (!t.upper && !skippedInInitials.has(t.lower)) break;
        run.push(t.lower);
        if (run.length >= 2 && clipsTo(short, run)) return true;
      }
    }
  }
  return false;
}

/** Whether the answer names a country by `name` (lower case): a name of its words, or one of its initials with or without dots. */
function namesCountry(name: string, sheet: FactSheet): boolean {
  return sheet.values.some((x) => x.type === 'entity' && (x.keys.includes(`entity:${name}`) || compact(x.text) === name));
}
