import { plainAsciiText } from './ascii-text.js';
import { foreignPasswordLabels } from './foreign-secret-words.js';
import type { Span } from './secret-value-spans.js';
import { secretWordHits } from './secret-words.js';

/**
 * A password stated in a sentence with words between its label and its value, in any language:
 * the label inflected (`lösenordet`, `şifrem`, `הסיסמה`), then up to three words of a statement
 * (`lautet`, `c'est`, `är`, `là`, `היא`, `है`, `είναι`) or up to four before a colon (`for the
 * admin account:`, `від бази:`, `provided:`), then the value. The words between are not listed
 * (any words of letters in any script); the value decides: it must read as a credential — six or
 * more characters, a letter and a digit or a symbol, none of the shapes prose and code put after
 * such words (a count, a date, a version, a URL, a path, an email, an identifier, a template).
 * Words of letters alone are left to the rules that read them (`foreign-password.ts`).
 */
export function statedPasswordValues(text: string, whole = false): Span[] {
  const out: Span[] = [];
  // Most bodies are ASCII: read with an ASCII regex, no Unicode tables.
  const regex = plainAsciiText(text) ? asciiLabel : label;
  // Only the windows where a label may stand are read (`labelWindows`): the same values as a read
  // of the whole text (`whole`), which a letter the label regex folds and the word scan does not
  // (the Kelvin sign for `k`) still asks for.
  if (whole || (regex === label && foldsApart.test(text))) {
    labelled(text, regex, 0, text.length, out);
    return out;
  }
  let from = 0;
  for (const [start, end] of labelWindows(text)) {
    // A label inside a value already taken is not read again (as a scan of the whole text resumes past it).
    if (end > from) from = labelled(text, regex, Math.max(from, start), end, out);
  }
  return out;
}

/**
 * Where a label may stand: around each secret word of the text (found once per text for every rule,
 * `secretWordHits`), which every label holds (`lösenord`, `пароль`, `mật khẩu`, `parola` too since
 * trust audit 9; the windows' test checks each), as `[start, end)` windows that neither touch nor
 * overlap, left to right. A label starts at most {@link maxLabel} before its word's start and ends,
 * with an inflection and the character after it, at most `maxLabel + 4` past its end; so it lies
 * within the window of that word, or of an earlier word the scan found overlapping its start.
 */
function labelWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  const words = secretWordHits(text);
  for (let i = 0; i < words.length; i += 2) addWindow(windows, text.length, words[i] as number, words[i + 1] as number);
  return windows;
}

/** The window around a word at `[start, end)` added to `windows`, or the last one grown to it where they touch. */
function addWindow(windows: [number, number][], length: number, start: number, end: number): void {
  const from = Math.max(0, start - maxLabel);
  const to = Math.min(length, end + maxLabel + 4);
  const last = windows[windows.length - 1];
  if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
  else windows.push([from, to]);
}

/** Each value stated by a label of `regex` standing in `[from, to)`, pushed to `out`; where the read ended. */
function labelled(text: string, regex: RegExp, from: number, to: number, out: Span[]): number {
  const window = from === 0 && to >= text.length ? text : text.slice(from, to);
  regex.lastIndex = 0;
  let end = to;
  for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
    const at = from + m.index;
    let length = m[0].length;
    // A match the window's end allowed (`$`) is read again in the whole text: there it may be a
    // shorter one, or none, and the scan goes on from its end or the next character as the whole
    // text's would. (Every label of the whole text lies inside a window with the character after it.)
    if (m.index + length === window.length && to < text.length) {
      const whole = labelLengthAt(regex, text, at);
      regex.lastIndex = m.index + (whole ?? 1);
      if (whole === undefined) continue;
      length = whole;
    }
    // After a letter (`Einpasswort`), a placeholder's kind (`[redacted:password:…]`), an option
    // (`--password-stdin`) or a variable (`$PASSWORD`): no label. A JSON escape's letter (`\nPasswort`) is no letter.
    const before = afterEscape(text, at) ? '' : text.charAt(at - 1);
    if ((spacedLetter.test(m[0].charAt(0)) && spacedLetter.test(before)) || partOfName(before) || text.endsWith('[redacted:', at)) continue;
    const value = statedValue(text, at + length);
    if (value === undefined) continue;
    out.push(value);
    end = Math.max(end, value[1]);
    if (value[1] >= to) break;
    regex.lastIndex = value[1] - from;
  }
  return end;
}

/** English labels; other languages' are `foreignPasswordLabels`. Each holds a secret word (`pass`, `key`, `token`, `secret`). */
const englishLabels = [
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'pass code',
  'secret key',
  'api key',
  'access key',
  'access token',
  'api token',
  'auth token',
];
/** Each as written and without its diacritics, as a keyboard without them writes it (`parola`, `sifre`, `losenord`). */
/** Every label's spellings, longest first. */
export const passwordLabels: readonly string[] = [
  ...new Set([...englishLabels, ...foreignPasswordLabels].flatMap((l) => [l, l.normalize('NFD').replace(/\p{M}/gu, '')])),
].sort((a, b) => b.length - a.length);
const labels = passwordLabels;
const maxLabel = Math.max(...labels.map((l) => l.length));
const escaped = (l: string) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\u00a0]');
/** A label, and up to three letters of an inflection after it when it is written with spaces (`şifrem`, `lösenordet`). */
const label = new RegExp(
  `(?:${labels.map(escaped).join('|')})(?:(?<=[A-Za-z\\u00c0-\\u024f\\u0370-\\u04ff])\\p{Ll}{0,3})?(?=[ \\t\\u00a0\\u202f\\u3000,:=：]|$)`,
  'giu',
);
/** The ASCII labels, for ASCII text: the same match with no Unicode tables. */
const asciiLabel = new RegExp(
  `(?:${labels
    .filter((l) => Buffer.byteLength(l) === l.length)
    .map(escaped)
    .join('|')})[a-z]{0,3}(?=[ \\t,:=]|$)`,
  'gi',
);

/** The same two, anchored: a label at one position of the whole text. */
const stickyLabel = new RegExp(label.source, 'iuy');
const stickyAsciiLabel = new RegExp(asciiLabel.source, 'iy');

/**
 * Letters the label regex (Unicode case folding) takes for a label's letter and the secret-word
 * scan (without the `u` flag) does not: `ſ` for `s`, the Kelvin sign for `k`, the ohm sign for
 * `ω`. A text holding one is read whole (the test checks this list against every label's letters).
 */
export const foldsApart = /[\u017f\u2126\u212a]/;

/** The length of the label `regex` matches at `at` of the whole text, if it matches there. */
function labelLengthAt(regex: RegExp, text: string, at: number): number | undefined {
  const sticky = regex === label ? stickyLabel : stickyAsciiLabel;
  sticky.lastIndex = at;
  return sticky.exec(text)?.[0].length;
}

/** A character a name or an option is made of (`--password`, `$PASSWORD`, `db.password`, `x/password`). */
function partOfName(c: string): boolean {
  return c !== '' && /[\w$./-]/.test(c);
}

/** Letters of scripts written with spaces: a label of theirs starts a word (`Passwort`, not `Einpasswort`). */
const spacedLetter = /[A-Za-z\u00c0-\u024f\u0370-\u04ff]/;
/** Whether the character before `at` is a JSON escape's letter (`\n`, `\r`, `\t`). */
function afterEscape(text: string, at: number): boolean {
  return 'nrt'.includes(text.charAt(at - 1)) && text.charAt(at - 2) === '\\';
}

/** A word of the statement between a label and its value: letters (any script, with their marks) and apostrophes, then a blank, a comma or a colon. */
const bridgeWord = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?(?=[ \t\u00a0\u202f\u3000,:=：]|\\n|$)/uy;
const blanks = ' \t\u00a0\u202f\u3000';
/** Where a value ends (its closing quote, a bracket, a JSON escape, a blank, a list's comma). */
const valueEnd = ' \t\r\n"\'`,;()[]{}<>\\\u3000\u201d\u00bb';
const maxValue = 128;
/** Words between a label and its value: with a colon before the value, and without. */
const maxWordsBeforeColon = 4;
const maxWordsBeforeValue = 3;

/** The value stated after a label ending at `from`, if one is. */
function statedValue(text: string, from: number): Span | undefined {
  let at = from;
  for (let words = 0; words <= maxWordsBeforeColon; words++) {
    at = skip(text, at, blanks);
    if (text.charAt(at) === ',' && words <= 1) at = skip(text, at + 1, blanks);
    const c = text.charAt(at);
    if (c === ':' || c === '=' || c === '：' || (c === '-' && blanks.includes(text.charAt(at + 1)))) {
      const value = valueAt(text, skip(text, at + 1, blanks));
      return value !== undefined && credential(text.slice(value[0], value[1])) ? value : undefined;
    }
    bridgeWord.lastIndex = at;
    if (bridgeWord.test(text)) {
      at = bridgeWord.lastIndex;
      continue;
    }
    const value = valueAt(text, at);
    return value !== undefined && words <= maxWordsBeforeValue && credential(text.slice(value[0], value[1])) ? value : undefined;
  }
  return undefined;
}

/** The value from `at`, past an opening quote (`"`, `\"`, `'`, `“`, `«`, `„`), to its end; its trailing `.`, `:`, `!`, `?` left out. */
function valueAt(text: string, at: number): Span | undefined {
  let from = at;
  if (text.startsWith('\\"', from)) from += 2;
  else if ('"\'“«„'.includes(text.charAt(from)) && from < text.length) from++;
  let to = from;
  while (to < text.length && to - from < maxValue && !valueEnd.includes(text.charAt(to)) && text.charAt(to) !== '\n') to++;
  while (to > from && '.:!?'.includes(text.charAt(to - 1))) to--;
  return to > from ? [from, to] : undefined;
}

function skip(text: string, at: number, chars: string): number {
  let i = at;
  while (i < text.length && chars.includes(text.charAt(i))) i++;
  return i;
}

/**
 * A credential's shape: six characters or more, a letter, and a digit or a symbol; not a count, a
 * date or a version (`12`, `2026-12-03`, `v1.2.3`), a URL, a path or a template (`https://…`,
 * `/etc/…`, `${…}`, `{{…}}`, `<your-password>`), an email, a dotted identifier (`process.env.X`,
 * `z.string`), an environment variable's name (`DB_PASSWORD`), a file's name (`secrets.txt`), a
 * placeholder, or a mask (`********`).
 */
function credential(value: string): boolean {
  // A digit, a symbol other than a hyphen, or a capital inside a word: `home-brewed` and `per-work` are words.
  if (value.length < 6 || !/\p{L}/u.test(value) || !/[\d!-,./:-@[-`{-~]|[a-z][A-Z]/.test(value)) return false;
  return !notCredential.some((shape) => shape.test(value));
}

const notCredential: readonly RegExp[] = [
  /^v?\d+(?:[-./:]\d+)+/i,
  /:\/\/|^www\./i,
  /^[/~$%{<#@&*.]/,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i,
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /^[\w-]+\.(?:txt|json|ya?ml|pem|key|env|ini|conf|cfg|toml|xml|md|log|csv|p12|pfx|jks|kdbx)$/i,
  /^\[redacted:/,
];
