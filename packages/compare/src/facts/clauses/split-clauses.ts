import { listMarker } from '../../text/list-marker.js';
import { straightApostrophes } from '../../text/word-forms.js';
import { memoSlots, type WordIds } from '../../text/word-ids.js';
import { segmentWords } from '../../text/word-segments.js';
import { isPolarityCue } from '../polarity/polarity-cues.js';
import { zoneNames } from '../values/time-zone.js';
import { isCloser, isOpener, isSentencePunct, isUpper } from './clause-chars.js';

/**
 * One word of a clause: as written (punctuation around it trimmed), lower-cased with its curly
 * apostrophes straight (`lower`: "Don’t" → "don't", so no rule folds ’ again), and whether it
 * starts upper-case.
 */
export interface ClauseToken {
  readonly core: string;
  readonly lower: string;
  readonly upper: boolean;
  /** Punctuation right after the word (`,` in "No, you…"), empty when none. */
  readonly after?: string;
  /** Opens with a quote: a label being quoted ("Forgot password"), not a name. */
  readonly quoted?: boolean;
  /** `lower` as an id of the answer's word table (see word-ids.ts); absent on a token made by hand. */
  readonly id?: number;
}

/** A clause: a sentence, a list item or a part of a sentence joined by `;` or a contrast ("…, but …"). */
export interface Clause {
  readonly text: string;
  readonly tokens: readonly ClauseToken[];
  /** Index of the sentence (or list item) it belongs to. */
  readonly sentence: number;
  /** First clause of its sentence: its first word is capitalized by grammar, not as a name. */
  readonly initial: boolean;
  /** A heading or title-case line ("Refund Policy"): its capitals are style, not names. */
  readonly heading: boolean;
  /** Inline code spans (`` `npm test` ``): literals, compared as written. */
  readonly code: readonly string[];
  /** A leading condition ("If the parcel is late"): its polarity is not the answer's claim. */
  readonly condition: boolean;
}

// Sentence ends: . ! ? (and CJK 。！？) followed by space or end; newlines always. A dot between
// digits or letters ("3.5", "e.g.") does not end a sentence because no space follows it; nor does
// the dot of a title before a name ("with Dr. Okafor", "Mr. Osei", "St. Louis") or of a number's
// abbreviation before its digits ("No. 63/418,227", "Nr. 12", a month's "Dec. 5"): the name or number stays in the clause
// that says what it is, where the entity and value rules read it.
// mayEndSentence() below must admit every piece this can split (split-clauses.test.ts checks it).
export const sentenceEnd = new RegExp(
  `(?<=[.!?])(?<!(?:^|[\\s\\d])[ap]\\.m\\.(?=\\s+\\(?(?:${zoneNames})\\b))(?<!(?:^|[\\s([])(?:Dr|Mr|Mrs|Ms|Mx|Mme|Mlle|Prof|Sr|Sra|Srta|Hr|Fr|Frau|Herr|St|Ste|Mt|Ft|Capt|Cpt|Sgt|Lt|Col|Gen|Rev|Hon|Gov|Sen|Rep|Pres|Supt|Insp|Det|Cmdr|Adm|Maj|Dra)\\.)(?<!(?:^|[\\s([])(?:No|Nos|Nr|Nº|Art|Ch|Fig|Vol|Ref|Sec|pp?|approx|ca|vs|e\\.g|i\\.e|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.(?=\\s+[\\p{N}#]))\\s+(?=["'([]?[\\p{Lu}\\p{N}$€£¥*#-])|(?<=[。！？])`,
  'u',
);
// Contrasts and purposes are their own clauses: "…, but you must…", "…so this does not happen again".
// Coordinated main clauses are their own clauses too ("…, and you will be charged", "…but you
// won't", "…, and don't induce vomiting"): a new subject after "and"/"or"/"but" starts another claim with its own polarity;
// so does an elided one ("…aren't covered, and neither is the coating", "…, nor can you", "…are
// welcome, and so are assistance dogs").
// mayBreak() below must admit every line this can split (split-clauses.test.ts checks it).
export const clauseBreak =
  /;\s+|:\s+(?=\p{Ll})|,\s+(?=(?:but|although|though|however|whereas|while|yet|except|unless)\b)|,?\s+(?=so (?:that )?(?:this|it|you|your|we|our|they|their|there|the)\b)|,?\s+(?=(?:and|or|but) (?:you|we|they|it|he|she|i|there|this|that) (?:will|won['’]t|would|wouldn['’]t|can|can['’]t|cannot|could|couldn['’]t|do|don['’]t|does|doesn['’]t|did|didn['’]t|is|isn['’]t|are|aren['’]t|was|wasn['’]t|were|weren['’]t|must|may|might|need|needn['’]t|have|haven['’]t|has|hasn['’]t|should|shouldn['’]t)\b)|,?\s+(?=(?:and|or|but) (?:you|we|they|it|he|she|i|there|that)['’](?:ll|re|ve|d|s|m)\b)|,?\s+(?=(?:and|or|but) (?:don['’]t|do not|never) )|,?\s+(?=and (?:neither|nor|so) (?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|must|may)\b)|,\s+(?=(?:neither|nor) (?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|must|may)\b)|,\s+(?=(?:and|but) (?:we|you|they|he|she|i) \p{Ll})/iu;
// A leading condition is its own clause: "If the email does not arrive, check spam" negates the
// condition, not the advice. "Once a month, …" says how often, not when. A condition said by
// inversion ("Should you wish to cancel, …", "Were you to miss it, …", "Had you booked direct, …")
// is one too: its "should" advises nothing.
export const condition =
  /^((?:if|when|once(?!\s+(?:a|an|per|every|each)\b)|unless|whenever|in case|as long as|(?:should|were|had)(?=\s+(?:you|we|they|he|she|it|i|the|your|our|their|this|that|there|any|anyone|a|an)\b))\b[^,]{1,120}),\s+(.+)$/is;
export const markup = /\*+|__|`+|^\s*[>#]+\s*|\s\|\s/g;
/**
 * The words of a clause with punctuation around them trimmed (inner punctuation kept: `BK-4821`,
 * `$1,200.50`). Given a word table, each word's forms are interned there (a known word costs no
 * new string) and the token carries its lower-case form's id; a token is a function of the chunk of
 * text between white space it is read from, so each distinct chunk ("Refund.", "(BK-4821)") is read
 * once per table and its token shared by every occurrence (a token is no place in a text: see
 * `SentenceEdit.at`).
 */
export function clauseTokens(text: string, words?: WordIds): ClauseToken[] {
  const out: ClauseToken[] = [];
  const lowerOf = words?.memo(memoSlots.lowerCase);
  const tokenOf = words?.objectMemo<ClauseToken>(memoSlots.chunkToken);
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    if (words === undefined || lowerOf === undefined || tokenOf === undefined) {
      const t = chunkToken(text, start, i);
      if (t !== null) out.push(t);
      continue;
    }
    const chunk = words.idOf(text, start, i);
    let t = tokenOf[chunk];
    if (t === undefined) {
      t = chunkToken(text, start, i, words, lowerOf);
      tokenOf[chunk] = t;
    }
    if (t !== null) out.push(t);
  }
  return out;
}

/** The token of the chunk `text[start, end)` (no white space in it), null when it is all punctuation. */
function chunkToken(text: string, start: number, end: number, words?: WordIds, lowerOf?: (number | undefined)[]): ClauseToken | null {
  let a = start;
  let b = end;
  while (a < b && isOpener(text.charCodeAt(a))) a++;
  const opened = text.charCodeAt(start);
  const quoted = a > start && opened !== 40 && opened !== 91 && opened !== 123;
  let after = '';
  while (b > a && isCloser(text.charCodeAt(b - 1))) {
    if (isSentencePunct(text.charCodeAt(b - 1))) after = (text[b - 1] ?? '') + after;
    b--;
  }
  if (a >= b) return null;
  const first = text.charCodeAt(a);
  if (words === undefined || lowerOf === undefined) {
    const core = text.slice(a, b);
    return { core, lower: straightApostrophes(core.toLowerCase()), upper: isUpperAt(core, first), after, quoted };
  }
  const coreId = words.idOf(text, a, b);
  const core = words.words[coreId] as string;
  let id = lowerOf[coreId];
  if (id === undefined) {
    id = words.id(straightApostrophes(core.toLowerCase()));
    lowerOf[coreId] = id;
  }
  return { core, lower: words.words[id] as string, upper: isUpperAt(core, first), after, quoted, id };
}

/** Whether a word (whose first char code is `first`) starts upper-case. */
function isUpperAt(core: string, first: number): boolean {
  // An ASCII first letter needs no code-point string to tell its case.
  return first < 128 ? first >= 65 && first <= 90 : isUpper(String.fromCodePoint(core.codePointAt(0) ?? 0));
}

/**
 * Whether {@link sentenceEnd} can match at all: it needs . ! ? or 。！？. A piece without them is
 * one sentence (what the split returns), found without running the lookbehind pattern.
 */
export function mayEndSentence(s: string): boolean {
  return sentenceMark.test(s);
}

const sentenceMark = /[.!?\u3002\uff01\uff1f]/;

/**
 * Whether {@link clauseBreak} can match at all: it needs ; or : — or a comma, white space and a
 * contrast word (but, although, though, however, whereas, while, yet, except, unless: a word
 * opening with one of their first letters, or with any non-ASCII character, is enough here; "nor"
 * likewise; a non-ASCII character right after the comma too) — or "so" between white space (or
 * any non-ASCII character) and a space, where the case-insensitive Unicode pattern also reads ſ
 * (U+017F) as s — or "and"/"or"/"but" between spaces. Over-approximates; a line it rules out is
 * one clause (what the split returns).
 */
export function mayBreak(s: string): boolean {
  return breakCue.test(s);
}

// mayBreak's test as one pattern: irregexp scans a line faster than a loop over its char codes
// (≈ 4× on bench:compare's lines). Not Unicode-aware (`i` folds no non-ASCII character to an ASCII
// one there, so [sSſ] is only those three), and code units above 127 stand for any non-ASCII character.
const breakCue = /[;:]|,(?:[^\0-\x7f]|[\t-\r ]+(?:[^\0-\x7f]|[batwhyeun]))|(?<=[\t-\r \u0080-\uffff])[s\u017f]o |\s(?:and|or|but)\s/i;

function isSpace(c: number): boolean {
  // U+200B parts the words of a run of a space-less script (word-segments.ts).
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isHeading(line: string, tokens: readonly ClauseToken[]): boolean {
  // trimStart/trimEnd drop exactly what \s matches (WhiteSpace and LineTerminator): `^\s*#`, `:\s*$`.
  const end = line.trimEnd();
  const last = end.charCodeAt(end.length - 1);
  const start = line.trimStart().charCodeAt(0);
  if (start === 35 || last === 58) return tokens.length <= 8;
  // A table row ("| Vancouver – Tofino | CA$229 |") is cells, not a title: its capitals may be names.
  if (start === 124) return false;
  // Title Case: every word of three letters or more capitalized, and no sentence punctuation.
  if (tokens.length < 2 || tokens.length > 8 || last === 46 || last === 33 || last === 63) return false;
  return tokens.every((t) => t.core.length < 4 || t.upper || !/\p{L}/u.test(t.core));
}

/** Whether {@link markup} can match: it needs one of * _ ` > # |. */
export function mayHoldMarkup(s: string): boolean {
  // A pattern: irregexp finds one of six characters faster than a loop over char codes (≈ 4×).
  return markupChar.test(s);
}

const markupChar = /[*_`>#|]/;

/**
 * Whether {@link condition} can match: it needs a comma, and the trimmed text must open with the
 * first letter of one of its words (a, h, i, o, s, u, w in either case; the pattern has no `u` flag, so
 * no other character folds to them).
 */
export function mayOpenCondition(s: string): boolean {
  if (!s.includes(',')) return false;
  let i = 0;
  while (i < s.length && isTrimmed(s.charCodeAt(i))) i++;
  const first = s.charCodeAt(i);
  if (first > 127) return true;
  const c = first | 32;
  return c === 97 || c === 104 || c === 105 || c === 111 || c === 115 || c === 117 || c === 119;
}

/** ASCII white space String.prototype.trim removes (a non-ASCII first character answers "maybe" above). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The text of a code span before its first clause break (the clause it opens in holds it). */
function codeOpening(span: string): string {
  return span.split(/[;:,]|\s(?:and|or|but|so)\s/)[0]?.trim() || span;
}

/** Inline code spans of a piece of text, trimmed, empty ones dropped. */
function codeSpans(piece: string): string[] {
  return [...piece.matchAll(/`([^`\n]{1,200})`/g)].map((m) => (m[1] ?? '').trim()).filter((c) => c !== '');
}

/**
 * Whether `first`, the first piece of `line`, is a short label the line opens with ("Frames: covered…").
 * A list item's or a bold label may be longer ("- New windows from scratch: not offered"): a list is
 * written label and value, so the words before its colon name what the value says something of.
 */
function isLabel(first: string, line: string, listed: boolean): boolean {
  if (line.charCodeAt(first.length) !== 58) return false;
  // What follows starts lower-case ("Frames: covered…"); "Good news: Go to…" is a sentence of its own.
  const next = line.slice(first.length + 1).trimStart();
  if (next === '') return false;
  // A label that is only a stance ("Required: STCW Basic Safety", "Recommended (not required): Powerboat
  // Level 2") says it of its value, whatever case the value opens with.
  if (next[0] === next[0]?.toUpperCase() && !isStance(first)) return false;
  let words = 1;
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    if (c === 44 || c === 46 || c === 59) return false;
    if (c === 32 && first.charCodeAt(i - 1) !== 32) words++;
  }
  return words <= (listed ? 8 : 3);
}

/** Whether a label's words are all cues of polarity or modality ("Optional", "Not required", "Recommended (not required)"). */
function isStance(label: string): boolean {
  const words = label.toLowerCase().split(/[^a-z']+/);
  let cues = 0;
  for (const w of words) {
    if (w === '') continue;
    if (!isPolarityCue(w)) return false;
    cues++;
  }
  return cues > 0;
}

/**
 * Splits an answer into clauses: by line, sentence and clause break, list markers and markdown
 * emphasis removed. Linear in the text's length.
 */
export function splitClauses(answer: string, words?: WordIds): Clause[] {
  const text = segmentWords(answer);
  const out: Clause[] = [];
  let sentence = 0;
  // Lines first, so a list marker ("2. ") is stripped before it could end a sentence.
  // A list item or a line opening on a bold label: its label may be longer (isLabel).
  const listed = new Set<string>();
  const pieces = text.split(/\n+/).flatMap((l) => {
    const item = l.replace(listMarker, '');
    const split = mayEndSentence(item) ? item.split(sentenceEnd) : [item];
    const first = split[0];
    if (first !== undefined && (item.length !== l.length || item.trimStart().startsWith('**'))) listed.add(first);
    return split;
  });
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (piece === undefined) continue;
    const code = piece.includes('`') ? codeSpans(piece) : [];
    const line = (mayHoldMarkup(piece) ? piece.replace(markup, ' ') : piece).trim();
    if (line === '') continue;
    const lineTokens = clauseTokens(line, words);
    const heading = isHeading(piece, lineTokens);
    // "Applied in production? Leave it alone.", "Can't make it? Send a friend.": a short question the
    // answer goes on to answer sets the case the answer is about, as "If it's applied…," does.
    const asks = lineTokens.length <= 6 && line.endsWith('?') && p < pieces.length - 1;
    let initial = true;
    const parts: { part: string; condition: boolean }[] = [];
    const split = mayBreak(line) ? line.split(clauseBreak) : [line];
    // "Appointment: not needed" (a bullet's short label and what it says) is one clause.
    if (split.length > 1 && isLabel(split[0] ?? '', line, listed.has(piece))) split.splice(0, 2, `${split[0]}: ${split[1]}`);
    for (const part of split) {
      const m = mayOpenCondition(part) ? condition.exec(part.trim()) : null;
      if (m === null) parts.push({ part, condition: false });
      else parts.push({ part: m[1] ?? '', condition: true }, { part: m[2] ?? '', condition: false });
    }
    for (const { part, condition: isCondition } of parts) {
      // Most lines are one clause: reuse the line's tokens.
      const tokens = parts.length === 1 ? lineTokens : clauseTokens(part, words);
      if (tokens.length === 0) continue;
      // A code span belongs to the clause whose text holds it, or that ends on its opening where a clause
      // break cuts it ("`PRAGMA foreign_keys=ON;` once…": the markup's removal leaves "; " to split at).
      const spans = code.filter(
        (c) => part.includes(c) || (part.trimEnd().endsWith(codeOpening(c)) && !parts.some((p) => p.part.includes(c))),
      );
      out.push({ text: part.trim(), tokens, sentence, initial, heading, code: spans, condition: isCondition || asks });
      initial = false;
    }
    sentence++;
  }
  return out;
}
