import { type ClauseFacts, type FactSheet, joinClauses } from '../clauses/fact-sheet.js';
import { saidInOneSentence } from './known-words.js';

// Indefinite pronouns (folded): they refer, they name nothing ("…, you don't need to do anything").
const indefinite = new Set('anyth someth everyth noth anyon someon everyon anybody somebody nobody whatev'.split(' '));

/**
 * How many content words a clause's claim has: its own, and those of the condition clauses before it
 * in its sentence. A promise made on a condition says little on its own ("If a key we cut doesn't
 * work, *we'll replace it for free*": "it" is the key), but the sentence is one claim, as long as
 * both parts together. Its own size where the consequent names nothing itself ("Once service returns,
 * you don't need to do anything") or production says the sentence's words in one sentence of its own
 * ("If you cancel less than 72 hours ahead, you won't get it back" against "The deposit is forfeited
 * if you cancel with less than 72 hours' notice"): `share` of them, as {@link saidInOneSentence} reads it.
 */
export function claimSize(c: ClauseFacts, sheet: FactSheet, production: readonly FactSheet[], share: number): number {
  const own = c.content.length;
  if (c.content.every((w) => indefinite.has(w))) return own;
  const at = sheet.clauses.indexOf(c);
  let first = at;
  while (first > 0) {
    const before = sheet.clauses[first - 1];
    if (before === undefined || before.sentence !== c.sentence || !before.condition) break;
    first--;
  }
  if (first === at) return own;
  const parts = sheet.clauses.slice(first, at + 1);
  const whole = joinClauses(parts, sheet.words);
  return saidInOneSentence(whole, production, share) ? own : whole.content.length;
}
