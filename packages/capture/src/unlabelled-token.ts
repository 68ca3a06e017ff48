import { keyRuns, pastAssignment } from './key-runs.js';
import type { Span } from './secret-value-spans.js';

/**
 * Random tokens written with no label (`log in with q7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiYx`): a
 * key of an unknown vendor pasted into a chat message has no prefix and no name to be found by.
 * The rule is a shape, not a list, chosen so that the ids and digests the divergence engine and a
 * reader need stay as they are:
 *
 * - a run of key characters (letters, digits, and `-` `_` `+` `/` `=` inside it) of 24 to 256
 *   characters, standing on its own: after a blank, a quote, a bracket, `:`, `>` or the text's
 *   start, before a blank, a quote, a bracket or punctuation (not inside a word, a URL host, a file
 *   name or a longer blob — an image's or an encrypted reasoning item's base64 is data, not a key);
 * - at least 24 letters and digits, and a part between separators of 16 or more that reads as
 *   random: digits among it, and both cases — or one case, 32 or more characters and a letter
 *   past `f`, so hex digests (git SHAs, SHA-256), UUIDs and ULIDs are never taken — and not as
 *   words and numbers: under half of it in runs that read as words (`Abcd`, `abcd`, `ABCD`), or
 *   digits scattered in three or more runs with under 70 % in word runs. Identifiers
 *   (`createTapMetricsForVersion2Handler`, `README_Install_Guide_v2_Final_2024`) stay; about 99 %
 *   of random 40-character tokens and 93 % of 24-character ones are taken (seeded draws in the test);
 * - or base64 of `user:password` (see `encodedCredential`);
 * - not the value of a member named as an id (`"id":"chatcmpl-…"`, `"tool_call_id":"call_…"`,
 *   `"itemId":"…"`): those are the records' own ids, which a replay and the engine compare.
 *
 * A token taken wrongly becomes a placeholder keyed on its value, so equal tokens still compare
 * equal and different ones different; a secret left would be stored.
 */
export function unlabelledTokens(text: string, within: readonly number[] = keyRuns(text, unlabelledKeyRun)): Span[] {
  const out: Span[] = [];
  shortEncodedCredentials(text, within, out);
  // A run of `minAlnum` key characters covers two characters `stride` apart at multiples of
  // `stride`: only where both are key characters (and those between) is the run found and read.
  // Such a run lies in one of the text's runs of `keyRuns` characters (those and `.`) at least as
  // long, which the key shapes' scan of the same text found already: only those are looked in
  // (`within`, as `[start, end, …]`; `[0, text.length]` looks at the whole text).
  const runs = within;
  let floor = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const runEnd = runs[r + 1] as number;
    // Runs kept for the short credentials (`minEncoded`) hold no token.
    if (runEnd - (runs[r] as number) < minAlnum) continue;
    for (let p = Math.ceil((runs[r] as number) / stride) * stride; p + stride <= runEnd; p += stride)
      floor = tokenFrom(text, p, floor, out);
  }
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

/**
 * The shortest base64 of `user:password` taken (`Ym9iOnB3MTI`, `bob:pw12` unpadded): shorter than a token
 * (`minAlnum`), such a credential is found by decoding alone (`encodedCredential`); trust audit 6
 * left those under 24 characters stored.
 */
const minEncoded = 11;

/** The runs of key characters the rule reads (`keyRuns`): those a short credential may stand in. */
export const unlabelledKeyRun = minEncoded;

/**
 * Base64 of `user:password` shorter than a random token (`minEncoded` to `minAlnum` characters),
 * standing alone in the runs `within`: each part of a run between characters no base64 holds
 * (a `.` in a key run) is read. A word is passed over at its first letter or two: base64 of
 * printable text starts with `I`–`Z` or `a`–`f` (a byte under 0x80 and over 0x1f).
 */
function shortEncodedCredentials(text: string, within: readonly number[], out: Span[]): void {
  for (let r = 0; r < within.length; r += 2) {
    const end = within[r + 1] as number;
    for (let i = within[r] as number; i < end; ) {
      let j = i;
      while (j < end && keyChar(text.charCodeAt(j))) j++;
      if (j - i >= minEncoded && j - i < minAlnum + 2 && decodesPrintable(text, i, j) && standsAlone(text, i, j)) {
        const token = text.slice(i, j);
        if (encodedCredential(token) && !idValue(text, i)) out.push([i, j]);
      }
      i = j + 1;
    }
  }
}

/** Base64's value of each ASCII character, -1 for none (`=` too). */
const base64Values = new Int8Array(128).fill(-1);
for (let v = 0; v < 64; v++) base64Values['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(v)] = v;

/**
 * Whether `[from, to)` is base64 (padded or not) whose bytes are printable ASCII with a `:` among
 * them: decoded in place, given up at the first byte that is not — most words at their first or
 * second letter (`g`–`z` or `A`–`H` first make a byte over 0x7e or under 0x20).
 */
function decodesPrintable(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === 61) end--;
  if (to - end > 2 || (end - from) % 4 === 1) return false;
  let bits = 0;
  let held = 0;
  let colon = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (base64Values[c] as number) : -1;
    if (v < 0) return false;
    bits = ((bits << 6) | v) & 0xfff;
    held += 6;
    if (held >= 8) {
      held -= 8;
      const byte = (bits >> held) & 0xff;
      if (byte < 0x20 || byte > 0x7e) return false;
      if (byte === 58) colon = true;
    }
  }
  return colon;
}

/**
 * The run of key characters covering `[p, p + stride)`, when there is one past `floor`: read,
 * its token (if any) kept in `out`. Returns the new floor (the run's end, or `floor` unchanged).
 */
function tokenFrom(text: string, p: number, floor: number, out: Span[]): number {
  if (p < floor || !keyChar(text.charCodeAt(p)) || !keyChar(text.charCodeAt(p + stride - 1))) return floor;
  let between = p + 1;
  while (between < p + stride && keyChar(text.charCodeAt(between))) between++;
  if (between < p + stride) return floor;
  let from = p;
  while (from > floor && keyChar(text.charCodeAt(from - 1))) from--;
  let to = p + stride;
  while (to < text.length && keyChar(text.charCodeAt(to))) to++;
  // A token reads as random only with digits among it (`randomSegment`): a run without one is
  // passed over unread (a streamed event's padding, a long word or identifier).
  const found = to - from <= maxRun + 1 && hasDigit(text, from, to) ? tokenWithin(text, from, to) : undefined;
  if (found !== undefined) out.push(found);
  return to;
}

/** Half the shortest token: a run of `minAlnum` holds `[p, p + stride)` for a multiple `p` of it. */
const stride = 12;

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** 1 for letters, digits, `-`, `_`, `+`, `/`, `=` of ASCII. */
const keyChars = new Uint8Array(128);
for (let c = 0; c < 128; c++) keyChars[c] = isAlnum(c) || c === 45 || c === 95 || c === 43 || c === 47 || c === 61 ? 1 : 0;

/**
 * Letters, digits, `-`, `_`, `+`, `/`, `=`: a table look-up, not a chain of comparisons, since on
 * prose each probe's outcome is a coin toss and every mispredicted branch costs (~1 µs of ~3 on a 2 KB reply).
 */
function keyChar(c: number): boolean {
  return c < 128 && keyChars[c] === 1;
}

/** The token in the run `[from, to)` of key characters, when it is one: trimmed to letters and digits (and a base64 `=`) at its ends. */
function tokenWithin(text: string, from: number, to: number): Span | undefined {
  let start = from;
  // After a JSON escape (`\nq7Zr…`) the token starts past the escape's letter.
  if (text.charAt(start - 1) === '\\' && 'nrt'.includes(text.charAt(start))) start++;
  while (start < to && !isAlnum(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && !isAlnum(text.charCodeAt(end - 1)) && text.charCodeAt(end - 1) !== 61) end--;
  if (end - start > maxRun || end - start < minAlnum) return undefined;
  if (start !== from && !(start === from + 1 && text.charAt(from - 1) === '\\')) return undefined;
  if (!standsAlone(text, start, to) || idValue(text, start)) return undefined;
  const token = text.slice(start, end);
  if (!randomLooking(token))
    return encodedCredential(token) || pairedAwsSecret(text, token) || choppedAwsSecret(token) ? [start, end] : undefined;
  // `AWS_SECRET_ACCESS_KEY=…` reads as random for its value: the token is the value, the name stays.
  start = pastAssignment(text, start, end);
  return [start, end];
}

/** Standard base64, padded or not: what `encodedCredential` decodes. */
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `user:password` (a Basic credential, a Docker `auth`): a user name, a colon, a password of printable characters. */
const userPassword = /^[\w.@+-]{1,64}:[\x21-\x7e]{4,128}$/;

/**
 * Base64 of `user:password` standing alone (`creds: dXNlcjpTM2NyZXQ…`), which reads as words once
 * encoded as often as not: decoded, and taken when it is exactly that (re-encoding gives the token
 * back, so a word that merely decodes to bytes is not one). Trust audit 5 found it stored.
 */
function encodedCredential(token: string): boolean {
  // Base64 is never 1 more than a multiple of 4 long, padded or not (unpadded, as JWTs and many
  // tools write it, it is stored too: trust audit 6); a run with `-`, `_` or `.` is passed over at once.
  if (token.length % 4 === 1 || !base64.test(token)) return false;
  const bytes = Buffer.from(token, 'base64');
  const decoded = bytes.toString('latin1');
  return userPassword.test(decoded) && bytes.toString('base64').replace(/=+$/, '') === token.replace(/=+$/, '');
}

/** An AWS secret access key's shape: 40 characters of base64's alphabet. */
const awsSecretShape = /^[A-Za-z0-9+/]{40}$/;
const awsKeyId = /(?:AKIA|ASIA)[0-9A-Z]{16}/;

/**
 * An AWS secret access key in a text that also holds an access key id: keys are pasted in pairs,
 * and a secret may read as words (AWS's own example, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
 * and keys written after it; trust audit 5 left one stored). Mixed case and a digit, as every such key.
 */
function pairedAwsSecret(text: string, token: string): boolean {
  return awsSecretShape.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token) && awsKeyId.test(text);
}

/** Runs of one case, split by case, digits and base64's marks: `wJalrXUtn` is `w`, `J`, `alr`, `XU`, `tn`. */
const caseRuns = /[a-z]+|[A-Z]+/g;

/**
 * An AWS secret access key's shape that reads as words only in pieces (`wJalrXUtnFEMI/K7MDENG/
 * bPxRfiCYEXAMPLEKEY`, with no key id in the text; trust audit 6 left it stored): 40 characters
 * of base64's alphabet, both cases and a digit or mark, and its letters chopped as no name is —
 * four or more lower-case runs of one or two letters (`w`, `tn`, `b`) and two or more upper-case
 * runs of two or more (`XU`, `FEMI`). A name's words are a capital and three or more lower-case
 * letters (`getUserByIdAndName`: `By`, `Id` are the short runs, its capitals stand alone), a
 * constant's upper-case runs are long and its lower-case none, a path's segments are words.
 */
function choppedAwsSecret(token: string): boolean {
  if (!awsSecretShape.test(token) || !/[0-9+/]/.test(token)) return false;
  let shortLower = 0;
  let longUpper = 0;
  caseRuns.lastIndex = 0;
  for (let m = caseRuns.exec(token); m !== null; m = caseRuns.exec(token)) {
    const run = m[0];
    if (run.charCodeAt(0) >= 97) {
      if (run.length <= 2) shortLower++;
    } else if (run.length >= 2) longUpper++;
  }
  return shortLower >= 4 && longUpper >= 2;
}

/** Longer runs are data (base64 of an image, an encrypted blob), not a credential. */
const maxRun = 256;
const minAlnum = 24;
const minOneCase = 32;

/** Before the token: the text's start, a blank, a quote, a bracket, `:` or `>`, or a JSON escape's letter (`\n`, `\t`). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const opens = start === 0 || ' \t\r\n"\'`([{<>:*'.includes(before) || (text.charAt(start - 2) === '\\' && 'nrt'.includes(before));
  if (!opens) return false;
  const after = text.charAt(end);
  return end === text.length || ' \t\r\n"\'`)]}<>.,;:!?*\\'.includes(after);
}

const wordRuns = /[A-Z]?[a-z]{3,}|[A-Z]{4,}/g;
const digitRuns = /\d+/g;
const separators = /[-_+/=]+/;
/** A part between separators this long is read on its own: `ORDER-2024-000123` or `en-US_Wikipedia_2023` have none. */
const minSegment = 16;

/** Whether the token, or a long part of it between separators, reads as random characters rather than words and numbers. */
function randomLooking(token: string): boolean {
  let alnum = 0;
  for (let i = 0; i < token.length; i++) if (isAlnum(token.charCodeAt(i))) alnum++;
  if (alnum < minAlnum) return false;
  for (const segment of token.split(separators)) if (segment.length >= minSegment && randomSegment(segment)) return true;
  // Base64's `+` and `/` are letters of its alphabet, not separators: a 44-character token has two or
  // three, so its parts between them are short (`Kq8Zx2Vb7Np9+Lc3RwT5yMh4/Gd6Jf1Ws9Qa==`). Read
  // without them too (a path of words, `src/lib/Button2Component`, still reads as words).
  if (!token.includes('+') && !token.includes('/')) return false;
  for (const segment of token.replace(base64Marks, '').split(separators))
    if (segment.length >= minSegment && randomSegment(segment)) return true;
  return false;
}

const base64Marks = /[+/]+/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Letters and digits only: digits among them, both cases (or one case, 32 or more characters and a
 * letter past `f`: not hex), and either under half in runs that read as words or digits scattered
 * in three or more runs with under 70 % in word runs (identifiers put a number or two at a word's end).
 */
function randomSegment(segment: string): boolean {
  let upper = false;
  let lower = false;
  let digits = false;
  let pastF = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (c >= 65 && c <= 90) {
      upper = true;
      if (c > 70) pastF = true;
    } else if (c >= 97 && c <= 122) {
      lower = true;
      if (c > 102) pastF = true;
    }
  }
  if (!digits || !(upper || lower)) return false;
  if (!(upper && lower) && (segment.length < minOneCase || !pastF)) return false;
  let wordy = 0;
  wordRuns.lastIndex = 0;
  for (let w = wordRuns.exec(segment); w !== null; w = wordRuns.exec(segment)) wordy += w[0].length;
  if (wordy * 2 < segment.length) return true;
  let runs = 0;
  digitRuns.lastIndex = 0;
  while (digitRuns.exec(segment) !== null) runs++;
  return runs >= 3 && wordy * 10 < segment.length * 7;
}

/** `"id":"…"`, `\"call_id\": \"…"`, `"itemId":"…"`: a member named `id`, `…_id`, `…Id` or their plurals, right before. */
const idMember = /(?:^|[^A-Za-z0-9])(?:id|[A-Za-z0-9]*_ids?|[A-Za-z0-9]*[a-z]Ids?|ID)\\?"\s*:\s*(?:\[\s*)?\\?"$/;

function idValue(text: string, start: number): boolean {
  if (text.charAt(start - 1) !== '"') return false;
  return idMember.test(text.slice(Math.max(0, start - 64), start));
}
