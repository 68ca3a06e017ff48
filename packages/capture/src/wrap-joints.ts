import { pastAssignment } from './key-runs.js';

/**
 * Where a run of key characters is wrapped onto the next line — by a terminal, an editor, an
 * e-mail client or a person — with or without indentation or a quote marker (`> `): a line that
 * ends in a run of key characters, then a line break (raw or a JSON `\n` / `\r\n` escape), blanks,
 * and a line that starts with another such run. A key broken so reads, and is copied, as one key,
 * while the patterns see two shorter words; so the two runs are also read joined. Each joint
 * gives the joined word and where each of its characters stands in the text.
 */
export interface WrapJoint {
  /** The two runs, joined. */
  readonly joined: string;
  /** Index in the text of each character of `joined`, and `from[joined.length]`, the end of the second run. */
  readonly from: readonly number[];
  /** Where the second run starts in `joined`: a range read there that spans the joint starts before and ends after it. */
  readonly cut: number;
}

/** A run before the break shorter than this, or of lower-case letters only, is a word or a short id, not a key's head. */
const minHead = 8;
/** A run after the break shorter than this, or of digits only (a number on the next line), is no key's tail. */
const minTail = 4;
/** The longest run read on either side. */
const maxRun = 512;

/** Letters, digits and `-` `_` `.` `+` `/` `=`: what a key (and its base64) is made of. */
function keyChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45 || c === 95 || c === 46 || c === 43 || c === 47 || c === 61
  );
}

/** The joints of `text` (most texts have none: a line break after a word of letters is prose). */
export function wrapJoints(text: string): WrapJoint[] {
  const out: WrapJoint[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) joint(text, at, at + 1, out);
  // JSON's `\n`: a search for the backslash alone (one for `\n` sets up a two-character search each time).
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 2))
    if (text.charAt(at + 1) === 'n') joint(text, at, at + 2, out);
  return out;
}

/** Lines a key is followed over: a key wrapped at a narrow width spans a few. */
const maxLines = 8;

/**
 * Where the line that breaks at `brk` ends its last word: before a `\r` (raw or a JSON escape) of
 * a CRLF, and before a soft hyphen (U+00AD, raw or `\u00ad`) a typesetter wrapped the word at.
 */
function lineEndBefore(text: string, brk: number): number {
  let end = brk;
  if (text.charAt(end - 1) === '\r') end--;
  else if (text.charAt(end - 1) === 'r' && text.charAt(end - 2) === '\\') end -= 2;
  if (text.charCodeAt(end - 1) === 0xad) end--;
  else if (text.charAt(end - 6) === '\\' && /^u00ad$/i.test(text.slice(end - 5, end))) end -= 6;
  return end;
}

/** Where the next line starts when a line breaks right at `at` (after a soft hyphen or `\r`, raw or escaped), or -1. */
function nextLineAt(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0xad) i++;
  else if (text.charAt(i) === '\\' && /^u00ad$/i.test(text.slice(i + 1, i + 6))) i += 6;
  if (text.charAt(i) === '\r') i++;
  else if (text.startsWith('\\r', i)) i += 2;
  if (text.charAt(i) === '\n') return i + 1;
  return text.startsWith('\\n', i) ? i + 2 : -1;
}

/** Past a line's indentation: blanks, a JSON `\t`, a quote marker. */
function pastIndent(text: string, at: number): number {
  let from = at;
  for (;;) {
    const c = text.charAt(from);
    if (c === ' ' || c === '\t' || c === '>') from++;
    else if (c === '\\' && text.charAt(from + 1) === 't') from += 2;
    else return from;
  }
}

/**
 * The joint at a line break `[brk, next)`, if a key's head ends before it and a tail starts after
 * it; a tail of lower-case letters only that fills its line to another break is followed onto the
 * next line too (a key over three lines, whose middle line no joint of its own would start from).
 * A run that reads as something else than the key's next part is no tail (see {@link otherPart}).
 */
function joint(text: string, brk: number, next: number, out: WrapJoint[]): void {
  const end = lineEndBefore(text, brk);
  let start = end;
  while (start > 0 && end - start < maxRun && keyChar(text.charCodeAt(start - 1))) start--;
  // A JSON escape (`\n`, `\u0001` before the run) is no part of it: its letter and hex digits stay out.
  if (start > 0 && text.charAt(start - 1) === '\\') start += text.charAt(start) === 'u' ? 5 : 1;
  // `NAME=value`: the key is the value.
  start = pastAssignment(text, start, end);
  if (start >= end) return;
  const head = text.slice(start, end);
  if (end - start < minHead || /^[A-Z]?[a-z]+$/.test(head)) return;
  let joined = head;
  const positions: number[] = [];
  for (let i = start; i < end; i++) positions.push(i);
  let soft = softHyphenAt(text, end);
  let lineAt = next;
  /** How much of `joined` is taken, and where its last line taken ends in the text. */
  let taken = 0;
  let last = -1;
  for (let line = 0; line < maxLines && lineAt !== -1; line++) {
    const from = pastIndent(text, lineAt);
    let to = from;
    while (to < text.length && to - from < maxRun && keyChar(text.charCodeAt(to))) to++;
    const tail = text.slice(from, to);
    if (to - from < minTail || /^\d+$/.test(tail) || (!soft && otherPart(head, tail))) break;
    joined += tail;
    for (let i = from; i < to; i++) positions.push(i);
    // A line of lower-case letters alone after a hard break is a word (`thanks`, `export`) unless
    // a key's next line follows it: only then is it taken, as the key's middle. Only such a line
    // is followed further: a line of another shape (an id, a date) is not a key's middle.
    const word = /^[a-z]+$/.test(tail);
    if (!word || soft) {
      taken = joined.length;
      last = to;
    }
    soft = softHyphenAt(text, to);
    lineAt = word ? nextLineAt(text, to) : -1;
  }
  if (last === -1) return;
  out.push({ joined: joined.slice(0, taken), from: [...positions.slice(0, taken), last], cut: end - start });
}

/** A soft hyphen (raw or `\u00ad`) at `at`: a typesetter's wrap, which may fall inside a word of lower-case letters. */
function softHyphenAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0xad || (text.charAt(at) === '\\' && /^u00ad$/i.test(text.slice(at + 1, at + 6)));
}

/** A run of capitals, digits and separators that reads as an id: grouped by `-`, or 8 characters or more. */
function idOfCapitals(run: string): boolean {
  return run.includes('-') || run.length >= 8;
}

/**
 * A run after a hard break that is no wrapped key's next part: an assignment (`GOOGLE_API_KEY=…`),
 * a capitalised word (`Order`), or an id of another alphabet than the key's — no lower-case letter
 * where the other part has some (`ORD-2024-88412`, `A1B2C3D4E5`, on either side of the break: a
 * random base64 run of 8 or more lacks them once in ~60), or lower-case hex where the head has capitals (a UUID, a commit hash).
 */
function otherPart(head: string, tail: string): boolean {
  if (/=[^=]/.test(tail) || /^[A-Z][a-z]+$/.test(tail)) return true;
  const headLower = /[a-z]/.test(head);
  const tailLower = /[a-z]/.test(tail);
  if (headLower !== tailLower && idOfCapitals(headLower ? tail : head)) return true;
  return /[A-Z]/.test(head) && /^[0-9a-f]+(?:-[0-9a-f]+)*$/.test(tail) && /[a-f]/.test(tail) && /\d/.test(tail) && tail.length >= 7;
}
