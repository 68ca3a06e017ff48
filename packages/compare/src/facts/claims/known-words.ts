import { usesContentWord } from '../clauses/content-vocabulary.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';

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

/**
 * Whether one sentence of some production answer uses at least `share` of a clause's distinct
 * content words (generic ones count as used). A new sentence may reuse production's words and
 * still make a claim production does not: "You'll also get free public charging for the first
 * year" takes "free", "charging", "first" and "year" from three sentences about other things. Its
 * words are known, but no sentence of production says them together.
 */
export function saidInOneSentence(c: ClauseFacts, production: readonly FactSheet[], share: number): boolean {
  const words = c.contentUnique;
  if (words.length === 0) return true;
  let generics = 0;
  for (const w of c.contentSet) if (generic.has(w)) generics++;
  const needed = share * words.length - generics;
  if (needed <= 0) return true;
  // A clause that says something is free needs a sentence that says it free too ("free" is a
  // polarity cue, not a content word: "free public charging" is not said by "charger installation").
  const free = c.polarity.free === true;
  // Per word of `c` (each once in `words`), the sentence count at which a clause last used it: a
  // word counts once per sentence, with no set made per sentence.
  const seenIn = new Int32Array(words.length).fill(-1);
  let sentences = 0;
  for (const s of production) {
    // Distinct words of `c` each sentence of this answer uses, sentence by sentence (clauses are in order).
    let sentence = -1;
    let found = 0;
    let saysFree = false;
    for (const x of s.clauses) {
      if (x.sentence !== sentence) {
        sentence = x.sentence;
        sentences++;
        found = 0;
        saysFree = false;
      }
      saysFree ||= x.polarity.free === true;
      for (let j = 0; j < words.length; j++)
        if (seenIn[j] !== sentences && x.contentUnique.includes(words[j] as number)) {
          seenIn[j] = sentences;
          found++;
        }
      if (found >= needed && (!free || saysFree)) return true;
    }
  }
  return false;
}
