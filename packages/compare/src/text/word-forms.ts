// Small facts about a word's spelling, shared by the value readers and the fact rules.

/** A word's singular for unit and name look-ups: "nights" → "night", "policies" → "policy", "Monday's" → "monday". */
export function singular(word: string): string {
  if (word.endsWith("'s") || word.endsWith('’s')) return singular(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * A lower-cased word or text with its curly apostrophes (’, U+2019) straight: "don’t" reads as
 * "don't" everywhere a rule looks at words. The one place the fold is made (clause tokens and the
 * similarity's tokenizer call it).
 */
export function straightApostrophes(s: string): string {
  return s.includes('’') ? s.replace(/’/g, "'") : s;
}

/** Whether a word holds an ASCII digit (what `\d` matches). */
export function hasDigit(c: string): boolean {
  for (let k = 0; k < c.length; k++) {
    const code = c.charCodeAt(k);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** Whether a text is all ASCII (char codes below 128). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** ASCII white space (what `\s` matches below 128): tab, line feed, vertical tab, form feed, carriage return, space. */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether two content forms are one word (they are not inflected: "pays" / "pay", one opening the other). */
export function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 3 && b.length >= 3 && (a.length < b.length ? b.startsWith(a) : a.startsWith(b)));
}
