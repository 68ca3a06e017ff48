// Negating prefixes: "available"/"unavailable", "eligible"/"ineligible", "refundable"/"non-refundable".
const prefixes = ['un', 'in', 'im', 'ir', 'il', 'dis', 'non-', 'non'] as const;

/** Whether a lower-cased word of six letters or more opens with a negating prefix ("unused", and "interest" too). */
export function hasNegatingPrefix(word: string): boolean {
  if (word.length < 6) return false;
  for (const p of prefixes) if (word.startsWith(p)) return true;
  return false;
}

/**
 * What a lower-cased word of six letters or more says without each negating prefix it opens with
 * ("unused" → "used"; "non-refundable" → "refundable", "-refundable"). Whether that is a word is the
 * caller's to ask: "interest" gives "terest".
 */
export function withoutNegatingPrefix(word: string): string[] {
  if (word.length < 6) return [];
  const out: string[] = [];
  for (const p of prefixes) if (word.startsWith(p)) out.push(word.slice(p.length));
  return out;
}
