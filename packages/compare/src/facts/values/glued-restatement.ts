import type { FactSheet } from '../clauses/fact-sheet.js';
import type { FactValue } from './fact-value.js';

// Terse answers glue figures and words into one token with "-" or "/": "12-ch mixer" for "a
// 12-channel mixer", "$5-a-day storage" for "$5 a day", "35mm/120 film" for "35mm and 120 film",
// "250 g-25 kg" for "between 250 g and 25 kg". Read as a code, such a token is a value no
// production answer states; it restates their figures and words.

const separators = /[-/–]/;
const lowerLetter = /\p{Ll}/u;
const digit = /\d/;
const letterOrDigit = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;
const numeral = /\p{N}/u;

/** A sheet's text in lower case, made once per sheet (asked for each glued value of a candidate). */
function lowerSource(sheet: FactSheet): string {
  sheet.memo.lowerSource ??= sheet.source.toLowerCase();
  return sheet.memo.lowerSource;
}

/** Whether production's text says `part` as a figure of its own (not inside a longer one). */
function saysFigure(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1];
    const after = text[at + part.length];
    if ((before === undefined || !letterOrDigit.test(before)) && (after === undefined || !numeral.test(after))) return true;
  }
  return false;
}

/** Whether production's text has a word that starts with `part` ("ch" for "channel"). */
function startsWord(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1];
    if (before === undefined || !letter.test(before)) return true;
  }
  return false;
}

/**
 * Whether identifier `v` is prose glued into one token: two or more parts joined by "-" or "/",
 * one of them written in lower case (a code is not: "INV-2024-0193", "C-41"), and every part said
 * by some production answer — a part with a digit as a figure of its own, a word as the start of
 * one of its words.
 */
export function gluedRestatement(v: FactValue, production: readonly FactSheet[]): boolean {
  if (v.type !== 'identifier' || !separators.test(v.text)) return false;
  const parts = v.text.split(separators).filter((p) => p !== '');
  if (parts.length < 2 || !parts.some((p) => lowerLetter.test(p))) return false;
  const texts = production.map(lowerSource);
  return parts.every((p) => {
    const part = p.toLowerCase();
    return texts.some((t) => (digit.test(part) ? saysFigure(t, part) : startsWord(t, part)));
  });
}
