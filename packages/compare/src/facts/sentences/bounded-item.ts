import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';

// A bound after an item ("orders over $40", "bags above 23 kg") or a comparative before it ("smaller
// orders", "larger groups", "heavier bags") names a group of the items, not the item: "Orders over $40
// ship free" and "smaller orders pay $4.95" put two groups on two sides of the price, one rule.
const boundsAfter = new Set(['over', 'under', 'above', 'below', 'exceeding', 'upwards', 'beyond']);
const comparative = /^\p{L}{3,}(?:er|est)$/u;
const amounts = new Set(['more', 'less', 'fewer', 'most', 'least']);

/** Whether clause `c` names item word `w` (a content word) as a group set apart by a bound or a comparative. */
export function boundedItem(c: ClauseFacts, w: string): boolean {
  const t = c.tokens;
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (x === undefined || !contentWords(x.core).includes(w)) continue;
    const next = t[i + 1]?.lower ?? '';
    const prev = t[i - 1]?.lower ?? '';
    if ((x.after ?? '') === '' && boundsAfter.has(next)) return true;
    if (amounts.has(prev) || (comparative.test(prev) && !isFunctionWord(prev) && (t[i - 1]?.after ?? '') === '')) return true;
  }
  return false;
}
