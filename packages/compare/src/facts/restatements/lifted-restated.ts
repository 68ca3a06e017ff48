import type { ClauseToken } from '../clauses/split-clauses.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { liftable } from '../polarity/polarity-words.js';

// Words that state a thing as left to the reader: what a lifted necessity ("no appointment is
// needed", "isn't required") says from the other side.
const optional = new Set(['optional', 'voluntary']);

/**
 * Whether one of two clauses (or two sentences kept with edits) lifts a necessity by a negation ("No
 * appointment is needed", "A helmet isn't required") and the other, with no negation, says the same
 * thing is optional ("Appointments are optional"): one permission, worded by the need denied or by the
 * choice left. Both read as a permission that forbids nothing ({@link clausePolarity}); "You can't
 * park here" (a permission denied) or "may not" against "may" stay a flip, as does "is needed".
 */
export function liftedRestated(negated: readonly ClauseToken[], other: readonly ClauseToken[]): boolean {
  if (!other.some((t) => optional.has(t.lower.replace(/[.,;:!?)]+$/, ''))) || !negated.some((t) => liftable.has(t.lower))) return false;
  const a = clausePolarity(negated);
  const b = clausePolarity(other);
  return (
    a.negated && !b.negated && a.modality === 'possibility' && b.modality === 'possibility' && a.forbids !== true && b.forbids !== true
  );
}
