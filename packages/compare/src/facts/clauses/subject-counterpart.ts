import { diceOf, distinctive } from './clause-alignment.js';
import type { ClauseFacts, FactSheet } from './fact-sheet.js';

/**
 * The clause of `sheet` of the other polarity whose subject is the subject of `c`: both open with the
 * same content word, one each answer uses in that clause only, and they share another word, with a
 * Dice of at least `strict / 2` ("Children under 12 aren't allowed on the beds" for "Children of any
 * age may join the walk to the beds", whose closest wording is the clause about walking out to the
 * beds). What a rule is about is its subject more than the rest of its words: a reworded clause keeps
 * the subject and changes the predicate's words. Undefined when none.
 */
export function subjectCounterpart(
  c: ClauseFacts,
  sheet: FactSheet,
  candidate: FactSheet,
  strict: number,
  max: number,
): ClauseFacts | undefined {
  const subject = c.contentIds[0];
  if (subject === undefined || c.contentUnique.length < 2 || c.condition) return undefined;
  const n = Math.min(sheet.clauses.length, max);
  for (let i = 0; i < n; i++) {
    const x = sheet.clauses[i];
    if (x === undefined || x.condition || x.contentIds[0] !== subject || x.polarity.negated === c.polarity.negated) continue;
    if (!distinctive(candidate).has(subject) || !distinctive(sheet).has(subject)) return undefined;
    let common = 0;
    for (const w of c.contentUnique) if (x.contentUnique.includes(w)) common++;
    if (common >= 2 && diceOf(c, x, common) >= strict / 2) return x;
  }
  return undefined;
}
