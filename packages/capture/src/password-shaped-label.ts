import type { Span } from './secret-value-spans.js';

/**
 * A value of a password's shape alone after a label of any language: one to three words of letters
 * in any script at a line's start (or a string's), a colon (`:` then a blank, or the fullwidth `：`),
 * then 8 to 64 characters with letters of both cases, a digit and a symbol only a password holds
 * (`!#$%&*+?^~=|`), no blank, quote, bracket, slash or `@`, and nothing after it on its line
 * (`nenosiri: …`, `პაროლი: …`, `contrasinal: …`: trust audit 10 found fourteen languages' labels
 * that no list held stored). The shape decides, not the word: a version, an id, a path, a URL, an
 * email or a sentence after such a label is none of it.
 */
export function passwordShapedLabelValues(text: string): Span[] {
  let out: Span[] | undefined;
  for (const colon of colons)
    for (let c = text.indexOf(colon); c !== -1; c = text.indexOf(colon, c + 1)) {
      if (!letterOrMark.test(text.charAt(c - 1))) continue;
      value.lastIndex = c + 1;
      const m = value.exec(text);
      const v = m?.[1];
      if (m === null || v === undefined || !strong(v)) continue;
      if (!labelBefore(text, c)) continue;
      const end = value.lastIndex;
      out ??= [];
      out.push([end - v.length, end]);
    }
  return out === undefined ? none : out.length > 1 ? out.sort((a, b) => a[0] - b[0]) : out;
}

const none: Span[] = [];
const colons = [': ', '：'] as const;
const letterOrMark = /[\p{L}\p{M}]/u;
/** After the colon: blanks, the value, blanks, then the line's end (a JSON `\n` too) or the string's (a quote) or the text's. */
const value = /[ \t]*([^\s"'`\\/@<>()[\]{}]{8,64})(?=[ \t]*(?:$|[\r\n"]|\\[nr"]))/y;
/** One to three words of letters from the line's start (a bullet allowed) to the colon. */
const label = /^[ \t]*(?:[-*•][ \t]+)?\p{L}[\p{L}\p{M}'’]*(?:[ \t]\p{L}[\p{L}\p{M}'’]*){0,2}$/u;
const maxLabel = 64;

function strong(v: string): boolean {
  return lower.test(v) && upper.test(v) && digit.test(v) && symbol.test(v);
}
const lower = /\p{Ll}/u;
const upper = /\p{Lu}/u;
const digit = /\d/;
const symbol = /[!#$%&*+?^~=|]/;

/** Whether the label before the colon at `c` starts its line (or a string). */
function labelBefore(text: string, c: number): boolean {
  let from = c;
  while (from > 0 && c - from <= maxLabel) {
    const ch = text.charAt(from - 1);
    if (ch === '\n' || ch === '\r' || ch === '"') break;
    if ((ch === 'n' || ch === 'r') && text.charAt(from - 2) === '\\') break;
    from--;
  }
  if (c - from > maxLabel) return false;
  return label.test(text.slice(from, c));
}
