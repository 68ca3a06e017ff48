import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';

// Predicates that state one status of a thing in other words: a negation of one bears on a clause
// that states another ("not eligible for the warranty" / "covered by the warranty", "not part of
// your membership" / "included in it", "do not permit pets" / "pets are allowed"). Two kinds are
// kept apart: being within what is given (included, covered, eligible) and being on offer or let in
// (available, offered, allowed) — a towel "not included" may well be "available" for a fee.
const kinds = [
  'included include includes part covered cover covers eligible entitled qualify qualifies qualified provided provides supplied',
  'available offered offer offers provided provides allowed permitted permit permits welcome accepted accept accepts supported',
];

// Each kind as the content forms a clause holds and as the words its tokens spell (some, such as
// "allowed", are modal cues with no content form).
const kin = kinds.map((k) => {
  const words = k.split(' ');
  return new Set([...words, ...words.flatMap((w) => contentWords(w))]);
});

/** The kinds of status predicate a word (a content form or a lower-cased token) is of, as bits; 0 for none. */
function kindsOf(word: string): number {
  let bits = 0;
  kin.forEach((k, i) => {
    if (k.has(word)) bits |= 1 << i;
  });
  return bits;
}

/** Whether clause `c` states a predicate of a kind of `head` (a content form a negation governs). */
export function statesKin(c: ClauseFacts, head: string): boolean {
  const bits = kindsOf(head);
  if (bits === 0) return false;
  for (const w of c.content) if ((kindsOf(w) & bits) !== 0) return true;
  for (const t of c.tokens) if ((kindsOf(t.lower) & bits) !== 0) return true;
  return false;
}
