import { align } from '../clauses/clause-alignment.js';
import { type ClauseFacts, type FactSheet, joinClauses } from '../clauses/fact-sheet.js';
import { modalityDiffers } from './polarity-agreement.js';

/**
 * Whether the original says what candidate clause `c` says, cut into several clauses of one sentence
 * ("We need a 50% deposit to hold the date, and it's refundable up to 7 days before" / "To hold the
 * date we need a 50% deposit, refundable up to 7 days before the session"): the original's clauses
 * whose closest candidate clause is `c`, two or more in one sentence, joined, say it closely (Dice of
 * `alignClause`) with its stance. Then the original, not a baseline's other wording, judges it.
 */
export function saidAcrossClauses(
  c: ClauseFacts,
  original: FactSheet,
  candidate: FactSheet,
  opposed: (a: ClauseFacts, b: ClauseFacts) => boolean,
  o: { readonly alignClause: number; readonly maxClauses: number },
): boolean {
  const n = Math.min(original.clauses.length, o.maxClauses);
  const parts: ClauseFacts[] = [];
  for (let i = 0; i < n; i++) {
    const x = original.clauses[i] as ClauseFacts;
    if (x.condition || x.framing || align(x, candidate, o.maxClauses)?.clause !== c) continue;
    if (parts.length > 0 && (parts[0] as ClauseFacts).sentence !== x.sentence) return false;
    parts.push(x);
  }
  if (parts.length < 2) return false;
  const joined = joinClauses(parts, original.words);
  return dice(joined, c) >= o.alignClause && !opposed(joined, c) && !modalityDiffers(joined.polarity, c.polarity);
}

function dice(a: ClauseFacts, b: ClauseFacts): number {
  const n = a.contentUnique.length + b.contentUnique.length;
  if (n === 0) return 0;
  let common = 0;
  for (const w of a.contentUnique) if (b.contentUnique.includes(w)) common++;
  return (2 * common) / n;
}
