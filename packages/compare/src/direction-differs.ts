import type { ClauseToken } from './split-clauses.js';

// Pairs of words that state opposite directions or sides of a bound: one clause saying the one and
// the other the other is a flip ("will increase" / "will decrease", "above the limit" / "below").
const directions: readonly (readonly [string, string])[] = [
  ['open', 'closed'],
  ['opens', 'closes'],
  ['open', 'shut'],
  ['increase', 'decrease'],
  ['increases', 'decreases'],
  ['increased', 'decreased'],
  ['increase', 'reduce'],
  ['increases', 'reduces'],
  ['increased', 'reduced'],
  ['rise', 'fall'],
  ['raise', 'lower'],
  ['higher', 'lower'],
  ['above', 'below'],
  ['before', 'after'],
  ['earlier', 'later'],
  ['earliest', 'latest'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['maximum', 'minimum'],
  ['credit', 'debit'],
  ['credited', 'debited'],
  ['add', 'remove'],
  ['added', 'removed'],
  ['inbound', 'outbound'],
  ['upgrade', 'downgrade'],
  ['upgraded', 'downgraded'],
  // Two sides of a state or a role: a clause saying one and its counterpart the other is a flip
  // ("a private bathroom" / "a shared bathroom", "a full refund" / "a partial refund", "the seller
  // pays" / "the buyer pays"). A negation with the other word says the same ("not shared").
  ['included', 'extra'],
  ['includes', 'extra'],
  ['private', 'shared'],
  ['private', 'public'],
  ['enabled', 'disabled'],
  ['enable', 'disable'],
  ['activated', 'deactivated'],
  ['full', 'partial'],
  ['fully', 'partially'],
  ['permanent', 'temporary'],
  ['permanently', 'temporarily'],
  ['indoor', 'outdoor'],
  ['indoors', 'outdoors'],
  ['domestic', 'international'],
  ['automatic', 'manual'],
  ['automatically', 'manually'],
  ['buyer', 'seller'],
  ['landlord', 'tenant'],
  ['sender', 'recipient'],
];

/**
 * Whether two aligned clauses name opposite directions: one says a word of a pair the other does
 * not, and the other says its opposite the first does not.
 */
export function directionDiffers(a: readonly ClauseToken[], b: readonly ClauseToken[]): boolean {
  // Most clauses name no direction: then there is nothing to compare.
  if (!a.some(namesDirection) || !b.some(namesDirection)) return false;
  const wa = sides(a);
  const wb = sides(b);
  for (const [x, y] of directions) {
    if (wa.has(x) && wb.has(y) && !wa.has(y) && !wb.has(x)) return true;
    if (wa.has(y) && wb.has(x) && !wa.has(x) && !wb.has(y)) return true;
  }
  return false;
}

const directionWords = new Set(directions.flat());

/**
 * The words of a clause, less an "extra" denied by "no" or "without" before it ("at no extra cost",
 * "without any extra fee"): that phrase is the price sense of "free" (clause-polarity.ts), read on
 * its own; "costs extra" and "an extra fee" keep it.
 */
function sides(tokens: readonly ClauseToken[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    const denied =
      t.lower === 'extra' && [i - 1, i - 2].some((k) => k >= 0 && (tokens[k]?.lower === 'no' || tokens[k]?.lower === 'without'));
    if (!denied) out.add(t.lower);
  });
  return out;
}

function namesDirection(t: ClauseToken): boolean {
  return directionWords.has(t.lower);
}
