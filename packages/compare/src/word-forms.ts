// Small facts about a word's spelling, shared by the value readers and the fact rules.

/** A word's singular for unit and name look-ups: "nights" → "night", "policies" → "policy", "Monday's" → "monday". */
export function singular(word: string): string {
  if (word.endsWith("'s") || word.endsWith('’s')) return singular(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Whether a word holds an ASCII digit (what `\d` matches). */
export function hasDigit(c: string): boolean {
  for (let k = 0; k < c.length; k++) {
    const code = c.charCodeAt(k);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
