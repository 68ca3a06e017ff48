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
export function statedPasswordValues(text: string): Span[] {
  const out: Span[] = [];
  // Most bodies are ASCII: every label of theirs holds a secret word, so only the windows around
  // the text's secret words (found once per text, `secretWordHits`) are read, with an ASCII regex.
  if (Buffer.byteLength(text) === text.length && !text.includes('\\u')) {
    const words = secretWordHits(text);
    let from = 0;
    for (let i = 0; i < words.length; i += 2) {
      const start = Math.max(from, (words[i] as number) - maxLabel);
      if ((words[i + 1] as number) <= start) continue;
      // A label ends at most an inflection and its next character past the word (`passwords:`).
      from = labelled(text, asciiLabel, start, Math.min(text.length, (words[i + 1] as number) + maxLabel + 4), out);
    }
    return out;
  }
  labelled(text, label, 0, text.length, out);
  return out;
}

/** Each value stated by a label of `regex` standing in `[from, to)`, pushed to `out`; where the read ended. */
function labelled(text: string, regex: RegExp, from: number, to: number, out: Span[]): number {
  const window = from === 0 && to >= text.length ? text : text.slice(from, to);
  regex.lastIndex = 0;
  let end = to;
  for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
    const at = from + m.index;
    // After a letter (`Einpasswort`), a placeholder's kind (`[redacted:password:…]`), an option
    // (`--password-stdin`) or a variable (`$PASSWORD`): no label. A JSON escape's letter (`\nPasswort`) is no letter.
    const before = afterEscape(text, at) ? '' : text.charAt(at - 1);
    if ((spacedLetter.test(m[0].charAt(0)) && spacedLetter.test(before)) || partOfName(before) || text.endsWith('[redacted:', at)) continue;
    const value = statedValue(text, at + m[0].length);
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
const labels = [
  ...new Set([...englishLabels, ...foreignPasswordLabels].flatMap((l) => [l, l.normalize('NFD').replace(/\p{M}/gu, '')])),
].sort((a, b) => b.length - a.length);
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
