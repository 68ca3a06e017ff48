import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';

// A clause the candidate adds after a concession, taking back what the sentence it replaces promised
// about a price: "Smart meter installation is free" → "Smart meter installation is available to
// every customer, though there's a charge for it"; "Bike hire is included" → "Bike hire can be
// arranged, but it's billed by the hour". The head clause keeps the subject and says nothing of the
// price; the tail, about "it", says the opposite of the original.

/** Where a clause puts what it is about: paid for on its own (`charged`), or at no charge (`free`). */
export type PriceSide = 'charged' | 'free';

const concessions = new Set(['though', 'although', 'but', 'however', 'yet']);
// Words that refer back to the head's subject ("though it isn't free", "but there's a fee for it").
const anaphors = new Set(['it', "it's", 'that', "that's", 'this', 'they', "they're", 'them', 'there', "there's"]);
const charging = new Set('charge charged charges cost costs fee fees extra pay paid payable billed bill priced surcharge'.split(' '));
const including = new Set(['included', 'includes', 'include', 'covered', 'complimentary']);

/** The side of the price a clause states, if it states one (a negation turns an inclusion round). */
export function priceSide(c: ClauseFacts): PriceSide | undefined {
  const p = c.polarity;
  const has = (words: ReadonlySet<string>): boolean => c.tokens.some((t) => words.has(t.lower));
  // "free" is counted among the negations: "is free" is negated, "isn't free" is not.
  if (p.free === true) return p.negated ? 'free' : 'charged';
  if (has(including)) return p.negated ? 'charged' : 'free';
  // "costs nothing", "no fee" are the price sense of free (counted above); a charge denied otherwise is no claim read here.
  if (has(charging)) return p.negated ? undefined : 'charged';
  return undefined;
}

/** Whether a clause opens with a concession and refers back to what the clause before it is about. */
function concedes(tokens: readonly ClauseToken[]): boolean {
  if (!concessions.has(tokens[0]?.lower ?? '')) return false;
  return tokens.slice(1, 4).some((t) => anaphors.has(t.lower));
}

/**
 * The tail of the candidate's sentence (`after`) that concedes a price the original sentence
 * (`before`) states the other way, for the head clause before it: the original's clause sharing the
 * most content words with the head. Evidence as `from` / `to`, with the tail's side; or undefined.
 */
export function tailFlip(
  before: readonly ClauseFacts[],
  after: readonly ClauseFacts[],
): { readonly from: string; readonly to: string; readonly side: PriceSide } | undefined {
  for (let i = 1; i < after.length; i++) {
    const tail = after[i] as ClauseFacts;
    const head = after[i - 1] as ClauseFacts;
    if (!concedes(tail.tokens)) continue;
    const side = priceSide(tail);
    if (side === undefined || priceSide(head) !== undefined) continue;
    let best: ClauseFacts | undefined;
    let most = 0;
    for (const b of before) {
      const shared = head.contentUnique.filter((w) => b.contentUnique.includes(w)).length;
      if (shared > most) {
        best = b;
        most = shared;
      }
    }
    const was = best === undefined ? undefined : priceSide(best);
    if (best !== undefined && was !== undefined && was !== side) return { from: best.text, to: `${head.text} ${tail.text}`, side };
  }
  return undefined;
}
