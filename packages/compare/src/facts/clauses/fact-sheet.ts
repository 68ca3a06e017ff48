import { IdSet } from '../../text/id-set.js';
import { proseLanguage } from '../../text/text-language.js';
import { isAscii } from '../../text/word-forms.js';
import { currentWordIds, memoSlots, uniqueIds, type WordIds } from '../../text/word-ids.js';
import { isFraming } from '../claims/claim-framing.js';
import { type ClausePolarity, clausePolarity } from '../polarity/clause-polarity.js';
import { spellRanges } from '../values/calendar-value.js';
import { entities } from '../values/clause-entities.js';
import { extractValues } from '../values/extract-values.js';
import type { FactValue } from '../values/fact-value.js';
import { ValueIndex } from '../values/value-index.js';
import { tokensCues } from './clause-cues.js';
import { clauseSignature } from './clause-signature.js';
import { clauseTraits, contentBits } from './clause-traits.js';
import { textContent, tokensContent } from './content-words.js';
import { ClauseMemo, SheetMemo } from './sheet-memo.js';
import { type ClauseToken, splitClauses } from './split-clauses.js';

/** The facts of one clause. */
export interface ClauseFacts {
  readonly text: string;
  readonly sentence: number;
  readonly values: readonly FactValue[];
  readonly polarity: ClausePolarity;
  /** Folded content words (no function words, no polarity cues): what aligns clauses across answers. */
  readonly content: readonly string[];
  /** The same words as ids of the sheet's {@link FactSheet.words}. */
  readonly contentIds: readonly number[];
  /** Each id of `contentIds` once, in order of first use: what overlap counts. */
  readonly contentUnique: readonly number[];
  /** The same words as a set (built on first use). */
  readonly contentSet: ReadonlySet<string>;
  /** Its values, indexed (built on first use): what "does this clause state that value?" asks. */
  readonly valueIndex: ValueIndex;
  readonly tokens: readonly ClauseToken[];
  /** A leading condition ("If the parcel is late"). */
  readonly condition: boolean;
  /** About the conversation, not the world ({@link isFraming}; read on first use, asked by several rules). */
  readonly framing: boolean;
  /** What the rules derived from it (alignments), kept with it. */
  readonly memo: ClauseMemo;
  /** The kinds of words it holds (clause-cues.ts): a rule needing a kind it lacks passes it over. */
  readonly cues: number;
  /** Its words, condition flag and cues as one number (clause-signature.ts): a copied clause is found by it. */
  readonly signature: number;
  /** The kinds of claim it makes (clause-traits.ts): a rule whose precondition it fails is not asked (rule-precondition.ts). */
  readonly traits: number;
  /** Its content word ids as a 32-bit set (clause-traits.ts `contentBits`): two clauses without a common bit share no content word. */
  readonly contentBits: number;
}

/** What an answer states: its clauses with their values, and its vocabulary. */
export interface FactSheet {
  readonly clauses: readonly ClauseFacts[];
  /** Every value of the answer (entities included). */
  readonly values: readonly FactValue[];
  /** Folded content words of the whole answer. */
  readonly vocabulary: ReadonlySet<string>;
  /** The table its word ids come from: two sheets' ids compare only when they share it. */
  readonly words: WordIds;
  /** The text it was read from. */
  readonly source: string;
  /** What the rules derived from it (word indexes), kept with it. */
  readonly memo: SheetMemo;
  /** The union of its clauses' {@link ClauseFacts.cues}: a rule needing a kind no clause holds passes the answer over. */
  readonly cues: number;
  /** The union of its clauses' {@link ClauseFacts.traits}. */
  readonly traits: number;
}

/** `^[a-z0-9']+$`, without a regex (asked once per word of a table). */
function isPlainWord(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39)) return false;
  }
  return true;
}
const wordBreak = /[^\p{L}\p{N}']+/u;

/** The words a lower-cased token stands for in {@link sheetWordIds}: itself, or its pieces between punctuation ("retry-after"). */
function nameWordIds(lower: string, words: WordIds): readonly number[] {
  // Most words are plain ASCII: one word, no split needed.
  if (isPlainWord(lower)) return [words.id(lower)];
  const out: number[] = [];
  for (const w of lower.split(wordBreak)) if (w !== '') out.push(words.id(w));
  return out;
}

/**
 * The ids of the lower-cased words of a whole answer, for names: a candidate's
 * "Porto" is supported when production says "porto" anywhere. Built on first use (most pairs never
 * ask); building it puts every such word in the sheet's table.
 */
export function sheetWordIds(sheet: FactSheet): IdSet {
  let set = sheet.memo.wordIds;
  if (set === undefined) {
    const table = sheet.words;
    const memo = table.listMemo(memoSlots.nameWords);
    const ids: number[] = [];
    for (const c of sheet.clauses)
      for (const t of c.tokens) {
        // A token made by hand has no id: its words are found from its text.
        let found = t.id === undefined ? undefined : memo[t.id];
        if (found === undefined) {
          found = nameWordIds(t.lower, table);
          if (t.id !== undefined) memo[t.id] = found;
        }
        for (const id of found) ids.push(id);
      }
    set = new IdSet(ids);
    sheet.memo.wordIds = set;
  }
  return set;
}

// Words enough to tell a language by its function words.
const languageSample = 600;

/** The ids of the first words of an answer's clauses (tokens made by hand have none). */
function wordIdsOf(clauses: readonly { readonly tokens: readonly ClauseToken[] }[]): number[] {
  const ids: number[] = [];
  for (const c of clauses)
    for (const t of c.tokens) {
      if (t.id !== undefined) ids.push(t.id);
      if (ids.length >= languageSample) return ids;
    }
  return ids;
}

/** The language of an answer's clauses, read on the first call (a closure made here, unnamed: tsx names each named closure it creates with an Object.defineProperty). */
function lazyLanguage(split: readonly { readonly tokens: readonly ClauseToken[] }[], words: WordIds): () => string | undefined {
  let language: string | undefined | null = null;
  return () => {
    if (language === null) language = proseLanguage(wordIdsOf(split), words);
    return language;
  };
}

/**
 * Reads the facts of an answer: clauses, their typed values and names, polarity and modality,
 * and content words. Covers English cues and any language's digits, codes, e-mails and URLs;
 * names need a script with capitals. Linear in the text's length.
 */
export function factSheet(text: string): FactSheet {
  return factSheetWith(text, currentWordIds());
}

/** {@link factSheet} read with a given word table (the answers compared together share one). */
export function factSheetWith(text: string, words: WordIds): FactSheet {
  const clauses: ClauseFacts[] = [];
  const values: FactValue[] = [];
  const forms = words.memo(memoSlots.contentForm);
  // Token indices a value spans, per clause (one set, emptied for each clause).
  const consumed = new Set<number>();
  const read = spellRanges(text);
  const ascii = isAscii(read);
  const byToken = words.listMemo(memoSlots.tokenContent);
  const split = splitClauses(read, words);
  // The answer's language, read from its words only when a word's value depends on it (a number word of another language).
  const languageOf = lazyLanguage(split, words);
  let sheetCues = 0;
  let sheetTraits = 0;
  for (const c of split) {
    // Clearing a Set allocates a fresh table even when it is empty (most clauses state no value).
    if (consumed.size > 0) consumed.clear();
    const found = extractValues(c.tokens, consumed, words, languageOf);
    if (!c.heading) found.push(...entities(c.tokens, c.initial, consumed, languageOf));
    for (const span of c.code) found.push({ type: 'identifier', keys: [`code:${span}`], text: `\`${span}\``, weak: false });
    // An ASCII clause's words are its tokens' words in order (white space and the punctuation
    // trimmed from a token's edges separate words either way): each distinct token is read once.
    const contentIds = ascii ? tokensContent(c.tokens, words, forms, byToken) : textContent(c.text, words, forms);
    const content = contentIds.map((id) => words.words[id] as string);
    for (const v of found) values.push(v);
    const cues = tokensCues(c.tokens, words);
    sheetCues |= cues;
    const clause = new Clause(
      c.text,
      c.sentence,
      found,
      clausePolarity(c.tokens, words),
      content,
      contentIds,
      uniqueIds(contentIds, words),
      c.tokens,
      c.condition,
      cues,
    );
    sheetTraits |= clause.traits;
    clauses.push(clause);
  }
  return new Sheet(clauses, values, words, text, sheetCues, sheetTraits);
}

/**
 * Clauses of one sentence read as one (in the order given, which is the text's): their tokens,
 * values and content words laid end to end, the polarity read again over the whole. What a claim
 * says when its parts stand in several clauses ("If a device can't be wiped, it's shredded").
 */
export function joinClauses(parts: readonly ClauseFacts[], words: WordIds): ClauseFacts {
  const tokens = parts.flatMap((c) => c.tokens);
  const contentIds = parts.flatMap((c) => c.contentIds);
  let cues = 0;
  for (const c of parts) cues |= c.cues;
  return new Clause(
    parts.map((c) => c.text).join(' '),
    parts[0]?.sentence ?? 0,
    parts.flatMap((c) => c.values),
    clausePolarity(tokens, words),
    parts.flatMap((c) => c.content),
    contentIds,
    uniqueIds(contentIds, words),
    tokens,
    false,
    cues,
  );
}

/** A {@link ClauseFacts} whose word set is made only when a rule asks for it. */
class Clause implements ClauseFacts {
  readonly signature: number;
  readonly traits: number;
  readonly contentBits: number;
  #set: ReadonlySet<string> | undefined;
  #index: ValueIndex | undefined;
  #framing: boolean | undefined;
  #memo: ClauseMemo | undefined;
  constructor(
    readonly text: string,
    readonly sentence: number,
    readonly values: readonly FactValue[],
    readonly polarity: ClausePolarity,
    readonly content: readonly string[],
    readonly contentIds: readonly number[],
    readonly contentUnique: readonly number[],
    readonly tokens: readonly ClauseToken[],
    readonly condition: boolean,
    readonly cues: number,
  ) {
    this.signature = clauseSignature(tokens, condition, cues);
    this.traits = clauseTraits(this);
    this.contentBits = contentBits(contentIds);
  }

  get contentSet(): ReadonlySet<string> {
    this.#set ??= new Set(this.content);
    return this.#set;
  }

  get valueIndex(): ValueIndex {
    this.#index ??= new ValueIndex(this.values);
    return this.#index;
  }

  get framing(): boolean {
    this.#framing ??= isFraming(this);
    return this.#framing;
  }

  get memo(): ClauseMemo {
    this.#memo ??= new ClauseMemo();
    return this.#memo;
  }
}

/** A {@link FactSheet} whose vocabulary is gathered only when a rule asks for it. */
class Sheet implements FactSheet {
  #vocabulary: ReadonlySet<string> | undefined;
  readonly memo = new SheetMemo();
  constructor(
    readonly clauses: readonly ClauseFacts[],
    readonly values: readonly FactValue[],
    readonly words: WordIds,
    readonly source: string,
    readonly cues: number,
    readonly traits: number,
  ) {}

  get vocabulary(): ReadonlySet<string> {
    if (this.#vocabulary === undefined) {
      const set = new Set<string>();
      for (const c of this.clauses) for (const w of c.content) set.add(w);
      this.#vocabulary = set;
    }
    return this.#vocabulary;
  }
}

/**
 * The sheets, each read with one word table (whose ids compare): the last sheet's table, the
 * others read again from their text when theirs is another (a table filled up between them).
 */
export function onOneTable(sheets: readonly FactSheet[]): FactSheet[] {
  const words = sheets[sheets.length - 1]?.words;
  return sheets.map((s) => (words === undefined || s.words === words ? s : factSheetWith(s.source, words)));
}
