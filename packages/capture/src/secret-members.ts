import { mayHoldNestedAsciiEscape } from './ascii-escapes.js';
import { asciiText } from './ascii-text.js';
import { nearSecretWord, nextSecretWord, type SecretWordHit } from './secret-words.js';

/**
 * Finding `"name": value` members in JSON text (also text cut off at the capture cap, where a
 * parse fails) so that secret-named ones can be replaced. The value is a string (also one cut
 * off at the end), a number or a boolean; objects and arrays are entered, not replaced whole.
 */

/** Rewrites one member; given the whole match, the raw (escaped) name and the raw value. */
export type MemberRewrite = (whole: string, name: string, value: string) => string;

const memberSource = String.raw`"((?:[^"\\]|\\.){1,128})"\s*:\s*("(?:[^"\\]|\\.)*(?:"|$)|-?\d[\d.eE+-]*|true|false)`;
const everyMember = new RegExp(memberSource, 'g');
const memberAt = new RegExp(memberSource, 'y');
/** How far back from a secret word a member name may begin: 128 characters, each possibly escaped. */
const maxNameReach = 2 * 128 + 1;

/** Passes every member of `text` to `rewrite`, left to right, and joins the results. */
export function rewriteEveryMember(text: string, rewrite: MemberRewrite): string {
  return text.replace(everyMember, rewrite);
}

/**
 * The same rewrite as {@link rewriteEveryMember} for a `rewrite` that changes only members
 * whose name contains a secret word: instead of matching every member of a body (a 2 KB chat
 * completion has dozens, on every captured request), it looks for the secret words and
 * matches a member only at the string each one stands in. In JSON a name holds no unescaped
 * quote, so the nearest unescaped quote before the word opens the name it stands in.
 */
export function rewriteSecretWordMembers(text: string, rewrite: MemberRewrite): string {
  let out = '';
  let copied = 0;
  eachSecretWordMember(text, (open, member) => {
    const whole = member[0];
    const rewritten = rewrite(whole, member[1] as string, member[2] as string);
    // A member left as it is (`"prompt_tokens": 32` in every chat reply) is copied with the text
    // around it: a body with no member changed is returned as the very string it came as, not
    // rebuilt piece by piece into an equal one that every later scan would flatten again.
    if (rewritten === whole) return;
    out += text.slice(copied, open) + rewritten;
    copied = open + whole.length;
  });
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Each member of `text` whose name holds a secret word, or a character past ASCII, left to right
 * and not overlapping: `visit` gets the name's opening quote and the member's match (whole, name,
 * value). A name past ASCII is asked about whatever it holds: `isSecretName` reads names folded
 * (lower case, which turns the Kelvin sign into `k`; other languages' terms without their marks:
 * `kennwört`, `GEHEİMNİS`), where the case-insensitive word scan sees other letters, so such
 * members were stored in clear (trust audit 10). Each string past ASCII is read once: the first
 * such character in it settles whether it is a name.
 */
function eachSecretWordMember(text: string, visit: (open: number, member: RegExpExecArray) => void): void {
  let floor = 0;
  let word = nextSecretWord(text, 0);
  let wide = asciiText(text) ? -1 : pastAsciiFrom(text, 0);
  for (;;) {
    const byWord = word !== undefined && (wide === -1 || word.start <= wide);
    if (!byWord && wide === -1) return;
    const start = byWord ? (word as SecretWordHit).start : wide;
    const end = byWord ? (word as SecretWordHit).end : wide + 1;
    let next = end;
    const open = openingQuote(text, start, floor);
    if (open !== -1) {
      memberAt.lastIndex = open;
      const member = memberAt.exec(text);
      // The word must stand in the name, not in the value after it.
      if (member !== null && open + 1 + (member[1] as string).length >= end) {
        floor = open + member[0].length;
        visit(open, member);
        next = floor;
      }
    }
    // No name holds this character: none starts before the string's next quote.
    if (!byWord && next === end) next = nextQuote(text, end);
    if (word !== undefined && word.start < next) word = nextSecretWord(text, next);
    if (wide !== -1 && wide < next) wide = pastAsciiFrom(text, next);
  }
}

const pastAscii = /[^\0-\x7f]/g;

/** The first character of `text` past ASCII at or after `from`, or -1. */
function pastAsciiFrom(text: string, from: number): number {
  pastAscii.lastIndex = from;
  return pastAscii.exec(text)?.index ?? -1;
}

/** The next unescaped `"` at or after `from`, or the text's end. */
function nextQuote(text: string, from: number): number {
  for (let i = text.indexOf('"', from); i !== -1; i = text.indexOf('"', i + 1)) {
    let escapes = 0;
    while (text.charCodeAt(i - 1 - escapes) === 92) escapes++;
    if (escapes % 2 === 0) return i;
  }
  return text.length;
}

/** Where a secret-named member's value stands in a text: its characters, without the quotes. */
export interface MemberValue {
  readonly start: number;
  readonly end: number;
  /** The member's name as written. */
  readonly name: string;
}

/**
 * The values of the members of `text` whose name `isSecret` accepts, left to right, found as
 * {@link rewriteSecretWordMembers} finds them (a string cut off at the end included), for text
 * that is read as a whole but stored in pieces: a tool call's arguments streamed as deltas.
 * Values already a placeholder are left out.
 */
export function secretMemberValues(text: string, isSecret: (name: string) => boolean): MemberValue[] {
  const out: MemberValue[] = [];
  eachSecretWordMember(text, (open, member) => {
    const name = member[1] as string;
    const value = member[2] as string;
    if (!isSecret(name) || value.startsWith('"[redacted:')) return;
    const end = open + member[0].length;
    const quoted = value.startsWith('"');
    const closed = quoted && value.length > 1 && value.endsWith('"');
    out.push({ start: end - value.length + (quoted ? 1 : 0), end: end - (closed ? 1 : 0), name });
  });
  return out;
}

/** The nearest unescaped `"` before `at` (not before `floor`, at most a name's length away), or -1. */
function openingQuote(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor && i >= at - maxNameReach; i--) {
    if (text.charCodeAt(i) !== 34) continue;
    let escapes = 0;
    while (text.charCodeAt(i - 1 - escapes) === 92) escapes++;
    if (escapes % 2 === 0) return i;
  }
  return -1;
}

/**
 * Whether a member whose name `isSecret` accepts stands in JSON held inside a JSON string —
 * `\"api_key\":` in a tool call's `"arguments":"{…}"`, or deeper — where the member scan above,
 * which reads JSON one level deep, cannot see it. Driven by the secret words like that scan;
 * bodies with no escaped quote (most) are passed over at once.
 */
export function hasEscapedSecretMember(text: string, isSecret: (name: string) => boolean): boolean {
  // A name with escaped quotes begins after the first escaped quote: no word before it counts.
  const first = text.indexOf('\\"');
  if (first === -1) return false;
  for (let word = nextSecretWord(text, first); word !== undefined; word = nextSecretWord(text, word.end)) {
    const close = text.indexOf('"', word.end);
    if (close === -1) return false;
    if (escapedSecretName(text, word.start, close, isSecret)) return true;
  }
  // A name past ASCII is asked about whatever it holds (see `eachSecretWordMember`), once per quote.
  for (let at = asciiText(text) ? -1 : pastAsciiFrom(text, first); at !== -1; ) {
    const close = text.indexOf('"', at);
    if (close === -1) return false;
    if (escapedSecretName(text, at, close, isSecret)) return true;
    at = pastAsciiFrom(text, close + 1);
  }
  return false;
}

/** Whether `at` stands in an escaped name (`\"…\":`, its closing quote at `close`) that `isSecret` accepts. */
function escapedSecretName(text: string, at: number, close: number, isSecret: (name: string) => boolean): boolean {
  // The name's quotes are both escaped and a colon follows it.
  if (text.charCodeAt(close - 1) !== 92 || !/^\s*:/.test(text.slice(close + 1, close + 9))) return false;
  const open = text.lastIndexOf('"', at);
  if (open <= 0 || text.charCodeAt(open - 1) !== 92 || at - open > maxNameReach) return false;
  return isSecret(text.slice(open + 1, close).replace(/\\+$/, ''));
}

/**
 * A JSON string literal, escapes included; also one cut off at the end of the text (at the capture
 * cap), possibly half an escape (`\\`, `\\u00`) short. Group 1 is the closing quote, empty when cut.
 */
const jsonString = /"(?:[^"\\]|\\.)*("|\\?$)/g;

/** A multipart part's disposition, in any case (header values are not case-sensitive). */
const formData = /form-data/i;

/**
 * Whether `text` may hold a multipart form in a JSON string (a captured request embedded in a
 * HAR-like document or a log), whose field names are quoted `\"…\"` and its lines end in `\r\n`
 * escapes: the part readers only see it decoded. A gate: it can say yes wrongly, never no.
 */
function mayHoldEscapedMultipart(text: string): boolean {
  return text.includes('\\') && formData.test(text);
}

/**
 * Rewrites the JSON held in the string literals of `text` that have a secret-named member
 * ({@link hasEscapedSecretMember}), an escape of their own (`\"p\\u0061ssword\"`: the name is
 * only seen decoded, by `redact`) or a multipart form ({@link mayHoldEscapedMultipart}): each is decoded, passed to `redact` (which may recurse for
 * deeper levels) and encoded again, so it stays a valid JSON string. Other literals keep their
 * exact bytes. A literal cut off at the capture cap is read as far as it goes (half an escape at
 * its end dropped) and stays cut: encoded again without its closing quote.
 */
export function rewriteJsonInStrings(text: string, isSecret: (name: string) => boolean, redact: (inner: string) => string): string {
  // Most texts (each event of a stream) hold no JSON in a string: asked before any closure is made.
  if (!worthReading(text, isSecret)) return text;
  return text.replace(jsonString, (literal, close: string) => {
    if (!worthReading(literal, isSecret)) return literal;
    const inner = close === '"' ? parsedString(literal) : (parsedString(`${literal}"`) ?? parsedString(`${withoutHalfEscape(literal)}"`));
    if (inner === undefined) return literal;
    const redacted = redact(inner);
    if (redacted === inner) return literal;
    return close === '"' ? JSON.stringify(redacted) : JSON.stringify(redacted).slice(0, -1);
  });
}

/** Whether `s` may hold JSON in a string that the rules would read: an escaped secret member, a nested escape, an escaped multipart body. */
function worthReading(s: string, isSecret: (name: string) => boolean): boolean {
  return hasEscapedSecretMember(s, isSecret) || mayHoldNestedAsciiEscape(s) || mayHoldEscapedMultipart(s) || mayHoldNestedQuote(s);
}

/**
 * Whether `text` holds a quote escaped twice (`\\\"`): a string in a string of JSON in a string, as
 * a tool call's arguments quote code (`"hcl": "api = { key = \\\"…\\\" }"`), which the rules read
 * only decoded (trust audit 7 found `api = { key = "…" }` stored so). With a secret word near it only.
 */
function mayHoldNestedQuote(text: string): boolean {
  return text.includes('\\\\\\"') && nearSecretWord(text, nestedQuote, 64);
}

const nestedQuote = /\\\\\\"/;

function parsedString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A cut literal without the escape its end breaks off (`…\\`, `…\\u00`). */
function withoutHalfEscape(literal: string): string {
  return literal.replace(/\\(?:u[0-9a-fA-F]{0,3})?$/, '');
}
