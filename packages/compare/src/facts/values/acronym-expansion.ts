import type { ClauseToken } from '../clauses/split-clauses.js';
import { clipsTo, skippedInInitials } from './name-abbreviations.js';

// A name written out and then abbreviated in brackets ("the Free Application for Federal Student Aid
// (FAFSA)", "the Department of Health and Human Services (HHS)") is one name, whatever small words
// stand inside it: the initials say so. Read as two names ("Free Application" and "Federal Student Aid
// FAFSA"), an answer that says only "FAFSA" or only the long form states neither.

const acronym = /^\p{Lu}[\p{Lu}&]{1,7}$/u;
// How many words a name written out may have around its small words (clipsTo reads up to six).
const maxWords = 6;

/**
 * Whether the small word at `i` ("for", "and", "the") stands inside a name that an acronym right
 * after it spells: capitalized words before and after it, then an all-capital word whose letters are
 * the initials of a run of them that holds `i`.
 */
export function insideSpelledName(tokens: readonly ClauseToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || !skippedInInitials.has(t.lower) || tokens[i - 1]?.upper !== true || tokens[i + 1]?.upper !== true) return false;
  let end = i + 1;
  while (end < tokens.length && end - i <= maxWords) {
    const x = tokens[end] as ClauseToken;
    if (x.upper && acronym.test(x.core) && end > i + 1) break;
    if (!x.upper && !skippedInInitials.has(x.lower)) return false;
    end++;
  }
  const short = tokens[end];
  if (short === undefined || !acronym.test(short.core)) return false;
  for (let start = i - 1; start >= 0 && end - start <= maxWords; start--) {
    const x = tokens[start] as ClauseToken;
    if (!x.upper) break;
    if (
      clipsTo(
        short.lower.replace(/&/g, ''),
        tokens.slice(start, end).map((w) => w.lower),
      )
    )
      return true;
  }
  return false;
}
