import type { ClauseToken } from '../clauses/split-clauses.js';

// Verbs of a price in the present: "costs nothing", "you pay nothing", "we charge nothing" say "free".
// Not the past ("you've paid nothing yet" says where a payment stands, not its price).
const priceVerbs = new Set(['cost', 'costs', 'costing', 'pay', 'pays', 'paying', 'charge', 'charges', 'charging']);
// Who a price verb is said to, between it and "nothing" ("costs you nothing", "charge them nothing").
const priceObjects = new Set(['you', 'us', 'them', 'him', 'her', 'me', 'anything', 'absolutely']);

/**
 * Whether "nothing" at `i` is what a price verb asks ("costs nothing", "costs you absolutely
 * nothing", "pay nothing extra"): the price sense of "free", as "no charge" is. "Nothing" of
 * anything else ("nothing is charged twice") denies as every other "nothing" does, and "nothing to pay
 * unless parts are needed" is left to the rules of conditions ("you'd only pay if parts are needed").
 */
export function nothingCharged(tokens: readonly ClauseToken[], i: number): boolean {
  if (tokens[i]?.lower !== 'nothing') return false;
  let k = i - 1;
  while (k >= i - 3 && k >= 0 && priceObjects.has(tokens[k]?.lower ?? '') && (tokens[k]?.after ?? '') === '') k--;
  return k >= 0 && k < i && (tokens[k]?.after ?? '') === '' && priceVerbs.has(tokens[k]?.lower ?? '');
}
