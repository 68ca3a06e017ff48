import { isAscii, isAsciiSpace, straightApostrophes } from './word-forms.js';
import { memoSlots, type WordIds } from './word-ids.js';
import { segmentWords } from './word-segments.js';

// The words of a text as the similarity and the fact rules see them: lower case, a light suffix
// fold, punctuation dropped. One tokenizer for both (a word must fold the same way in each).

const wordPattern = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

// A light suffix fold ("answers"/"answered"/"answering" → "answer"): paraphrases flex words.
function fold(w: string): string {
  // "there's", "driver's": the word it is attached to ("is", "has" or a possessive).
  if (w.endsWith("'s")) return w.slice(0, -2);
  if (w.length <= 4) return w;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') || w.endsWith('es') || w.endsWith('ly')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Where {@link fold} would cut `text[start, end)`, without slicing twice (the ASCII fast path). */
function foldedEnd(text: string, start: number, end: number): number {
  const n = end - start;
  const c1 = text.charCodeAt(end - 1);
  const c2 = text.charCodeAt(end - 2);
  if (c1 === 115 && c2 === 39) return end - 2; // 's
  if (n <= 4) return end;
  if (n > 5 && c1 === 103 && c2 === 110 && text.charCodeAt(end - 3) === 105) return end - 3; // -ing
  if ((c2 === 101 && (c1 === 100 || c1 === 115)) || (c2 === 108 && c1 === 121)) return end - 2; // -ed -es -ly
  if (c1 === 115 && c2 !== 115) return end - 1; // -s, not -ss
  return end;
}

/** A text lower-cased, its curly apostrophes straight ("don’t" is one word, as "don't" is). */
function unicodeLower(text: string): string {
  return straightApostrophes(text.toLowerCase());
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Folded words of a text (lower case, light suffix folding, punctuation dropped). */
export function textTokens(text: string): string[] {
  const lower = unicodeLower(text);
  const out: string[] = [];
  if (!asciiWords(lower, (start, end) => out.push(lower.slice(start, end))))
    for (const m of unicodeLower(segmentWords(text)).matchAll(wordPattern)) out.push(fold(m[0]));
  return out;
}

/**
 * {@link textTokens} as ids of `ids`, without a string per word for words it knows. An ASCII text
 * is read chunk by chunk (runs between white space, which always separates words): each distinct
 * chunk as written ("Refund.", "BK-4821,") is tokenized once per word table and its word ids
 * remembered.
 */
export function textTokenIds(text: string, ids: WordIds): number[] {
  if (isAscii(text)) return asciiTokenIds(text, ids);
  const lower = unicodeLower(segmentWords(text));
  const out: number[] = [];
  if (!asciiWords(lower, (start, end) => out.push(ids.idOf(lower, start, end))))
    for (const m of lower.matchAll(wordPattern)) out.push(ids.id(fold(m[0])));
  return out;
}

function asciiTokenIds(text: string, ids: WordIds): number[] {
  const memo = ids.listMemo(memoSlots.chunkWords);
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isAsciiSpace(text.charCodeAt(i))) i++;
    const chunk = ids.idOf(text, start, i);
    let words = memo[chunk];
    if (words === undefined) {
      const lower = (ids.words[chunk] as string).toLowerCase();
      const found: number[] = [];
      asciiWords(lower, (s, e) => found.push(ids.idOf(lower, s, e)));
      words = found;
      memo[chunk] = words;
    }
    // Most chunks are one word.
    if (words.length === 1) out.push(words[0] as number);
    else for (const w of words) out.push(w);
  }
  return out;
}

/**
 * Visits the folded words of a lower-cased ASCII text as `[start, end)` ranges. Most answers are
 * ASCII: one hand-written pass, several times faster than a \p{L} regex. Returns false, having
 * visited nothing, when the text has any non-ASCII character (the Unicode pattern reads it).
 */
function asciiWords(lower: string, visit: (start: number, end: number) => void): boolean {
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 127) return false;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isAsciiWordChar(c)) {
      if (start === -1) start = i;
      continue;
    }
    // An apostrophe inside a word ("don't") keeps it whole.
    if (c === 39 && start !== -1) {
      const next = lower.charCodeAt(i + 1);
      if (next >= 97 && next <= 122) continue;
    }
    if (start !== -1) {
      visit(start, foldedEnd(lower, start, i));
      start = -1;
    }
  }
  return true;
}
