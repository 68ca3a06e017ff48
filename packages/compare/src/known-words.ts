import { usesContentWord } from './content-vocabulary.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';

// Nouns that name no thing of their own: what a paraphrase uses to point back at one (content forms).
const generic = new Set('featur part option thing item step process way kind type detail aspect piec one'.split(' '));

/** How many of a clause's content words (each time it uses one) are generic or used by some production answer. */
export function knownWords(c: ClauseFacts, production: readonly FactSheet[]): number {
  let known = 0;
  for (let i = 0; i < c.contentIds.length; i++) {
    if (generic.has(c.content[i] as string)) {
      known++;
      continue;
    }
    const w = c.contentIds[i] as number;
    for (const s of production)
      if (usesContentWord(s, w)) {
        known++;
        break;
      }
  }
  return known;
}
