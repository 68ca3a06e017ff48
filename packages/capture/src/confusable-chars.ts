/**
 * Characters that read as ASCII letters and digits: the fullwidth forms (U+FF01–FF5E, as East
 * Asian input methods type `ｓｋ-…`), the Cyrillic and Greek letters that look like Latin ones
 * (`ѕ`, `к`, `а`, `е`, `о`, `р`, `с`, `х`, `і`, `Α`, `Κ`…; Unicode's confusables), and the
 * mathematical alphanumerics NFKC folds (`𝐬𝐤`). A key written with them reads, and is copied
 * back, as the key, while the key shapes see another word; so secrets are also looked for in the
 * text with them folded to ASCII, as with invisible characters (`invisible-chars.ts`). JSON
 * escapes of them (`\uff53`, as `json.dumps` writes any non-ASCII character) count the same.
 */

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

/** A look-alike or fullwidth character (or a JSON escape of one, or a surrogate of a mathematical letter) next to a key character. */
const keyChar = '[A-Za-z0-9_\\-]';
const foldable = `[\\uff01-\\uff5e${[...lookalike.keys()].map((c) => String.fromCharCode(c)).join('')}]|\\ud835[\\udc00-\\udfff]`;
const escaped = '\\\\u(?:[dD]835|[fF][fF][0-5][0-9a-fA-F]|0[34][0-9a-fA-F]{2}|050[01]|051[bdBD]|04[cC][fF])';
/** Where a folded reading may show a key: a foldable character beside a key character or another foldable one. */
const mixed = new RegExp(`(?:${foldable}|${escaped})(?:${foldable}|${escaped}|${keyChar})|${keyChar}(?:${foldable}|${escaped})`);
const rawFoldable = new RegExp(foldable);

/**
 * Whether a reading with those characters folded may show a key: a foldable character (or its
 * escape) stands next to a key character or another foldable one — a mixed-script word or a
 * fullwidth run, not Russian or Greek prose between blanks (`Пароль должен…`), whose words are
 * folded too but then hold no key. A native length check first: most text is ASCII.
 */
export function mayHoldConfusable(text: string): boolean {
  if (Buffer.byteLength(text) === text.length) return text.includes('\\u') && mixed.test(text);
  return (rawFoldable.test(text) || text.includes('\\u')) && mixed.test(text);
}

/** The ASCII a character (or a surrogate pair) folds to, or undefined. */
function foldedChar(code: number, next: number): string | undefined {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  const same = lookalike.get(code);
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
