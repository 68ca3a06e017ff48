import { credentialLike } from './inline-secret.js';
import { passwordOfLetters } from './password-word.js';
import { lineBreakAt, redacted, type Span } from './secret-value-spans.js';

/**
 * Programs whose short option takes a password, and the option: `-p` for `sshpass`, the MySQL and
 * MariaDB clients, the MongoDB shells and every registry `… login`; `-a` for `redis-cli`. Elsewhere
 * `-p` is a port (`psql`, `ssh`, `docker run`) or a flag (`mkdir -p`) and names no secret.
 */
const command =
  /(?<![\w./-])(?:(sshpass)|(mysql\w*|mariadb[\w-]*|mongo\w*)|(redis-cli)|(?:docker|podman|nerdctl|buildah|skopeo|oras|crane|regctl|cf|oc|helm(?:[ \t]+registry)?)[ \t]+(login))(?![\w-])/g;

/**
 * Whether `text` may hold an option at all: every value read here follows a `-` after a blank, at
 * the text's start, or after a JSON `\n` / `\t`. Asked of every text, so it looks for `-` alone
 * (rare in prose, a few in a JSON reply's ids and dates) and checks what precedes each: a search
 * for ` -` is a search for every blank (~0.5 µs a 2 KB reply for each of the five forms).
 */
function mayHoldOption(text: string): boolean {
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

/** Where a command line ends: a line break, or a shell separator (`;`, `|`, `&`) between commands. */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !lineBreakAt(text, i) && !';|&'.includes(text.charAt(i))) {
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

/** Blanks, and a `\` escape's start is no blank: the index of the next token from `at`. */
function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && (text.charAt(i) === ' ' || text.charAt(i) === '\t')) i++;
  return i;
}

/**
 * The value starting at `from` as a shell reads a word: quoted (`'…'`, `"…"`, or `\"…\"` in
 * JSON-escaped text) its content, else up to a blank, a quote or an escape.
 */
function shellWord(text: string, from: number, end: number): Span | undefined {
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
function pastWord(text: string, at: number, end: number): number {
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
function valueAt(text: string, from: number, end: number): Span | undefined {
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
    const flag = m[3] !== undefined ? '-a' : '-p';
    const prompts = m[2] !== undefined;
    for (let at = skipSpace(text, m.index + m[0].length, end); at < end; at = skipSpace(text, pastWord(text, at, end), end)) {
      if (!text.startsWith(flag, at) || text.startsWith('--', at)) continue;
      const after = at + flag.length;
      if (after < end && text.charAt(after) !== ' ' && text.charAt(after) !== '\t') {
        // Attached: `-pSecret`, `-p'Secret'`.
        const value = valueAt(text, after, end);
        if (value !== undefined) out.push(value);
        continue;
      }
      const value = valueAt(text, skipSpace(text, after, end), end);
      const v = value === undefined ? '' : text.slice(value[0], value[1]);
      if (value !== undefined && (!prompts || credentialLike(v) || passwordOfLetters(v))) out.push(value);
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
