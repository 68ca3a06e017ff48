import { proseHeadings } from './config-line-secret.js';
import { statedLetterPassword } from './foreign-password-word.js';
import { passwordOfLetters } from './password-word.js';
import { privateDataName } from './private-data-name.js';
import { randomShortToken } from './random-short-token.js';
import { lineBreakAt, lineStartAt, redacted, type Span, skipBlanks, stringStartAt } from './secret-value-spans.js';

/** Names that say a password, whatever precedes them (`password`, `db_password`, `userPasswd`, `pwd`, `pw`). */
const passwordName = /(?:pass(?:word|wd|phrase)|pwd?)$/i;

/** The longest value read inside a sentence. */
const maxValue = 256;

/**
 * `… password: hunter2-x …` inside a sentence (a config line or a string's start is read by
 * `configLineValue`): one word after the colon, for a secret name that is no prose heading (`Session: 45 minutes`), when
 * that word looks like a credential ({@link credentialLike}) — `Reset your password: see below`
 * names no value.
 */
export function inlineColonValue(text: string, end: number, name: string): Span | undefined {
  if (text.charAt(end) !== ':' || !' \t'.includes(text.charAt(end + 1))) return undefined;
  // `Key: the main idea` is a heading; `api key: Zr2LmX9vTb4Nc` states a key.
  if (proseHeadings.has(name.toLowerCase())) return randomWord(text, skipBlanks(text, end + 1));
  return credentialWord(text, skipBlanks(text, end + 1), passwordName.test(name)) ?? shortCode(text, skipBlanks(text, end + 1), name, true);
}

/**
 * `my token is Nm3Rt8Vx2Kp`, `the api key was …`, `use key Zr2LmX9vTb4Nc`: after a secret name
 * that is no password's (those are {@link statedPasswordValue}'s), `is` / `was` or a blank, then a
 * word that reads as a random token ({@link randomShortToken}) — `the key is important` names none.
 */
export function statedSecretValue(text: string, end: number, name: string): Span | undefined {
  if (passwordName.test(name) || !' \t'.includes(text.charAt(end))) return undefined;
  // `is` / `was`, or another language's copula (`meine PIN ist 4821`, `mi PIN es 4821`, `il PIN è 4821`).
  const verb = /^[ \t]+(?:is|was|ist|es|est|è|é|er|är|jest|era)[ \t]+/i.exec(text.slice(end, end + 8));
  const from = verb === null ? skipBlanks(text, end) : end + verb[0].length;
  return randomWord(text, from) ?? shortCode(text, from, name, verb !== null);
}

/**
 * `PIN: 4821`, `my pin is 4821`, `CVV 123`, `OTP code: 482913`: the digits a private datum's name states (a code of 3 to
 * 8 digits is too short for {@link credentialLike}, and only its name says it is one).
 */
function shortCode(text: string, at: number, name: string, stated: boolean): Span | undefined {
  // `PIN code 4821`, `OTP code: 482913`, `CVV number is 123`: the noun the name qualifies first.
  const noun = /^(?:code|number|no\.?)[ \t]*:?[ \t]*(?:is[ \t]+)?/i.exec(text.slice(at, at + 16));
  const from = noun === null ? at : at + noun[0].length;
  const [, to] = wordAt(text, from);
  if (/^\d{1,2}$/.test(text.slice(from, to)))
    return tinyCode(text, to, stated || noun !== null) && privateDataName(nameWords(name)) ? [from, to] : undefined;
  // 3 to 8 digits, or an SSN's groups (`123-45-6789`).
  return /^(?:\d{3,8}|\d{3}-\d{2}-\d{4})$/.test(text.slice(from, to)) && privateDataName(nameWords(name)) ? [from, to] : undefined;
}

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[-_.\s]+/);
}

/**
 * A code of one or two digits (`my PIN is 7`, `PIN: 42`, `PIN code 09`): only where it is stated
 * (a copula, a colon or the noun `code`, not a blank alone: `pin 2` of a board), and not a count
 * of something (`the PIN is 4 digits long`, `PIN 2 of 4`): the word after it is no plural and no
 * `of` / `to` / `or` / `long`.
 */
function tinyCode(text: string, to: number, stated: boolean): boolean {
  if (!stated) return false;
  const after = /^[ \t]+([A-Za-z]+)/.exec(text.slice(to, to + 24));
  return after === null || !countWord.test(after[1] as string);
}

const countWord = /^(?:of|to|or|and|long|more|less|min|max|[A-Za-z]+s)$/i;

/**
 * `my password is hunter2x` / `the password was Tr0ub4dor&3`: the word after `is` / `was` that
 * follows a password's name, when it looks like a credential (`The password is required` does
 * not).
 */
export function statedPasswordValue(text: string, end: number, name: string): Span | undefined {
  if (!passwordName.test(name)) return undefined;
  const verb = statedCopula.exec(text.slice(end, end + 10));
  if (verb === null) return undefined;
  // A word of letters is read as prose or not in the copula's language: English after `is` / `was`
  // (`passwordOfLetters`), the others after theirs (`la password è sbagliata` / `è gattorosso`).
  const from = end + verb[0].length;
  if (/^ (?:is|was) /i.test(verb[0])) return credentialWord(text, from, true);
  return credentialWord(text, from, false) ?? statedLetterPassword(text, from);
}

/**
 * `is`, `was`, and the copulas other languages write after the English word (`la password è X`,
 * `el password es X`, `le password est X`, `das Password ist X`), as written or as a JSON encoder
 * that escapes non-ASCII characters writes them (`\u00e8`).
 */
const statedCopula = /^ (?:is|was|è|é|\\u00e[89]|es|est|era|ist) /i;

/**
 * `password - hunter2x` / `pw – letmein`: a password's name, a dash (hyphen, en or em dash)
 * between blanks, then the word, taken as after `is` ({@link statedPasswordValue}).
 */
export function dashedPasswordValue(text: string, end: number, name: string): Span | undefined {
  if (!passwordName.test(name)) return undefined;
  const dash = /^[ \t]+[-\u2013\u2014][ \t]+/.exec(text.slice(end, end + 12));
  return dash === null ? undefined : credentialWord(text, end + dash[0].length, true);
}

/**
 * `password Kx7-pLm2q` with nothing between the name and the word but blanks: taken when the word
 * looks like a credential ({@link credentialLike}) and is no date or amount, or — in an `.netrc`
 * (or FTP) entry, where `password` follows `login <name>` or `machine <host>` — whatever word it is
 * (`machine h login u password p`). `password reset link` names none.
 */
export function spacedPasswordValue(text: string, end: number, name: string): Span | undefined {
  if (!passwordName.test(name) || !' \t'.includes(text.charAt(end))) return undefined;
  const from = skipBlanks(text, end);
  const [, to] = wordAt(text, from);
  const value = text.slice(from, to);
  if (value === '' || redacted(value)) return undefined;
  if (netrcEntry.test(text.slice(Math.max(0, end - name.length - 160), end - name.length))) return [from, to];
  if (alignedField(text, end - name.length, end, from, to) && passwordOfLetters(value)) return [from, to];
  return credentialLike(value) && !ordinaryFigure.test(value) ? [from, to] : undefined;
}

/**
 * A field of an aligned table or a tab-separated line (`Password    Sunshine`, `Password<TAB>Sunshine`):
 * the name starts its line or a string (after indentation), two blanks or a tab part it from a word that ends the
 * line. One blank alone is how a heading or a menu reads (`Password Reset`), so only a
 * credential's shape counts there. Trust audit 5 found `PASSWORD    Sunshine` stored.
 */
function alignedField(text: string, start: number, end: number, from: number, to: number): boolean {
  const gap = text.slice(end, from);
  if (gap.length < 2 && gap !== '\t') return false;
  let line = start;
  while (line > 0 && ' \t'.includes(text.charAt(line - 1))) line--;
  return (lineStartAt(text, line) || stringStartAt(text, line)) && (to >= text.length || lineBreakAt(text, to) || text.charAt(to) === '"');
}

/** The end of an `.netrc` entry's text before `password`: `login <name>`, `machine <host>`, `account <name>` or `default`. */
const netrcEntry = /(?:^|\s|\\[nt])(?:(?:login|machine|account)[ \t]+[^\s\\]+|default)(?:\s|\\[nrt])+$/;

/** A date, a time, an amount or a count (`2026-12-03`, `10:30`, `$1,299.00`, `12`): prose, not a password. */
const ordinaryFigure = /^[$€£¥]?\d{1,4}(?:[-/.:,]\d{1,4})*%?$/;

/**
 * The word from `from` (to a blank, a quote, a bracket or an escape; trailing punctuation left
 * out), when it is credential-like — or, stated as a password, a word of letters that reads as
 * one ({@link passwordOfLetters}).
 */
function credentialWord(text: string, from: number, password: boolean): Span | undefined {
  const [, to] = wordAt(text, from);
  const value = text.slice(from, to);
  const taken = credentialLike(value) || (password && passwordOfLetters(value));
  return taken && !redacted(value) ? [from, to] : undefined;
}

/** The word from `from`: to a blank, a quote, a bracket or an escape, trailing punctuation left out. */
function wordAt(text: string, from: number): Span {
  let to = from;
  while (to < text.length && to - from < maxValue && !' \t\r\n"\'`,;()[]{}<>\\'.includes(text.charAt(to))) to++;
  while (to > from && '.:!?'.includes(text.charAt(to - 1))) to--;
  return [from, to];
}

/** The word from `from` when it reads as a random token ({@link randomShortToken}) and is no placeholder. */
function randomWord(text: string, from: number): Span | undefined {
  const span = wordAt(text, from);
  const value = text.slice(span[0], span[1]);
  return randomShortToken(value) && !redacted(value) ? span : undefined;
}

/**
 * Whether a word reads as a credential rather than a word of prose: at least four characters
 * with a digit, a symbol, or a capital after a lower-case letter (`hunter2`, `Tr0ub4dor&3`, `xK9-…`).
 */
export function credentialLike(value: string): boolean {
  return value.length >= 4 && (/\d/.test(value) || /[^A-Za-z]/.test(value) || /[a-z][A-Z]/.test(value));
}
