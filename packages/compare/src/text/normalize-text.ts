// Typographic variants an LLM (or a tokenizer change) swaps freely; none changes meaning.
const quoteLike = /[\u2018\u2019\u201a\u201b\u2032]/g;
const doubleQuoteLike = /[\u201c\u201d\u201e\u201f\u2033]/g;
const dashLike = /[\u2010-\u2015\u2212]/g;
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;
const spaces = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const blankLines = /\n{3,}/g;

/**
 * Unicode and whitespace normalization applied to text before it is compared: NFKC, one
 * form of quotes and dashes, no zero-width characters, runs of spaces collapsed, CRLF to LF
 * and trimmed lines. Case and punctuation are kept (they can matter); the similarity measure
 * decides what to fold.
 */
export function normalizeText(text: string): string {
  if (text.length === 0) return text;
  // Most answers are already clean ASCII: skip the ten passes when none could change anything.
  if (!needsWork(text)) return text.trim();
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(zeroWidth, '')
    .replace(quoteLike, "'")
    .replace(doubleQuoteLike, '"')
    .replace(dashLike, '-')
    .replace(spaces, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(blankLines, '\n\n')
    .trim();
}

/**
 * Whether any normalization step could change `text`: a character outside printable ASCII and
 * newline, two spaces in a row, a space next to a newline, or three newlines. One pass over char
 * codes (a regex alternation here cost more than the rest of canonicalization).
 */
function needsWork(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== 10)) return true;
    const next = text.charCodeAt(i + 1);
    if (c === 32 && (next === 32 || next === 10)) return true;
    if (c === 10 && (next === 32 || (next === 10 && text.charCodeAt(i + 2) === 10))) return true;
  }
  return false;
}
