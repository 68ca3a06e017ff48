/**
 * Whether a text is ASCII, and ASCII with no `\u` escape: what several rules ask of every text before
 * they choose a reader (ASCII regexes, no Unicode tables; a name past ASCII read on its own). The
 * rules read the same text in turn, so the answer is kept for the last text asked about: one native
 * length check and one search a text, not one each rule.
 */
let last: string | undefined;
let ascii = false;
let escapes = false;

function read(text: string): void {
  if (text === last) return;
  last = text;
  ascii = Buffer.byteLength(text) === text.length;
  escapes = text.includes('\\u');
}

/** Whether every character of `text` is ASCII. */
export function asciiText(text: string): boolean {
  read(text);
  return ascii;
}

/** Whether `text` is ASCII and holds no `\u` escape (which a JSON reader would decode past ASCII). */
export function plainAsciiText(text: string): boolean {
  read(text);
  return ascii && !escapes;
}

/** Whether `text` is ASCII and holds a `\u` escape. */
export function escapedAsciiText(text: string): boolean {
  read(text);
  return ascii && escapes;
}
