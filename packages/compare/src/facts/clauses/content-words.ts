import { memoByText } from '../../text/memo-by-text.js';
import { textTokenIds, textTokens } from '../../text/text-tokens.js';
import type { WordIds } from '../../text/word-ids.js';
import { isPolarityCue } from '../polarity/polarity-cues.js';
import type { ClauseToken } from './split-clauses.js';

/* What a clause says, as words: English function words, a crude derivational stem, and the content
 * words of a text or of a clause's tokens (as ids, memoized per word id). Fact sheets align on these. */
// English function words: they carry grammar, not content. Other languages keep all their words.
const stopwords = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into onto about over under than that this these those it its ' +
    'is are was were be been being am do does did done i you he she we they me him her us them my your his our their yours ours ' +
    'there here what which who whom whose when where why how all any each some such only also just very too more most less ' +
    "up down out off again once will would shall should it's i'm you're we're they're that's there's let me please " +
    'get got go going yes ok okay sure'
  ).split(/\s+/),
);

/** Whether a folded word is an English function word (carries grammar, not content). */
export function isFunctionWord(word: string): boolean {
  return stopwords.has(word);
}

// Derivational endings folded away so "withdrawal"/"withdraw" and "required"/"requirement" align
// (after textTokens' light inflection fold). Crude on purpose: both sides get the same cut.
const suffixes = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ably',
  'ibly',
  'able',
  'ible',
  'ally',
  'als',
  'al',
  'ers',
  'er',
  'ies',
  'ive',
  'ing',
  'ed',
  'e',
];

function stem(word: string): string {
  for (const s of suffixes) if (word.length - s.length >= 4 && word.endsWith(s)) return word.slice(0, -s.length);
  return word;
}

// The content form of a folded word (its stem), or null for a function word or a polarity cue.
// Memoized per word id (answers reuse a small vocabulary and the suffix list is long).
function contentForm(word: string): string | null {
  return stopwords.has(word) || isPolarityCue(word) ? null : stem(word);
}

/**
 * The content words of a piece of text, as {@link ClauseFacts.content} holds a clause's; one frozen
 * list per text of a few words (memo-by-text.ts: the rules ask it of one token's word at a time).
 */
export const contentWords: (text: string) => readonly string[] = memoByText((text) => {
  const out: string[] = [];
  for (const w of textTokens(text)) {
    const form = contentForm(w);
    if (form !== null) out.push(form);
  }
  // Frozen: a caller that changed the list would change every later answer for that text.
  return Object.freeze(out);
});

/** The id of a folded word's content form (see {@link contentForm}), or -1 for none; memoized in `forms`. */
function formOf(id: number, words: WordIds, forms: (number | undefined)[]): number {
  let form = forms[id];
  if (form === undefined) {
    const f = contentForm(words.words[id] as string);
    form = f === null ? -1 : words.id(f);
    forms[id] = form;
  }
  return form;
}

/** The content words of a text, as ids. */
export function textContent(text: string, words: WordIds, forms: (number | undefined)[]): number[] {
  const out: number[] = [];
  for (const id of textTokenIds(text, words)) {
    const form = formOf(id, words, forms);
    if (form >= 0) out.push(form);
  }
  return out;
}

/** The content words of a clause's tokens, as ids; each token's memoized by its id in `memo`. */
export function tokensContent(
  tokens: readonly ClauseToken[],
  words: WordIds,
  forms: (number | undefined)[],
  memo: (readonly number[] | undefined)[],
): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    let ids = t.id === undefined ? undefined : memo[t.id];
    if (ids === undefined) {
      ids = textContent(t.lower, words, forms);
      if (t.id !== undefined) memo[t.id] = ids;
    }
    for (const id of ids) out.push(id);
  }
  return out;
}
