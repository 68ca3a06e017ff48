import type { ClauseToken } from '../clauses/split-clauses.js';

// "May not" is a likelihood as often as a prohibition: "it may not arrive before Friday", "you may not
// need a visa", "prices may not include VAT" say what may be so; "you may not edit the text", "dogs may
// not enter the beach" forbid an act. The verb after it tells them apart: a verb of being, having,
// needing, perceiving or befalling reads a likelihood; an act of someone's, the deontic sense.
const likely = new Set(
  (
    'be have need get receive see notice find know like want apply work suit arrive last fit cover include qualify hear ' +
    'feel look seem sound reach show take make happen vary change differ match reflect appear become remain stay ' +
    'always yet still even necessarily'
  ).split(' '),
);
// Subjects of a likelihood: a thing, a place or a clause, not someone who acts.
const things = new Set(['it', 'this', 'that', 'there', 'which', 'these', 'those', 'what']);

/**
 * Whether "may" at `i` denies a permission: "may not" (or "mayn't") before a verb of an act, after a
 * subject that is no pronoun of a thing ("You may not edit the text beyond shortening it" = "you
 * can't edit…", "the text must not be edited").
 */
export function deniesPermission(tokens: readonly ClauseToken[], i: number): boolean {
  if (tokens[i]?.lower !== 'may' || tokens[i + 1]?.lower !== 'not' || i === 0) return false;
  if (things.has(tokens[i - 1]?.lower ?? '')) return false;
  const verb = tokens[i + 2]?.lower ?? '';
  return /^\p{L}+$/u.test(verb) && !likely.has(verb);
}
