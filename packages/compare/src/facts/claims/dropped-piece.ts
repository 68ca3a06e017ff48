import { clip } from '../../report/clip-text.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { clausePath, type FactDiffContext } from '../fact-diff-context.js';
import type { FactValueType } from '../values/fact-value.js';
import { wordCount } from '../values/kept-without.js';
import { clauseWords } from './added-list-item.js';
import { bindsUser } from './binds-user.js';
import { isGreeting } from './greeting.js';
import { saidClauses } from './said-clauses.js';

/** What a candidate left out of a clause of the original: the words as written and their content words. */
interface Piece {
  readonly text: string;
  readonly words: readonly string[];
}

const determiners: ReadonlySet<string> = new Set(['a', 'an', 'the', 'your', 'our', 'their', 'its', 'his', 'her', 'any', 'some']);

// Values that say a term of what the user gets: how much, how long, how many, when. An identifier,
// an address or a name refers to something (often what the user asked about), and a bare number
// counts nothing.
const terms: ReadonlySet<FactValueType> = new Set(['money', 'percent', 'duration', 'quantity', 'date', 'time', 'weekday']);

/** Whether `x` states a term every baseline states too (none with no baseline: nothing shows production always says it). */
function statesTerm(ctx: FactDiffContext, x: ClauseFacts): boolean {
  return ctx.baselines.length > 0 && x.values.some((v) => !v.weak && terms.has(v.type) && ctx.stable(v));
}

/** Whether a clause gives an example ("for example", "for instance", "e.g."): an illustration, which a shorter answer may leave out. */
export function illustrates(x: ClauseFacts): boolean {
  return x.tokens.some(
    (t, i) =>
      ((t.lower === 'example' || t.lower === 'instance') && x.tokens[i - 1]?.lower === 'for') || t.lower === 'e.g.' || t.lower === 'e.g',
  );
}

/** The most words a list item may have ("and the pick-and-place file"). */
const maxItemWords = 6;

/**
 * The whole clause `x` left out: no candidate clause states a value of it, and two thirds of its
 * content words (two at least) are nowhere in the candidate.
 */
function wholeClause(ctx: FactDiffContext, x: ClauseFacts): Piece | undefined {
  if (x.values.some((v) => ctx.candIndex.has(v))) return undefined;
  const words = x.contentUnique.map((id) => ctx.original.words.words[id] as string);
  const gone = words.filter((w) => !ctx.candidate.vocabulary.has(w));
  if (gone.length < 2 || 3 * gone.length < 2 * words.length) return undefined;
  return { text: x.text.trim(), words: gone };
}

/**
 * An item of a list in `x` left out of `c`, the candidate's clause that says `x` with nothing of its
 * own ("We need your Gerbers, BOM and pick-and-place file" → "We need your Gerbers and BOM"): words
 * after "and" / "or" or a comma, or before a comma, that make no clause (no subject, auxiliary or
 * modal) and whose content words are nowhere in the candidate.
 */
function droppedItem(ctx: FactDiffContext, x: ClauseFacts, c: ClauseFacts): Piece | undefined {
  if (c.content.length >= x.content.length || c.content.some((w) => !x.contentSet.has(w))) return undefined;
  const t = x.tokens;
  const gone = (k: number): boolean => {
    const words = contentWords((t[k] as ClauseToken).lower);
    return words.length > 0 && words.every((w) => !ctx.candidate.vocabulary.has(w));
  };
  for (let from = 0; from < t.length; from++) {
    if (!gone(from)) continue;
    let to = from;
    while (to + 1 < t.length && to + 1 - from < maxItemWords && gone(to + 1)) to++;
    // The item's own article or determiner ("a signed tax form", "your proof of address").
    let start = from;
    while (start > 0 && determiners.has(t[start - 1]?.lower ?? '')) start--;
    const before = t[start - 1];
    const opens = before === undefined || before.lower === 'and' || before.lower === 'or' || (before.after ?? '').includes(',');
    const closes = to + 1 === t.length || (t[to]?.after ?? '').includes(',');
    const item = t.slice(start, to + 1);
    if (opens && closes && !item.some((w) => clauseWords.has(w.lower)))
      return { text: item.map((w) => w.core).join(' '), words: item.flatMap((w) => contentWords(w.lower)) };
    from = to;
  }
  return undefined;
}

/**
 * The last step of the values left out (dropped-value-diff.ts): a piece of the original that a
 * shorter correct answer may not leave out, left out — the whole clause ("You'll need to provide the
 * sheeting and tyres", "The price assumes the bike is kept in a locked garage") or an item of its
 * list ("…, BOM and pick-and-place file"), named as `dropped: "…"`.
 *
 * What a shorter answer may leave out: background, courtesy, an example, detail the user does not
 * act on, and anything production itself does not always say. What it may not: a clause that binds
 * the user (binds-user.ts: a requirement, prohibition, condition, exception, cost, limit or deadline)
 * or that states a term every production answer states (how much, how long, how many, when).
 *
 * A drop is read only where the candidate's words can show it: the candidate keeps the rest of the
 * original condensed by a quarter at most (a terse answer condenses what it keeps, and its words
 * say less of what it left out), each of its clauses says an original clause (a claim of its own may
 * be the piece reworded: said-clauses.ts), the piece's content words are nowhere in it, and each
 * baseline holds half of them; with no baseline, the candidate is the original with clauses taken
 * out word for word.
 */
export function diffDroppedPieces(ctx: FactDiffContext, reported: ReadonlySet<ClauseFacts>, onlyRemoved: () => boolean): void {
  const { original, candidate, baselines, options: o, out } = ctx;
  const n = wordCount(candidate);
  const m = wordCount(original);
  // The clauses it may not leave out with a content word the candidate does not use, read first: most
  // comparisons have none, and pairing the candidate's clauses costs an alignment each.
  const open = original.clauses.filter(
    (x, i) =>
      i < o.maxClauses &&
      !reported.has(x) &&
      // What the candidate kept of the rest of the original, condensed by a quarter at most.
      n >= 0.75 * (m - x.tokens.length) &&
      x.content.some((w) => !candidate.vocabulary.has(w)) &&
      !isGreeting(x) &&
      (bindsUser(x) || statesTerm(ctx, x)) &&
      !illustrates(x),
  );
  if (open.length === 0 || (baselines.length === 0 && !onlyRemoved())) return;
  const said = saidClauses(ctx);
  if (said === undefined) return;
  const held =
    (piece: Piece) =>
    (b: FactSheet): boolean =>
      2 * piece.words.filter((w) => b.vocabulary.has(w)).length >= piece.words.length;
  for (const x of open) {
    if (out.length >= o.maxDifferences) break;
    const c = said.get(x);
    const piece = c === undefined ? wholeClause(ctx, x) : droppedItem(ctx, x, c);
    if (piece === undefined || !baselines.every(held(piece))) continue;
    out.push({
      kind: 'fact_dropped',
      origin: { rule: 'dropped-piece' },
      path: clausePath(x),
      key: 'fact:clause',
      severity: 'high',
      message:
        piece.text === x.text.trim() ? `dropped: "${clip(piece.text)}"` : `dropped: "${clip(piece.text)}" from "${clip(x.text.trim())}"`,
      original: x.text,
    });
  }
}
