import type { ClauseToken } from './split-clauses.js';

// What "on" and "off" are read as where they name a state ("is on by default", "stays off", "on site").
const switchedOn = 'on:state';
const switchedOff = 'off:state';
// Words before "on"/"off" that make it the state of its subject ("is on", "stays off", "switched on").
const stateVerbs = new Set(
  'is are was were be been stays stay remains remain turned turn switched switch set left kept toggled'.split(' '),
);
// Words after "on"/"off" that make it a state or a place ("on by default", "off site", "off premises").
const stateNouns = new Set(['site', 'premises', 'campus']);

/** Whether "on"/"off" at `i` names a state or a side of a place rather than a preposition or a discount. */
function namesState(tokens: readonly ClauseToken[], i: number): boolean {
  const next = tokens[i + 1]?.lower;
  if (stateNouns.has(next ?? '')) return true;
  if (next === 'by' && tokens[i + 2]?.lower === 'default') return true;
  // "is on", "stays off" ending the clause or before a comma or a time phrase; not "is on the desk".
  const before = tokens[i - 1]?.lower ?? '';
  if (!stateVerbs.has(before)) return false;
  return (
    next === undefined ||
    (tokens[i]?.after ?? '') !== '' ||
    next === 'during' ||
    next === 'until' ||
    next === 'for' ||
    next === 'when' ||
    next === 'while'
  );
}

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
  ['on-site', 'off-site'],
  ['onsite', 'offsite'],
  // An outcome: "failed its inspection" / "passed it" ("didn't pass" says what "failed" does).
  ['passed', 'failed'],
  ['pass', 'fail'],
  ['passes', 'fails'],
  ['pass', 'failed'],
  // "on" and "off" as a state ({@link sides}), not as prepositions ("20% off", "on Monday").
  [switchedOn, switchedOff],
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
 * The words of a clause, "on"/"off" read as a state where they name one ({@link namesState}), less an "extra" denied by "no" or "without" before it ("at no extra cost",
 * "without any extra fee"): that phrase is the price sense of "free" (clause-polarity.ts), read on
 * its own; "costs extra" and "an extra fee" keep it.
 */
function sides(tokens: readonly ClauseToken[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if ((t.lower === 'on' || t.lower === 'off') && namesState(tokens, i)) {
      out.add(t.lower === 'on' ? switchedOn : switchedOff);
      return;
    }
    const denied =
      t.lower === 'extra' && [i - 1, i - 2].some((k) => k >= 0 && (tokens[k]?.lower === 'no' || tokens[k]?.lower === 'without'));
    if (!denied) out.add(t.lower);
  });
  return out;
}

function namesDirection(t: ClauseToken): boolean {
  return directionWords.has(t.lower) || t.lower === 'on' || t.lower === 'off';
}
