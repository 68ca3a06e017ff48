import { credentialLike } from './inline-secret.js';
import { passwordOfLetters } from './password-word.js';
import { lineBreakAt, redacted, type Span } from './secret-value-spans.js';

/**
 * Programs whose option takes a password, each group's options below: `-p` for `sshpass`, the MySQL
 * and MariaDB clients, the MongoDB shells, 7-Zip and every registry `… login`; `-a` for
 * `redis-cli`; `-P` for `zip` / `unzip`; `-k`, `-pass`, `-passin`, `-passout` for `openssl`
 * (`pass:…`); `-U user%password` for `smbclient`; PowerShell's `ConvertTo-SecureString PW -AsPlainText`
 * (or `-String PW`). Elsewhere `-p` is a port (`psql`, `ssh`, `docker
 * run`) or a flag (`mkdir -p`) and names no secret. The program's name is a word of its own: after
 * no word character, dot, slash or dash — but after a JSON `\n` / `\t` (a command on a line of its
 * own in a chat message, as it is stored) it is one.
 */
const command =
  /(?<![\w./-](?<!\\[nrt]))(?:(sshpass)|(mysql\w*|mariadb[\w-]*|mongo\w*|7z[ar]?)|(redis-cli)|(?:docker|podman|nerdctl|buildah|skopeo|oras|crane|regctl|cf|oc|helm(?:[ \t]+registry)?)[ \t]+(login)|(zip|unzip)|(openssl)|(smbclient)|([Cc]onvert[Tt]o-[Ss]ecure[Ss]tring))(?![\w-])/g;

/** Each group of `command`: its options, whether a spaced word after a bare one may be something else (the client prompts), and how the value is written. */
const groups: readonly {
  readonly flags: readonly string[];
  readonly prompts?: boolean;
  readonly form?: 'openssl' | 'user%password';
  /** The first word that is no option is the password, on a line that says so (`-AsPlainText`). */
  readonly positional?: string;
}[] = [
  { flags: ['-p'] },
  { flags: ['-p'], prompts: true },
  { flags: ['-a'] },
  { flags: ['-p'] },
  { flags: ['-P'] },
  { flags: ['-k', '-pass', '-passin', '-passout'], form: 'openssl' },
  { flags: ['-U'], form: 'user%password' },
  { flags: ['-String'], positional: '-asplaintext' },
];

/** A word with a file's extension (`archive.7z`, `dump.sql`): what a prompting client reads after a bare `-p`, not a password. */
const fileName = /\.(?=[A-Za-z0-9]{0,4}[A-Za-z])[A-Za-z0-9]{1,5}$/;

/** The password in an option's value as the program writes it: `pass:X` for openssl (`env:`, `file:` name none), after `%` in `user%password`. */
function inForm(text: string, value: Span, form: 'openssl' | 'user%password' | undefined): Span | undefined {
  const v = text.slice(value[0], value[1]);
  if (form === 'openssl') {
    if (/^(?:env|file|fd):|^stdin$/.test(v)) return undefined;
    return v.startsWith('pass:') ? (v.length > 5 ? [value[0] + 5, value[1]] : undefined) : value;
  }
  if (form === 'user%password') {
    const cut = v.indexOf('%');
    return cut === -1 || cut === v.length - 1 ? undefined : [value[0] + cut + 1, value[1]];
  }
  return value;
}

/**
 * Whether `text` may hold an option at all: every value read here follows a `-` after a blank, at
 * the text's start, or after a JSON `\n` / `\t`. Asked of every text, so it looks for `-` alone
 * (rare in prose, a few in a JSON reply's ids and dates) and checks what precedes each: a search
 * for ` -` is a search for every blank (~0.5 µs a 2 KB reply for each of the five forms).
 */
export function mayHoldOption(text: string): boolean {
  for (let at = text.indexOf('-'); at !== -1; at = text.indexOf('-', at + 1)) {
    const before = text.charAt(at - 1);
    if (at === 0 || before === ' ' || before === '\t' || ((before === 'n' || before === 't') && text.charAt(at - 2) === '\\')) return true;
  }
  return false;
}

/**
 * A long option named for a password on any command (`--password X`, `--db-password X`,
 * `--pass X`), its value after a blank: with `=` it is an assignment, read elsewhere.
 * `--password-stdin` and `--password-file` name none.
 */
const longOption = /(?<=[ \t]|^|\\[nt])--(?:[A-Za-z0-9]+[-_])*pass(?:word|wd|phrase)?(?=[ \t])/g;

/**
 * Where a command line ends: a line break, or a shell separator (`;`, `|`, `&&`, `&` before a
 * blank) between commands. A `&` inside a word is the word's (`Tr0ub4dor&3`, as people write a
 * password on a command line without quoting it).
 */
export function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !lineBreakAt(text, i) && !';|'.includes(text.charAt(i)) && !separatingAmpersand(text, i)) {
    // A quoted value may hold `;`, `|` or `&`: skip to its closing quote on the same line.
    const q = text.charAt(i);
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, i + 1);
      if (close !== -1 && !text.slice(i + 1, close).includes('\n')) i = close;
    }
    i++;
  }
  return i;
}

/** A `&` that separates commands: doubled, or with a blank (or the text's end) on either side. */
function separatingAmpersand(text: string, at: number): boolean {
  if (text.charAt(at) !== '&') return false;
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  return after === '&' || before === '&' || after === '' || ' \t'.includes(after) || ' \t'.includes(before) || lineBreakAt(text, at + 1);
}

/** Blanks, and a `\` escape's start is no blank: the index of the next token from `at`. */
export function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && (text.charAt(i) === ' ' || text.charAt(i) === '\t')) i++;
  return i;
}

/**
 * The value starting at `from` as a shell reads a word: quoted (`'…'`, `"…"`, or `\"…\"` in
 * JSON-escaped text) its content, else up to a blank, a quote or an escape.
 */
export function shellWord(text: string, from: number, end: number): Span | undefined {
  const quote = text.startsWith('\\"', from) ? '\\"' : text.charAt(from) === '"' || text.charAt(from) === "'" ? text.charAt(from) : '';
  if (quote !== '') {
    const close = text.indexOf(quote, from + quote.length);
    if (close === -1 || close > end) return undefined;
    return close > from + quote.length ? [from + quote.length, close] : undefined;
  }
  let to = from;
  while (to < end && !' \t"\'\\`'.includes(text.charAt(to))) to++;
  return to > from ? [from, to] : undefined;
}

/** Past the shell word at `at` (its quoted parts whole). */
export function pastWord(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && text.charAt(i) !== ' ' && text.charAt(i) !== '\t') {
    const q = text.startsWith('\\"', i) ? '\\"' : text.charAt(i) === '"' || text.charAt(i) === "'" ? text.charAt(i) : '';
    if (q !== '') {
      const close = text.indexOf(q, i + q.length);
      i = close === -1 || close >= end ? end : close + q.length;
    } else i++;
  }
  return i;
}

/** A value taken unless it is another option, a placeholder, or nothing. */
export function valueAt(text: string, from: number, end: number): Span | undefined {
  if (text.charAt(from) === '-') return undefined;
  const span = shellWord(text, from, end);
  return span !== undefined && !redacted(text.slice(span[0], span[1])) ? span : undefined;
}

/**
 * Passwords given on a command line (`sshpass -p X`, `mysql -pX`, `mysql -p X`, `docker login -p X`,
 * `redis-cli -a X`, `--password X`), quoted or not, in text or JSON-escaped. The MySQL and MongoDB
 * clients read a spaced word after a bare `-p` as the database, not the password (they prompt for
 * it), so there it is taken only when it reads as a credential ({@link credentialLike},
 * {@link passwordOfLetters}): `mysql -u root -p shop` keeps `shop`.
 */
export function commandLinePasswords(text: string): Span[] {
  const out: Span[] = [];
  command.lastIndex = 0;
  if (!mayHoldOption(text)) return out;
  for (let m = command.exec(text); m !== null; m = command.exec(text)) {
    const end = lineEnd(text, m.index + m[0].length);
    const group = groups[m.slice(1).findIndex((g) => g !== undefined)] ?? { flags: ['-p'] };
    let positional = group.positional !== undefined && text.slice(m.index, end).toLowerCase().includes(group.positional);
    for (let at = skipSpace(text, m.index + m[0].length, end); at < end; at = skipSpace(text, pastWord(text, at, end), end)) {
      const flag = group.flags.find((f) => text.startsWith(f, at) && (f.length === 2 || ' \t'.includes(text.charAt(at + f.length))));
      if (positional && flag === undefined && text.charAt(at) !== '-') {
        // PowerShell's `ConvertTo-SecureString "PW" -AsPlainText`; a variable (`$pw`) or an expression is none.
        const value = valueAt(text, at, end);
        if (value !== undefined && !'$('.includes(text.charAt(value[0]))) out.push(value);
        positional = false;
        continue;
      }
      if (flag === undefined || text.startsWith('--', at)) continue;
      const after = at + flag.length;
      if (after < end && text.charAt(after) !== ' ' && text.charAt(after) !== '\t') {
        // Attached: `-pSecret`, `-p'Secret'`.
        const value = valueAt(text, after, end);
        const taken = value === undefined ? undefined : inForm(text, value, group.form);
        if (taken !== undefined) out.push(taken);
        continue;
      }
      const value = valueAt(text, skipSpace(text, after, end), end);
      const v = value === undefined ? '' : text.slice(value[0], value[1]);
      const taken = value === undefined ? undefined : inForm(text, value, group.form);
      if (taken !== undefined && (group.prompts !== true || ((credentialLike(v) || passwordOfLetters(v)) && !fileName.test(v))))
        out.push(taken);
    }
    command.lastIndex = end;
  }
  longOption.lastIndex = 0;
  for (let m = text.includes('--') ? longOption.exec(text) : null; m !== null; m = longOption.exec(text)) {
    const end = lineEnd(text, m.index + m[0].length);
    const value = valueAt(text, skipSpace(text, m.index + m[0].length, end), end);
    if (value !== undefined) out.push(value);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
