import type { ClauseToken } from '../clauses/split-clauses.js';

// "Late arrivals are turned away", "we turn walk-ins away": people refused entry or service, as
// "not admitted" says. "Turn away from the road" is a direction, not a refusal.
const turns = new Set(['turn', 'turns', 'turned', 'turning']);

/** Whether the word at `i` turns someone away: "turned away", or "turn <one or two words> away", not "away from". */
export function turnsAway(t: readonly ClauseToken[], i: number): boolean {
  const x = t[i];
  if (x === undefined || !turns.has(x.lower) || (x.after ?? '') !== '') return false;
  for (let p = i + 1; p <= i + 3 && p < t.length; p++) {
    const w = t[p] as ClauseToken;
    if (w.lower === 'away') return t[p + 1]?.lower !== 'from';
    if ((w.after ?? '') !== '') return false;
  }
  return false;
}
