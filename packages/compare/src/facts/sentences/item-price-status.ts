import type { SentenceDifference } from '../../report/divergence-report.js';
import { defineCue, holdsCue } from '../clauses/clause-cues.js';
import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { sheetReading } from '../clauses/sheet-reading.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { priceWords } from '../polarity/polarity-words.js';
import { boundedItem } from './bounded-item.js';

// What a price covers, item by item: "€390, including the kite, board, wetsuit and helmet" puts the
// wetsuit inside the price; "wetsuits are rented on site", "bathrobes are €5 to rent", "shipping is
// quoted separately" put it outside. An answer that moves an item across ("…including the kite and
// board; wetsuits are rented on site", "…, a towel and a bathrobe" where production rents bathrobes,
// "Coloured vinyl adds $0.80" → "…is available at no extra charge") keeps every clause's own polarity
// and most of its words: only the item's side of the price changed.

/** An item's side of the price: inside what is paid for already, or paid for apart. */
type Side = 'in' | 'apart';

// Words after which a clause lists what a price or a plan covers ("includes the kite and board").
const listing = new Set(['include', 'includes', 'including', 'covers', 'bundles']);
// Words after what they say is covered ("fitting and balancing are included").
const covered = new Set(['included', 'inclusive', 'covered', 'bundled', 'complimentary', 'refunded', 'refundable']);
// Words after what they put outside the price: paid on its own, hired, charged on top.
const apartWords = new Set([
  ...'separately separate rent rented rental hire hired charged billed surcharge add-on extra top'.split(' '),
  ...['non-refundable', 'nonrefundable', 'forfeited'],
]);
// Verbs whose subject is charged ("every bicycle pays a supplement"), read where no other word sets an item apart.
const paying = new Set(['pay', 'pays']);
// Words between a payer and "pay" ("students and staff both pay").
const payAdverbs = new Set(['both', 'also', 'still', 'each', 'all', 'too']);
// Words before what the reader supplies themselves ("bring your own apron"): apart from the price.
const bringing = new Set(['bring', 'brings']);

// The words that say "free" in its price sense ("free", "no charge", "without a fee").
const freeWords = new Set(['free', 'no', 'without']);

// Every word {@link sidesIn} reads a side from (its listing, covering, setting-apart, "free", "comes
// with", bringing and paying words): a clause holding none of them puts no item on a side, and most
// clauses hold none, so they are passed over before the per-clause reading.
const sideWords = new Set([...listing, ...covered, ...apartWords, ...paying, ...bringing, ...freeWords, 'part', 'comes', 'come', 'plus']);
/** The {@link sideWords} cue (clause-cues.ts): a clause without it puts no item on a side. */
export const sideCue = defineCue('price side', (w) => sideWords.has(w));

// Patterns asked per token, made once (no g or y flag: a test keeps no state).
const stretchMark = /[,;:]/;
const digit = /\d/;
const loneDash = /^[-–—]$/;
// A money amount ("$150", "€40", "25£").
const amount = /^[$€£¥]\d|^\d[\d,.]*[$€£¥]$/;

/** Whether a word may name an item (not a price word, a number or a function word). */
function itemWord(w: string): boolean {
  return (
    w.length >= 3 &&
    !digit.test(w) &&
    !isFunctionWord(w) &&
    !priceWords.has(w) &&
    !apartWords.has(w) &&
    !listing.has(w) &&
    !covered.has(w) &&
    !bringing.has(w)
  );
}

/**
 * Whether the word at `i` puts what comes before it outside the price: a word of {@link apartWords},
 * "extra" only as the predicate ("parking is extra", "costs extra") and not before a noun ("per extra
 * mile"), "top" only in "on top".
 */
function apartAt(t: readonly ClauseToken[], i: number): boolean {
  const w = t[i]?.lower ?? '';
  if (!apartWords.has(w)) return false;
  if (w === 'top') return t[i - 1]?.lower === 'on';
  if (w === 'extra') return i === t.length - 1 || priceWords.has(t[i + 1]?.lower ?? '') || (t[i]?.after ?? '').trim() !== '';
  return true;
}

/**
 * The items a clause puts on a side of the price: the words after a listing word ("…, including the
 * kite and board"), or before a covering one ("fitting and balancing are included"), inside it; the
 * words before a word that sets them apart ("wetsuits are rented on site", "food is ordered
 * separately") or before the price sense of "free" ("coloured vinyl is available at no extra charge")
 * on the side that word says. A negation right before the word turns the side round ("lunch isn't
 * included", "is not part of").
 * Conditions, framing and modal clauses put nothing; a clause with words of both sides, nothing.
 */
function sides(c: ClauseFacts): [string, Side][] {
  if (c.condition || !holdsCue(c, sideCue) || c.framing) return [];
  // A possibility puts an item apart only ("boots can be rented for $15"); any other modal, nothing.
  if (c.polarity.modality === 'possibility' && !c.polarity.negated) return plainSides(c).filter(([, s]) => s === 'apart');
  return c.polarity.modality === null ? plainSides(c) : [];
}

/** {@link sides} of a clause with no modal. */
function plainSides(c: ClauseFacts): [string, Side][] {
  // "free" counts among a clause's negations: "isn't free" nets an even count.
  const free = c.polarity.free === true && c.polarity.negated;
  const whole = sidesIn(c.tokens, free);
  if (whole !== undefined) return whole;
  // Words of both sides: each stretch between commas and semicolons read alone ("…includes the guide
  // and a map, and a picnic lunch is charged at the farm"), a stretch with both sides saying nothing.
  return stretches(c.tokens).flatMap((t) => sidesIn(t, free && t.some((x) => freeWords.has(x.lower))) ?? []);
}

/** The runs of a clause's words between commas, semicolons and colons. */
function stretches(t: readonly ClauseToken[]): (readonly ClauseToken[])[] {
  const out: ClauseToken[][] = [[]];
  for (const x of t) {
    (out[out.length - 1] as ClauseToken[]).push(x);
    if (stretchMark.test(x.after ?? '')) out.push([]);
  }
  return out.filter((r) => r.length > 0);
}

/**
 * The items words put on a side of the price ({@link sides}); undefined where they hold words of
 * both sides. `free`: the clause's price sense of "free" bears on these words.
 */
/** The item words of tokens `from` to `to` of `t`. */
function itemWordsIn(t: readonly ClauseToken[], from: number, to: number): string[] {
  return t
    .slice(from, to)
    .flatMap((x) => contentWords(x.core))
    .filter(itemWord);
}

/** Whether a negation turns round the word at `i` right after it ("isn't included", "not billed", "doesn't include"). */
function negatedBefore(t: readonly ClauseToken[], i: number): boolean {
  return t.slice(Math.max(0, i - 3), i).some((x) => isNegationCue(x.lower));
}

/** Side `s`, turned round where a negation stands right before token `i`. */
function sideAt(t: readonly ClauseToken[], i: number, s: Side): Side {
  return negatedBefore(t, i) ? (s === 'in' ? 'apart' : 'in') : s;
}

function sidesIn(t: readonly ClauseToken[], free: boolean): [string, Side][] | undefined {
  const list = t.findIndex((x) => listing.has(x.lower));
  const cover = t.findIndex((x, i) => covered.has(x.lower) || (x.lower === 'part' && t[i + 1]?.lower === 'of'));
  const apart = t.findIndex((_, i) => apartAt(t, i));
  const freeAt = free ? t.findIndex((x) => freeWords.has(x.lower)) : -1;
  // "…comes with a tent", "the projector comes with it": what comes with the price is inside it.
  const comes = t.findIndex((x, i) => (x.lower === 'comes' || x.lower === 'come') && t[i + 1]?.lower === 'with');
  const brings = t.findIndex((x, i) => bringing.has(x.lower) && !negatedBefore(t, i));
  // "$150, plus the cost of the drill-out", "$59 plus tax": what follows a price's "plus" is paid on top.
  const plus = t.findIndex((x, i) => x.lower === 'plus' && amount.test(t[i - 1]?.core ?? ''));
  const inside = [list, cover, freeAt, comes].some((i) => i >= 0);
  if (inside && (apart >= 0 || brings >= 0 || plus >= 0)) return undefined;
  if (list >= 0) {
    // "includes breakfast but not the city tax": a negation after the listing word leaves out what follows it only.
    const but = t.findIndex((x, k) => k > list && isNegationCue(x.lower));
    const first = sideAt(t, list, 'in');
    if (but < 0) return itemWordsIn(t, list + 1, t.length).map((w) => [w, first]);
    return [
      ...itemWordsIn(t, list + 1, but).map((w): [string, Side] => [w, first]),
      ...itemWordsIn(t, but + 1, t.length).map((w): [string, Side] => [w, first === 'in' ? 'apart' : 'in']),
    ];
  }
  if (cover >= 0) return itemWordsIn(t, opening(t, cover), cover).map((w) => [w, sideAt(t, cover, 'in')]);
  if (freeAt >= 0) {
    // "…and free for children under 12": free for whom follows it.
    const forWhom = t[freeAt + 1]?.lower === 'for' ? itemWordsIn(t, freeAt + 2, closing(t, freeAt + 2)) : [];
    return (forWhom.length > 0 ? forWhom : itemWordsIn(t, opening(t, freeAt), freeAt)).map((w) => [w, 'in']);
  }
  if (comes >= 0) {
    const after = itemWordsIn(t, comes + 2, t.length);
    return (after.length > 0 ? after : itemWordsIn(t, opening(t, comes), comes)).map((w) => [w, sideAt(t, comes, 'in')]);
  }
  if (apart >= 0) return itemWordsIn(t, opening(t, apart), apart).map((w) => [w, sideAt(t, apart, 'apart')]);
  if (plus >= 0) return itemWordsIn(t, plus + 1, closing(t, plus + 1)).map((w) => [w, 'apart']);
  if (brings >= 0) return itemWordsIn(t, brings + 1, t.length).map((w) => [w, 'apart']);
  return payers(t).map((w) => [w, 'apart']);
}

// Words that open a clause of its own before its subject ("since yacht owners pay our fees").
const openers = new Set(['since', 'because', 'as', 'so', 'when', 'while', 'if', 'unless', 'though', 'although', 'whereas']);

/**
 * The item words right before "pay(s)", its subject, charged ("…, and every bicycle pays a €3
 * supplement"): not "you" or "we", and not words of an earlier predicate ("You get 10,000 miles and pay…").
 */
function payers(t: readonly ClauseToken[]): string[] {
  const at = t.findIndex((x, i) => paying.has(x.lower) && !stretchMark.test(t[i - 1]?.after ?? ''));
  if (at < 0) return [];
  let k = at - 1;
  while (k >= 0 && payAdverbs.has(t[k]?.lower ?? '')) k--;
  // "…each year and pay": the words before are another predicate's.
  if (t[k]?.lower === 'and') return [];
  const out: string[] = [];
  for (; k >= 0; k--) {
    const x = t[k] as ClauseToken;
    // "…, since yacht owners pay": what opens a clause of its own ends the payer.
    if (openers.has(x.lower)) break;
    const ws = contentWords(x.core).filter(itemWord);
    if (ws.length === 0 && x.lower !== 'and') break;
    out.unshift(...ws);
    if (stretchMark.test(t[k - 1]?.after ?? '')) break;
  }
  return out;
}

/**
 * Where the stretch of words before token `i` opens: after the last comma, semicolon or colon before
 * it ("Helmets come with the tour, and boots rent for $15": only the boots are rented).
 */
function opening(t: readonly ClauseToken[], i: number): number {
  let k = i;
  while (k > 0 && !stretchMark.test(t[k - 1]?.after ?? '')) k--;
  return k;
}

/** Where the stretch of words from token `i` ends: after the next comma, semicolon, colon or dash, or at the end. */
function closing(t: readonly ClauseToken[], i: number): number {
  let k = i;
  while (k < t.length && !stretchMark.test(t[k]?.after ?? '')) {
    // A dash standing alone is a word of its own.
    if (loneDash.test(t[k]?.core ?? '')) return k;
    k++;
  }
  return Math.min(k + 1, t.length);
}

/** Each item word of a sheet's first `max` clauses with the sides its clauses put it on, and the first clause that does. */
function sidesOf(sheet: FactSheet, max: number): ReadonlyMap<string, { readonly sides: ReadonlySet<Side>; readonly clause: ClauseFacts }> {
  const out = new Map<string, { sides: Set<Side>; clause: ClauseFacts }>();
  const n = Math.min(sheet.clauses.length, max);
  for (let k = 0; k < n; k++) {
    const c = sheet.clauses[k] as ClauseFacts;
    for (const [w, side] of sides(c)) {
      const known = out.get(w);
      if (known === undefined) out.set(w, { sides: new Set([side]), clause: c });
      else known.sides.add(side);
    }
  }
  return out;
}

/** Every clause of a sheet's first `max` that names a word. */
function naming(sheet: FactSheet, w: string, max: number): ClauseFacts[] {
  return sheet.clauses.slice(0, max).filter((c) => c.contentSet.has(w));
}

/**
 * Items the candidate puts on the other side of the price than production: a word the original puts
 * on one side only (and no baseline on the other), that the candidate puts on the other side only,
 * naming it in no clause that leaves it where production has it. One flip per candidate clause, its
 * sentence the difference's place.
 */
export function itemsMoved(original: FactSheet, candidate: FactSheet, baselines: readonly FactSheet[], max: number): SentenceDifference[] {
  // No clause of the candidate puts an item on a side.
  if (!holdsCue(candidate, sideCue)) return [];
  const theirs = sidesOf(candidate, max);
  if (theirs.size === 0) return [];
  // Production's read once per answer (kept read across candidates: sheet-reading.ts).
  const ours = sheetReading(original, max, sidesOf);
  const out: SentenceDifference[] = [];
  const seen = new Set<ClauseFacts>();
  let others: ReadonlyMap<string, { readonly sides: ReadonlySet<Side> }>[] | undefined;
  for (const [w, c] of theirs) {
    const o = ours.get(w);
    if (o === undefined || o.sides.size !== 1 || c.sides.size !== 1 || seen.has(c.clause)) continue;
    const side = [...o.sides][0] as Side;
    if (c.sides.has(side)) continue;
    // A group set apart by a bound or a comparative ("orders over $40" / "smaller orders") is no move of the item.
    if (boundedItem(o.clause, w) || boundedItem(c.clause, w)) continue;
    // A baseline that puts it on the candidate's side: production says it both ways.
    others ??= baselines.map((b) => sheetReading(b, max, sidesOf));
    if (others.some((b) => b.get(w)?.sides.has(side === 'in' ? 'apart' : 'in') === true)) continue;
    // The candidate still says it production's way somewhere (a clause naming it with no side is no evidence either way).
    if (naming(candidate, w, max).some((k) => sides(k).some(([x, s]) => x === w && s === side))) continue;
    seen.add(c.clause);
    out.push({
      kind: 'polarity_flip',
      key: 'fact:polarity',
      severity: 'high',
      message: `${w}: "${clip(o.clause.text)}" → "${clip(c.clause.text)}"`,
      original: o.clause.text,
      candidate: c.clause.text,
      sentence: c.clause.sentence,
    });
  }
  return out;
}

function clip(s: string): string {
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}
