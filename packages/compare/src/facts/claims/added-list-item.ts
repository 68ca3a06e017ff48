import { contentWords, isFunctionWord } from '../clauses/content-words.js';
import type { FactSheet } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import type { SentenceEdit } from '../sentences/sentence-edits.js';

// An item added to a list the candidate otherwise keeps ("Carpet and one table are included" →
// "Carpet, one table and two chairs are included", "with snorkel gear and soft drinks" → "with
// snorkel gear, soft drinks and a seafood lunch"): one more thing promised, in a sentence whose
// words the word similarity and the claim rules all find in production.

// Words that make the added words a clause rather than an item: a subject, an auxiliary or a modal.
export const clauseWords: ReadonlySet<string> = new Set(
  (
    'i you he she it we they there this that these those who which ' +
    'is are was were be been am will would can could may might must should shall do does did has have had ' +
    "i'll you'll we'll he'll she'll they'll it'll it's there's that's he's she's we're you're they're " +
    "i've you've we've they've i'd you'd we'd he'd she'd they'd i'm"
  ).split(' '),
);

// Words that close a list without naming anything ("and more", "and so on").
const vague = new Set(['others', 'other', 'etc', 'everything', 'anything', 'things', 'stuff', 'on', 'forth', 'extras']);

/** The most words an added item may have ("and a seafood lunch"). */
const maxItemWords = 6;
/**
 * The most words an item opening with an article may have ("and a goody bag to take home"): longer
 * words after "and" with no article are as often a second predicate ("…and shows the whole flue").
 */
const maxArticleItemWords = 8;
const articles = new Set(['a', 'an', 'the', 'some', 'one', 'two', 'three']);
// Pronouns that are the object of a verb in "-ing" before them ("and unpacking it"), not a subject.
const objects = new Set(['it', 'them', 'this', 'that']);

/**
 * The item an edit adds to a kept list, if it does: words added (or put where an "and" was) that
 * open with "and"/"or" or follow a comma, make no clause of their own (no subject, auxiliary or
 * modal), and name something no production answer names (a content word none of them uses).
 */
export function addedItem(e: SentenceEdit, production: readonly FactSheet[]): string | undefined {
  const from = e.from.map((t) => t.lower);
  if (!(from.length === 0 || (from.length === 1 && (from[0] === 'and' || from[0] === 'or')))) return undefined;
  const to = e.to;
  if (to.length === 0 || to.length > maxArticleItemWords) return undefined;
  // "…, soft drinks and a seafood lunch": the item after "and"; "…, two chairs and a table": an item
  // between a comma and the list's "and".
  const conjunction = to[0]?.lower === 'and' || to[0]?.lower === 'or';
  const between = (e.before?.after ?? '').startsWith(',') && (e.after?.lower === 'and' || e.after?.lower === 'or');
  const clause = (t: ClauseToken, i: number): boolean =>
    (clauseWords.has(t.lower) && !(objects.has(t.lower) && (to[i - 1]?.lower ?? '').endsWith('ing'))) || t.lower.endsWith("n't");
  if (!(conjunction || between) || to.some(clause)) return undefined;
  const item = conjunction ? to.slice(1) : to;
  if (to.length > maxItemWords && !articles.has(item[0]?.lower ?? '')) return undefined;
  const novel = item.some(
    (t) =>
      !isFunctionWord(t.lower) && !vague.has(t.lower) && contentWords(t.lower).some((w) => !production.some((s) => s.vocabulary.has(w))),
  );
  return novel ? item.map((t: ClauseToken) => t.core).join(' ') : undefined;
}
