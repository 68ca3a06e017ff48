import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { isNegationCue } from '../polarity/polarity-cues.js';

// Words that join a second predication after a comma ("…can't rent the mount, and the telescope doesn't fit…").
const joiners = new Set(['and', 'but', 'while', 'whereas']);
const particles = new Set(['not', 'never', 'cannot', 'no']);

/**
 * Whether `whole` joins two predications after a comma and the one that says what `other` says (two
 * content words of it or more, more than the rest) is negated as `other` is: "First-time customers
 * can't rent the tracking mount, and the telescope doesn't fit in a small car" holds two negations,
 * which the clause's count reads as none, but its part about the mount denies what "We don't rent
 * the tracking mount to first-time customers" denies. The other part is compared nowhere here: it
 * is a claim of its own, which the rules that align clauses judge. Only where the count cancels (two
 * negations or more read as none): for any clause joined after a comma, hold-outs 8 and 10 (blind)
 * each lost a caught negation.
 */
export function partAgrees(whole: ClauseFacts, other: ClauseFacts): boolean {
  if (whole.polarity.free === true || other.polarity.free === true) return false;
  // Only where the count cancels: two negations or more, read as none.
  if (whole.polarity.negated || whole.tokens.filter((t) => isNegationCue(t.lower)).length < 2) return false;
  const parts = coordinatedParts(whole.tokens);
  if (parts.length < 2) return false;
  let best: readonly ClauseToken[] | undefined;
  let bestShared = 0;
  let tie = false;
  for (const part of parts) {
    let shared = 0;
    for (const w of contentWords(part.map((t) => t.core).join(' '))) if (other.contentSet.has(w)) shared++;
    if (shared > bestShared) {
      best = part;
      bestShared = shared;
      tie = false;
    } else if (shared === bestShared) tie = true;
  }
  if (best === undefined || tie || bestShared < 2) return false;
  // That part denies its verb with one plain negation ("can't rent", "doesn't include"): a "without" or
  // a denying verb there may be the part's detail ("rent the mount without a deposit"), not its claim.
  const cues = best.filter((t) => isNegationCue(t.lower));
  const plain = cues[0]?.lower ?? '';
  if (cues.length !== 1 || !(particles.has(plain) || plain.endsWith("n't"))) return false;
  return clausePolarity(best).negated === other.polarity.negated;
}

/**
 * Whether `other` says one predication of `whole` only, and that one as `whole` says it: `whole` joins
 * predications after a comma, one part shares two content words or more with `other` and every other
 * part none, and that part is negated as `other` is. "Players under 7 aren't allowed in the arena, and
 * everyone must wear the vest provided" against "Vest: compulsory, we provide it": the negation is
 * the other part's, which `other` does not speak of. A clause that shares words with two parts is left
 * to {@link partAgrees}, which reads it only where the whole's count cancels.
 */
export function saysOnePart(whole: ClauseFacts, other: ClauseFacts): boolean {
  if (whole.polarity.free === true || other.polarity.free === true) return false;
  const parts = coordinatedParts(whole.tokens);
  if (parts.length < 2) return false;
  let said: readonly ClauseToken[] | undefined;
  for (const part of parts) {
    let shared = 0;
    for (const w of contentWords(part.map((t) => t.core).join(' '))) if (other.contentSet.has(w)) shared++;
    if (shared === 0) continue;
    if (said !== undefined || shared < 2) return false;
    said = part;
  }
  return said !== undefined && clausePolarity(said).negated === other.polarity.negated;
}

/** The predications a clause joins after a comma, without the joining word. */
function coordinatedParts(tokens: readonly ClauseToken[]): (readonly ClauseToken[])[] {
  const parts: (readonly ClauseToken[])[] = [];
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (!joiners.has(tokens[i]?.lower ?? '') || !(tokens[i - 1]?.after ?? '').includes(',')) continue;
    parts.push(tokens.slice(start, i));
    start = i + 1;
  }
  if (parts.length > 0) parts.push(tokens.slice(start));
  return parts;
}
