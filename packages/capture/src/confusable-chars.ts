/**
 * Characters that read as ASCII letters and digits: the fullwidth forms (U+FF01–FF5E, as East
 * Asian input methods type `ｓｋ-…`), the Cyrillic and Greek letters that look like Latin ones
 * (`ѕ`, `к`, `а`, `е`, `о`, `р`, `с`, `х`, `і`, `Α`, `Κ`…; Unicode's confusables), and the
 * mathematical alphanumerics NFKC folds (`𝐬𝐤`). A key written with them reads, and is copied
 * back, as the key, while the key shapes see another word; so secrets are also looked for in the
 * text with them folded to ASCII, as with invisible characters (`invisible-chars.ts`). JSON
 * escapes of them (`\uff53`, as `json.dumps` writes any non-ASCII character) count the same.
 */

import { asciiText, escapedAsciiText } from './ascii-text.js';
import { confusablePairs } from './confusable-table.js';

/** The Cyrillic and Greek letters that look like an ASCII letter, and that letter. */
const lookalike: ReadonlyMap<number, string> = new Map(
  Object.entries({
    а: 'a',
    в: 'B',
    е: 'e',
    к: 'k',
    м: 'M',
    н: 'H',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 'T',
    у: 'y',
    х: 'x',
    ѕ: 's',
    і: 'i',
    ј: 'j',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    һ: 'h',
    ӏ: 'l',
    А: 'A',
    В: 'B',
    Е: 'E',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    Х: 'X',
    Ѕ: 'S',
    І: 'I',
    Ј: 'J',
    α: 'a',
    ο: 'o',
    ρ: 'p',
    ν: 'v',
    κ: 'k',
    ι: 'i',
    τ: 't',
    υ: 'u',
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'I',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
  }).map(([c, ascii]) => [c.charCodeAt(0), ascii]),
);

/**
 * The rest of Unicode's single-character confusables (`confusable-table.ts`: Armenian, Cherokee,
 * Lisu, Coptic, small capitals, other digits, dashes). Their scripts' own prose is made of them,
 * so they count only beside an ASCII key character or one of the letters above (a mixed-script
 * word), never beside each other.
 */
const weakLookalike: ReadonlyMap<number, string> = (() => {
  const out = new Map<number, string>();
  for (let i = 0; i < confusablePairs.length; i += 2) {
    const code = confusablePairs.charCodeAt(i);
    if (!lookalike.has(code)) out.set(code, confusablePairs.charAt(i + 1));
  }
  return out;
})();

/** What a character is to the gate below. */
const none = 0;
/** An ASCII digit, `-` or `_`. */
const key = 1;
/** An ASCII letter (a key character too). */
const letter = 2;
/** A fullwidth form, a letter of `lookalike`, a mathematical letter's high surrogate. */
const strong = 3;
/** A letter or digit of `weakLookalike`. */
const weak = 4;
/**
 * A dash or low line of `weakLookalike` (`‐`, `–`, `−`, `﹍`): counts only between two ASCII key
 * characters of which one is a letter (`sk–proj`, `ghp﹍1ab`, not `2020–2021`).
 */
const dash = 5;

/** Each UTF-16 code unit's kind, made once. */
const kinds: Uint8Array = (() => {
  const out = new Uint8Array(0x10000);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z]/.test(ch)) out[c] = letter;
    else if (/[0-9_-]/.test(ch)) out[c] = key;
  }
  for (const [code, ascii] of weakLookalike) out[code] = ascii === '-' || ascii === '_' ? dash : weak;
  for (const code of lookalike.keys()) out[code] = strong;
  for (let c = 0xff01; c <= 0xff5e; c++) out[c] = strong;
  out[0xd835] = strong;
  return out;
})();

/** Whether two neighbouring characters of these kinds may make part of a key once folded. */
function keyJoint(a: number, b: number): boolean {
  if (a === strong) return b !== none;
  if (b === strong) return a !== none;
  return (a === weak && (b === key || b === letter)) || (b === weak && (a === key || a === letter));
}

/** Whether a dash look-alike between characters of these kinds may join a key: two key characters, one a letter. */
function dashJoins(before: number, after: number): boolean {
  return (before === letter && (after === letter || after === key)) || (after === letter && before === key);
}

/** The code a JSON escape `\uXXXX` at `at` writes, or -1. */
function escapedCode(text: string, at: number): number {
  if (text.charCodeAt(at) !== 92 || text.charCodeAt(at + 1) !== 117) return -1;
  let code = 0;
  for (let i = at + 2; i < at + 6; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}

/**
 * Whether a reading with those characters folded may show a key: a character of `lookalike` or a
 * fullwidth or mathematical one (or its JSON escape) stands next to a key character or another
 * foldable one (a mixed-script word, a fullwidth run); a character of `weakLookalike` next to an
 * ASCII key character or one of the former; a dash look-alike between two ASCII key characters, one a letter. Not
 * Russian, Greek, Armenian or Cherokee prose between blanks, whose words are folded too but then
 * hold no key. One pass over the code units with a table (a regex of these classes cost 8–18 µs
 * on a kilobyte of Turkish or Armenian prose); ASCII text with no `\u` escape is passed at once,
 * and other ASCII text is read only at its escapes and their neighbours.
 */
export function mayHoldConfusable(text: string): boolean {
  if (asciiText(text)) return escapedAsciiText(text) && escapesMayHoldConfusable(text);
  let before = none;
  let prev = none;
  for (let i = 0; i < text.length; ) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code === 92) {
      const escaped = escapedCode(text, i);
      if (escaped >= 0) {
        code = escaped;
        width = 6;
      }
    }
    // A mathematical letter's pair (raw or escaped) is one character.
    if (code === 0xd835) width += lowSurrogateWidth(text, i + width);
    const k = kinds[code] as number;
    if (keyJoint(prev, k) || (prev === dash && dashJoins(before, k))) return true;
    before = prev;
    prev = k;
    i += width;
  }
  return false;
}

/** The width of a low surrogate (raw, or a JSON escape of one) at `at`, or 0. */
function lowSurrogateWidth(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff) return 1;
  const e = escapedCode(text, at);
  return e >= 0xdc00 && e <= 0xdfff ? 6 : 0;
}

/** {@link mayHoldConfusable} for ASCII text: only its `\uXXXX` escapes can be foldable, so each is read with its neighbours. */
function escapesMayHoldConfusable(text: string): boolean {
  for (let at = text.indexOf('\\u'); at !== -1; at = text.indexOf('\\u', at + 1)) {
    const code = escapedCode(text, at);
    if (code < 0) continue;
    let end = at + 6;
    if (code === 0xd835) end += lowSurrogateWidth(text, end);
    const k = kinds[code] as number;
    if (k === none || k === key || k === letter) continue;
    const left = neighbourKinds(text, at, -1);
    const right = neighbourKinds(text, end, 1);
    for (const l of left) if (keyJoint(l, k)) return true;
    for (const r of right) if (keyJoint(k, r)) return true;
    if (k === dash && left.some((l) => right.some((r) => dashJoins(l, r)))) return true;
  }
  return false;
}

/**
 * The kinds the character before `at` (`step` -1) or at `at` (`step` 1) may have: as written, and
 * as an escape that ends or starts there (a mathematical letter's escaped pair counts as its high
 * surrogate's kind).
 */
function neighbourKinds(text: string, at: number, step: -1 | 1): number[] {
  const raw = step === 1 ? text.charCodeAt(at) : text.charCodeAt(at - 1);
  const out = [Number.isNaN(raw) ? none : (kinds[raw] as number)];
  const escaped = step === 1 ? escapedCode(text, at) : escapedCode(text, at - 6);
  if (escaped >= 0) out.push(kinds[escaped] as number);
  if (step === -1 && escaped >= 0xdc00 && escaped <= 0xdfff && escapedCode(text, at - 12) === 0xd835) out.push(strong);
  return out;
}

/** The ASCII a character (or a surrogate pair) folds to, or undefined. */
function foldedChar(code: number, next: number): string | undefined {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  const same = lookalike.get(code) ?? weakLookalike.get(code);
  if (same !== undefined) return same;
  if (code === 0xd835 && next >= 0xdc00 && next <= 0xdfff) {
    const folded = String.fromCharCode(code, next).normalize('NFKC');
    return folded.length === 1 && folded.charCodeAt(0) < 128 ? folded : undefined;
  }
  return undefined;
}

/**
 * `text` with those characters (and their JSON escapes) folded to ASCII, and `from[i]`, the index
 * in `text` of character `i` of the result, with `from[result.length] === text.length`: a range
 * `[s, e)` of the result covers `[from[s], from[e])` of `text`, whole escapes and pairs included.
 * `changed` says whether any character was.
 */
export function foldConfusablesMapped(text: string): {
  readonly folded: string;
  readonly from: readonly number[];
  readonly changed: boolean;
} {
  let folded = '';
  const from: number[] = [];
  let changed = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 92 && text.charAt(i + 1) === 'u') {
      const escapedCode = Number.parseInt(text.slice(i + 2, i + 6), 16);
      // A mathematical letter escaped as its surrogate pair: `\ud835\udc2c`.
      const pair = escapedCode === 0xd835 && text.startsWith('\\u', i + 6);
      const c = Number.isNaN(escapedCode) ? undefined : foldedChar(escapedCode, pair ? Number.parseInt(text.slice(i + 8, i + 12), 16) : 0);
      if (c !== undefined) {
        folded += c;
        from.push(i);
        changed = true;
        i += pair ? 12 : 6;
        continue;
      }
    }
    const c = code < 128 ? undefined : foldedChar(code, text.charCodeAt(i + 1));
    if (c === undefined) {
      folded += text.charAt(i);
      from.push(i);
      i++;
    } else {
      folded += c;
      from.push(i);
      changed = true;
      i += code === 0xd835 ? 2 : 1;
    }
  }
  from.push(text.length);
  return { folded, from, changed };
}
