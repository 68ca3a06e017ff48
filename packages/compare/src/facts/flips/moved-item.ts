import { byBaseline, excusedBy } from '../../report/difference-origin.js';
import type { Difference } from '../../report/divergence-report.js';
import { baselineStating } from '../claims/states-claim.js';
import { align } from '../clauses/clause-alignment.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { priceWords } from '../polarity/polarity-words.js';
import { directionDiffers } from './direction-differs.js';
import { polarityDiffers } from './polarity-agreement.js';

// An item moved between what an answer allows and what it denies: "notes, a second monitor and
// headphones are prohibited" → "…headphones are fine too, but notes and a second monitor are
// prohibited"; "we don't offer samples of the reserve wines, but every other wine can be sampled"
// → "every wine, the reserve wines included, can be sampled". Each clause keeps its polarity, so the
// flip rules see nothing: only the item changed sides.

// Words that add an item to what a clause says of others ("X included", "X too", "also X", "even X",
// "including X", "X as well"): how an item joins a list it was kept out of.
const additive = new Set(['included', 'including', 'too', 'also', 'even', 'well']);
// Words that set an item against the rest ("every wine except the reserve", "only members", "every
// other tea", "besides"): the item stays on its side, said the other way round.
const exceptions = new Set(['only', 'except', 'excluding', 'other', 'besides', 'apart', 'unless', 'but']);

/** Whether a clause is no claim to move an item by: a condition, framing, a price, a lifted necessity. */
function unfit(c: ClauseFacts): boolean {
  if (c.condition || c.polarity.free === true || c.framing) return true;
  // "You don't need to bring X" is a permission about X, not a denial of it.
  return c.polarity.negated && c.polarity.modality === 'possibility' && c.polarity.forbids !== true;
}

/** Whether a clause sets an item against the rest ("except", "only", "every other", a "but" inside it). */
function excepts(c: ClauseFacts): boolean {
  return c.tokens.some((t, i) => exceptions.has(t.lower) && (t.lower !== 'but' || i > 0));
}

/** Whether an additive word stands in the comma-bounded stretch of clause tokens around token `i`. */
function addedThere(tokens: readonly ClauseToken[], i: number): boolean {
  let from = i;
  while (from > 0 && !breaks(tokens[from - 1])) from--;
  let to = i;
  while (to < tokens.length - 1 && !breaks(tokens[to])) to++;
  for (let k = from; k <= to; k++) if (additive.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/** Whether word `w` names an item of a list in clause `q`: a comma after it, or "and" / "or" beside it. */
function listed(q: ClauseFacts, w: string): boolean {
  const t = q.tokens;
  return t.some((x, i) => {
    if (!contentWords(x.core).includes(w)) return false;
    const prev = t[i - 1];
    const next = t[i + 1];
    return (
      (x.after ?? '').includes(',') ||
      (prev !== undefined && (prev.lower === 'and' || prev.lower === 'or' || (prev.after ?? '').includes(','))) ||
      ((next?.lower === 'and' || next?.lower === 'or') && !opensPredicate(t[i + 2]))
    );
  });
}

// Words that open a second predicate after "and" ("stays at the kennel and can't be taken home"):
// what stands before that "and" ends the first predicate, no item of a list.
const predicateOpeners = new Set([
  'can',
  'cannot',
  'must',
  'may',
  'might',
  'will',
  'would',
  'should',
  'could',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'needs',
  'does',
  'do',
]);

/** Whether a word opens a predicate of its own: a modal, an auxiliary or a negated one ("can't", "isn't"). */
function opensPredicate(t: ClauseToken | undefined): boolean {
  return t !== undefined && (predicateOpeners.has(t.lower) || t.lower.endsWith("n't"));
}

function breaks(t: ClauseToken | undefined): boolean {
  const after = t?.after ?? '';
  return after.includes(',') || after.includes(';') || after.includes(':');
}

/** A sheet's clauses (of the first `max`) by content word (memoized on the sheet). */
function clausesByWord(sheet: FactSheet, max: number): Map<string, ClauseFacts[]> {
  const known = sheet.memo.clausesByWord;
  if (known !== undefined && known.max === max) return known.byWord;
  const byWord = new Map<string, ClauseFacts[]>();
  for (let i = 0; i < sheet.clauses.length && i < max; i++) {
    const c = sheet.clauses[i] as ClauseFacts;
    for (const w of c.content) {
      const list = byWord.get(w);
      if (list === undefined) byWord.set(w, [c]);
      else if (list[list.length - 1] !== c) list.push(c);
    }
  }
  sheet.memo.clausesByWord = { max, byWord };
  return byWord;
}

/** Whether any clause (of the first `max`) of a sheet is negated, and any is not (memoized on the sheet). */
function sidesOf(sheet: FactSheet, max: number): NonNullable<FactSheet['memo']['sides']> {
  const known = sheet.memo.sides;
  if (known !== undefined && known.max === max) return known;
  let negated = false;
  let plain = false;
  for (let i = 0; i < sheet.clauses.length && i < max; i++) {
    if ((sheet.clauses[i] as ClauseFacts).polarity.negated) negated = true;
    else plain = true;
  }
  const built = { max, negated, plain };
  sheet.memo.sides = built;
  return built;
}

const none: readonly ClauseFacts[] = [];

/** The clauses (of the first `max`) of a sheet whose content includes word `w`. */
function saying(sheet: FactSheet, w: string, max: number): readonly ClauseFacts[] {
  return clausesByWord(sheet, max).get(w) ?? none;
}

const opposite = (a: ClauseFacts, b: ClauseFacts): boolean => polarityDiffers(a.polarity, a.tokens, b.polarity, b.tokens);

/**
 * The flip of candidate clause `c` where it names an item the original names only on the other
 * side of a negation (in clauses of the other polarity), no candidate clause keeps it there, and
 * the move shows: an additive word beside the item ("headphones are fine too", "the reserve wines
 * included"), or a clause of the candidate that keeps the rest of the original's list on its side
 * without it. Not against an exception ("every wine except the reserve wines", "only", "every other"),
 * a lifted necessity or a price. Excused where a baseline names the item on the candidate's side.
 */
export function movedItem(
  c: ClauseFacts,
  original: FactSheet,
  candidate: FactSheet,
  baselines: readonly FactSheet[],
  max: number,
): Omit<Difference, 'path'> | undefined {
  // Cheap gates first (most clauses fail them): the original says something on the other side; the
  // candidate's clause says what another clause of the original says, on its own side, with a word
  // that clause does not say (a score of 1 is the same words).
  if (!someOpposite(original, c, max) || unfit(c)) return undefined;
  const p = align(c, original, max);
  if (p === undefined || p.score < 0.5 || p.score === 1 || opposite(p.clause, c)) return undefined;
  // The move can show: an additive word, or another clause of the candidate on the other side (read
  // once a word qualifies: most clauses have none).
  let added: boolean | undefined;
  for (const w of c.content) {
    // Most words of a kept clause are in its counterpart; an item moved in is said elsewhere in the original.
    if (p.clause.contentSet.has(w) || w.length < 4 || priceWords.has(w) || digit.test(w)) continue;
    const theirs = saying(original, w, max);
    if (theirs.length === 0 || !theirs.every((q) => opposite(q, c) && !unfit(q) && !excepts(q))) continue;
    if (added === undefined) {
      if (excepts(c)) return undefined;
      added = c.tokens.some((t) => additive.has(t.lower));
    }
    if (!added && !someOpposite(candidate, c, max)) return undefined;
    const ours = saying(candidate, w, max);
    if (!ours.every((k) => !opposite(k, c))) continue;
    const q = theirs[0] as ClauseFacts;
    // The rest of the original's list kept on its side, the item gone from it.
    const kept =
      listed(q, w) &&
      candidate.clauses.some(
        (k, j) => j < max && k !== c && !k.contentSet.has(w) && opposite(k, c) && align(k, original, max)?.clause === q,
      );
    const i = c.tokens.findIndex((t) => contentWords(t.core).includes(w));
    if (!kept && !(added && i >= 0 && addedThere(c.tokens, i))) continue;
    // A baseline names the item on the candidate's side in a clause of its polarity that names no
    // opposite pole of the candidate's ("The $90 exam fee is extra" against "…and the exam fee are
    // included" keeps the fee where the original does, with no negation).
    // The baseline's clause states the candidate's claim (states-claim.ts): one that names the item
    // in a clause about another fact of the answer is no witness.
    const by = baselineStating(
      c,
      baselines,
      candidate,
      max,
      (k) => k.contentSet.has(w) && !opposite(k, c) && !directionDiffers(k.tokens, c.tokens),
    );
    return {
      kind: 'polarity_flip',
      key: 'fact:polarity',
      severity: 'high',
      message: `${c.tokens[i]?.core ?? w}: "${clip(q.text)}" → "${clip(c.text)}"`,
      original: q.text,
      candidate: c.text,
      ...excusedBy('moved-item', byBaseline('a baseline names the item on its side', by)),
    };
  }
  return undefined;
}

const digit = /\d/;

/** Whether a clause (of the first `max`) of a sheet may stand on the other side of a negation from `c`. */
function someOpposite(sheet: FactSheet, c: ClauseFacts, max: number): boolean {
  const { negated, plain } = sidesOf(sheet, max);
  return c.polarity.negated ? plain : negated;
}

function clip(s: string): string {
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}
