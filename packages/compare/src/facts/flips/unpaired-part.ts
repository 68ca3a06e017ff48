import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { clausePolarity } from '../polarity/clause-polarity.js';
import { directionDiffers } from './direction-differs.js';
import { polarityDiffers } from './polarity-agreement.js';
import { prefixAntonym, reworded } from './polarity-evidence.js';

// Words that open a predication of its own after a comma ("…, so late returns aren't possible").
const afterComma = new Set(['and', 'but', 'so', 'while', 'whereas', 'though', 'which', 'then']);
// Words that open one wherever they stand: a reason ("…declined because the address did not match").
const anywhere = new Set(['because']);
const dashes = new Set(['-', '–', '—']);

interface Part {
  readonly tokens: readonly ClauseToken[];
  readonly words: ReadonlySet<string>;
  /** Its first content word. */
  readonly first: string;
}

/**
 * The predications a clause joins: its words cut at a dash, at a joining word after a comma and at
 * "because", without the cutting word. A piece with no content word ("though -") joins the next.
 */
function partsOf(tokens: readonly ClauseToken[]): Part[] {
  const pieces: ClauseToken[][] = [];
  let current: ClauseToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as ClauseToken;
    const cut = dashes.has(t.lower) || anywhere.has(t.lower) || (afterComma.has(t.lower) && (tokens[i - 1]?.after ?? '').includes(','));
    if (cut) {
      if (current.length > 0) pieces.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) pieces.push(current);
  const parts: Part[] = [];
  let carried: ClauseToken[] = [];
  for (const piece of pieces) {
    const tokensHere = [...carried, ...piece];
    const list = contentWords(tokensHere.map((t) => t.core).join(' '));
    const words = new Set(list);
    if (list[0] === undefined) {
      carried = tokensHere;
      continue;
    }
    carried = [];
    parts.push({ tokens: tokensHere, words, first: list[0] });
  }
  const last = parts[parts.length - 1];
  if (carried.length > 0 && last !== undefined) parts[parts.length - 1] = { ...last, tokens: [...last.tokens, ...carried] };
  return parts;
}

function shared(a: Part, b: Part): number {
  let n = 0;
  for (const w of a.words) if (b.words.has(w)) n++;
  return n;
}

/**
 * Whether two clauses read as opposite differ only in a predication that pairs with nothing in the
 * other clause. Each clause is cut into the predications it joins ({@link partsOf}); the parts are
 * paired one to one, most shared content words first, a pair sharing one word at least. Where at
 * least one pair forms, every pair agrees in polarity, and a part is left over that says nothing of
 * the other clause its paired siblings do not say too, the negation (or the "free") that set the
 * clauses apart is in what one says and the other does not: "Allow 10 working days - we aren't able
 * to rush it" against "Processing takes 10 working days", "Rentals run from 9am to 5pm, so late
 * returns aren't possible" against "Rentals start at 9am". A part left over that names something of
 * the other clause of its own ("Parking is free - the shuttle costs $5 a day" against "Parking costs
 * $5 a day": parking) may be what the other clause says, turned around, and is left to the flip.
 */
export function differsInUnpairedPart(a: ClauseFacts, b: ClauseFacts, elsewhere: readonly ClauseFacts[]): boolean {
  // A sentence edited in place pairs its parts as it stands; its flips are rarely misread.
  if (!reworded(a, b)) return false;
  // Only a difference of negations (or of "free") is read part by part: opposite directions ("rise" /
  // "fall") and a word negated by its prefix are left to the flip.
  if (!polarityDiffers(a.polarity, a.tokens, b.polarity, b.tokens) || directionDiffers(a.tokens, b.tokens) || prefixAntonym(a, b))
    return false;
  const pa = partsOf(a.tokens);
  const pb = partsOf(b.tokens);
  if (pa.length < 2 && pb.length < 2) return false;
  const pairs: [Part, Part, number][] = [];
  // Most shared words first; between equals, the pair whose first content words (the subjects, as a
  // rule) are one word: "Parking costs $5" is about parking, in "Parking is free - the shuttle costs $5".
  for (const x of pa) for (const y of pb) pairs.push([x, y, 2 * shared(x, y) + (x.first === y.first ? 1 : 0)]);
  pairs.sort((p, q) => q[2] - p[2]);
  const used = new Set<Part>();
  for (const [x, y, n] of pairs) {
    if (n < 2) break;
    if (used.has(x) || used.has(y)) continue;
    used.add(x);
    used.add(y);
    if (!readAlike(x, y)) return false;
  }
  if (used.size === 0 || used.size === pa.length + pb.length) return false;
  if (!leftOverSaysNothing(pa, b, used) || !leftOverSaysNothing(pb, a, used)) return false;
  // A part left over may say another clause of `a`'s answer the other way ("allkeys-lru evicts any key,
  // and volatile-lru does too, TTL or not" against "…, while volatile-lru only evicts keys with a TTL"):
  // that is a flip, found here on the wrong pair, and kept.
  return !pb.some((y) => !used.has(y) && elsewhere.some((x) => x !== a && opposesPart(y, x, x.sentence === a.sentence ? 1 : 2)));
}

/**
 * Whether a part speaks of what clause `x` says (`least` content words of it or more: one where `x`
 * goes on the sentence of the clause paired, as "…, and it's refundable" goes on "We need a deposit")
 * with the other polarity.
 */
function opposesPart(part: Part, x: ClauseFacts, least: number): boolean {
  let n = 0;
  for (const w of part.words) if (x.contentSet.has(w)) n++;
  return n >= least && polarityDiffers(clausePolarity(part.tokens), part.tokens, x.polarity, x.tokens);
}

/**
 * Whether two paired parts are negated alike and say "free" alike: read strictly, the price sense of
 * "free" counted even where the other part names no price ("Guests can park in our lot" does not
 * agree with "Parking is free for guests": the price may be in a part left over). A part with a
 * "without" or "with no" agrees with nothing here: whether that phrase denies the claim is the scope
 * rules' question ("can rent the mount without a deposit" grants what "don't rent the mount" denies).
 */
function readAlike(x: Part, y: Part): boolean {
  if (attachedDenial(x.tokens) || attachedDenial(y.tokens)) return false;
  const a = clausePolarity(x.tokens);
  const b = clausePolarity(y.tokens);
  return a.negated === b.negated && (a.free === true) === (b.free === true);
}

function attachedDenial(tokens: readonly ClauseToken[]): boolean {
  return tokens.some((t, i) => t.lower === 'without' || (t.lower === 'no' && tokens[i - 1]?.lower === 'with'));
}

/** Whether each part of `parts` left unpaired shares with clause `other` only words a paired part of its clause says too. */
function leftOverSaysNothing(parts: readonly Part[], other: ClauseFacts, used: ReadonlySet<Part>): boolean {
  const said = new Set<string>();
  for (const p of parts) if (used.has(p)) for (const w of p.words) said.add(w);
  return parts.every((p) => used.has(p) || [...p.words].every((w) => !other.contentSet.has(w) || said.has(w)));
}
