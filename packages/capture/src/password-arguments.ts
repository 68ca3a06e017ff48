import { lineEnd, pastWord, shellWord, skipSpace } from './command-line-password.js';
import { lineBreakAt, redacted, type Span } from './secret-value-spans.js';
import { nextSecretWord } from './secret-words.js';

/**
 * Passwords a command line gives by position, where no option or label names them:
 * `htpasswd -b[…] file user PW` and `htpasswd -nb user PW`, `mosquitto_passwd -b file user PW`,
 * `rabbitmqctl add_user|change_password NAME PW`, a password piped to a program
 * that reads it from standard input (`echo PW | docker login --password-stdin`, `… | passwd
 * --stdin`, `echo user:PW | chpasswd`), and Redis's `requirepass PW`, `masterauth PW` and
 * `AUTH [user] PW` at a prompt (`6379> AUTH PW`) or after `redis-cli`. A word at such a place
 * is the password whatever its shape (`sunflower`).
 *
 * Windows's `/pass:PW` and `/password:PW` options too (`cmdkey`, `wmic`). `net user` / `net use`
 * are read by `net-command-password.ts`, Oracle connect strings by `connect-string-password.ts`.
 */
export function positionalPasswords(text: string): Span[] {
  const out: Span[] = [];
  // Each form is looked for only where a word or a character it must hold stands: the secret
  // words (`pass` in htpasswd, requirepass, chpasswd; `auth`), which the assignment rule has found
  // in this text already (one scan, remembered), or one native search for a rare character. A
  // search for a word such as `net ` stops at every `n`, ~20x dearer; `net user` is left for it.
  for (let w = nextSecretWord(text, 0); w !== undefined; w = nextSecretWord(text, w.end)) secretWordForm(text, w.start, w.end, out);
  // `rabbitmqctl`: each `q` (a few in a JSON schema's `required`) is checked.
  for (let q = text.indexOf('q'); q !== -1; q = text.indexOf('q', q + 1))
    if (text.startsWith('rabbitmqctl', q - 7)) rabbitPasswords(text, q - 7, out);
  if (text.includes('|')) pipedPasswords(text, out);
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

/** The forms a secret word names: `htpasswd` / `mosquitto_passwd`, `requirepass` / `masterauth`, `AUTH`, `/pass:` / `/password:`. */
function secretWordForm(text: string, at: number, to: number, out: Span[]): void {
  let start = at;
  while (start > 0 && wordChar(text.charCodeAt(start - 1)) && !jsonEscapeLetter(text, start - 1)) start--;
  let end = to;
  while (end < text.length && wordChar(text.charCodeAt(end))) end++;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  if (lower === 'htpasswd' || lower === 'mosquitto_passwd') batchPasswords(text, start, end, lower, out);
  else if (lower === 'wpa_passphrase') wifiPassphrase(text, end, out);
  else if (lower === 'chpasswd') hereStringPassword(text, end, out);
  else if (lower === 'requirepass' || lower === 'masterauth' || lower === 'rootpw') directivePassword(text, end, out);
  else if (word === 'AUTH') authPassword(text, start, end, out);
  else if ((lower === 'pass' || lower === 'password') && text.charAt(end) === ':' && text.charAt(start - 1) === '/') {
    // `cmdkey /pass:X`, `wmic /password:X`: a Windows option, after a blank.
    if (!' \t'.includes(text.charAt(start - 2)) || start < 2) return;
    const value = shellWord(text, end + 1, lineEnd(text, end + 1));
    if (value !== undefined && !redacted(text.slice(value[0], value[1]))) out.push(value);
  }
}

/**
 * `[\w-]`: an ASCII letter, digit, `_` or `-`. A code test, not a regex literal: a literal in a
 * loop is a new RegExp object each time it is evaluated, and this runs per character around every
 * secret word of every body (≈ 2 KB of the writer's garbage per short exchange).
 */
function wordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** Whether `text[at]` is the letter of a JSON escape (`\n`, `\t`): no part of a word. */
function jsonEscapeLetter(text: string, at: number): boolean {
  return 'nrt'.includes(text.charAt(at)) && text.charAt(at - 1) === '\\';
}

/** The words of a command line from `from` to `end`: each one's `[start, end)` as written (quotes included). */
function words(text: string, from: number, end: number): Span[] {
  const out: Span[] = [];
  for (let at = skipSpace(text, from, end); at < end; ) {
    const to = pastWord(text, at, end);
    if (to === at) break;
    out.push([at, to]);
    at = skipSpace(text, to, end);
  }
  return out;
}

/** A word's value as the shell reads it (quotes' content), when it is no placeholder, no `$VARIABLE` and no prompt (`*`). */
function literal(text: string, word: Span | undefined, end: number): Span | undefined {
  if (word === undefined) return undefined;
  const value = shellWord(text, word[0], end);
  if (value === undefined) return undefined;
  const v = text.slice(value[0], value[1]);
  return v === '*' || v.includes('$') || redacted(v) ? undefined : value;
}

/** htpasswd's options that take a value (`-C cost`, `-r rounds`). */
const withValue = /^-[A-Za-z]*[Cr]$/;

/** `htpasswd -b file user PW` / `-nb user PW`, `mosquitto_passwd -b file user PW`: the password after the file (if any) and the user. */
function batchPasswords(text: string, start: number, end: number, program: string, out: Span[]): void {
  if (start > 0 && /[./]/.test(text.charAt(start - 1))) return; // a file (`/etc/nginx/.htpasswd`), not the program
  const lineTo = lineEnd(text, end);
  let batch = false;
  let noFile = false;
  const positional: Span[] = [];
  const all = words(text, end, lineTo);
  for (let i = 0; i < all.length; i++) {
    const [s, e] = all[i] as Span;
    const w = text.slice(s, e);
    if (w.startsWith('-') && positional.length === 0) {
      batch ||= /^-[A-Za-z]*b/.test(w);
      noFile ||= /^-[A-Za-z]*n/.test(w) && program === 'htpasswd';
      if (withValue.test(w) && program === 'htpasswd') i++;
    } else positional.push([s, e]);
  }
  const value = batch ? literal(text, positional[noFile ? 1 : 2], lineTo) : undefined;
  if (value !== undefined) out.push(value);
}

const rabbitCommand =
  /(?:(?<=\\[nt])|(?<![\w./-]))rabbitmqctl(?:[ \t]+-[-\w]+(?:[ \t]+[^\s-][^\s]*)?)*[ \t]+(?:add_user|change_password)(?=[ \t])/y;

/** `rabbitmqctl add_user NAME PW`, `rabbitmqctl change_password NAME PW`. */
function rabbitPasswords(text: string, at: number, out: Span[]): void {
  rabbitCommand.lastIndex = at;
  const m = rabbitCommand.exec(text);
  if (m !== null) {
    const end = lineEnd(text, m.index + m[0].length);
    const args = words(text, m.index + m[0].length, end).filter(([s]) => text.charAt(s) !== '-');
    const value = literal(text, args[1], end);
    if (value !== undefined) out.push(value);
  }
}

const pipedFrom = /(?:(?<=\\[nt])|(?<![\w./-]))(echo|printf)(?=[ \t])/g;
/**
 * What reads a password from standard input: `--password-stdin`, `--stdin` (`passwd`), `chpasswd`,
 * `sudo -S` (its options run together or apart: `sudo -kS`, `sudo -u bob -S`; trust audit 9);
 * and `base64 -d` / `--decode`, which people pipe a Kubernetes secret's value to (`echo … | base64
 * -d`): the echoed word is the secret, base64-wrapped (trust audit 5).
 */
const readsPassword =
  /--password-stdin|--stdin|(?<![\w-])chpasswd(?![\w-])|(?<![\w-])sudo(?:[ \t]+-[A-Za-z]+(?:[ \t]+[^\s-]\S*)?)*?[ \t]+-[A-Za-z]*S(?![\w-])|(?<![\w-])base64[ \t]+(?:-d|-D|--decode)(?![\w-])/;

/** `echo PW | docker login --password-stdin`, `printf '%s' PW | …`, `echo user:PW | chpasswd`: the piped word. */
function pipedPasswords(text: string, out: Span[]): void {
  pipedFrom.lastIndex = 0;
  for (let m = pipedFrom.exec(text); m !== null; m = pipedFrom.exec(text)) {
    const from = m.index + m[0].length;
    let pipe = from;
    while (pipe < text.length && text.charAt(pipe) !== '|' && !lineBreakAt(text, pipe)) pipe++;
    if (text.charAt(pipe) !== '|') continue;
    const reader = text.slice(pipe + 1, lineEnd(text, pipe + 1));
    if (!readsPassword.test(reader)) continue;
    const args = words(text, from, pipe).filter(([s, e]) => !/^-[neE]+$/.test(text.slice(s, e)));
    const value = literal(text, args[args.length - 1], pipe);
    if (value === undefined) continue;
    if (/chpasswd/.test(reader)) {
      const colon = text.indexOf(':', value[0]);
      if (colon !== -1 && colon < value[1] - 1) out.push([colon + 1, value[1]]);
    } else out.push(value);
    pipedFrom.lastIndex = pipe;
  }
}

/** `chpasswd <<< "user:PW"`: the here-string's password (trust audit 9; piped, it is `pipedPasswords`'). */
function hereStringPassword(text: string, end: number, out: Span[]): void {
  const lineTo = lineEnd(text, end);
  const args = words(text, end, lineTo);
  const at = args.findIndex(([s, e]) => text.slice(s, e) === '<<<');
  const value = at === -1 ? undefined : literal(text, args[at + 1], lineTo);
  if (value === undefined) return;
  const colon = text.indexOf(':', value[0]);
  if (colon !== -1 && colon < value[1] - 1) out.push([colon + 1, value[1]]);
}

/** `wpa_passphrase SSID PW`: the second word (the first is the network's name). */
function wifiPassphrase(text: string, end: number, out: Span[]): void {
  if (!' \t'.includes(text.charAt(end))) return;
  const lineTo = lineEnd(text, end);
  const value = literal(text, words(text, end, lineTo)[1], lineTo);
  if (value !== undefined) out.push(value);
}

/** Redis: `requirepass PW` / `masterauth PW` — a config line or `CONFIG SET …` — whose line ends with the value. */
function directivePassword(text: string, end: number, out: Span[]): void {
  if (!' \t'.includes(text.charAt(end))) return;
  const lineTo = lineEnd(text, end);
  const args = words(text, end, lineTo);
  // `the requirepass directive sets…` is prose: a directive's value is its line's last word.
  if (args.length !== 1) return;
  const value = literal(text, args[0], lineTo);
  if (value !== undefined) out.push(value);
}

/** Where Redis's `AUTH` is a command: at a prompt (`6379> AUTH`), at a line's start, or after `redis-cli` and its options. */
const authPlace = /(?:^|[\r\n]|\\n|>[ \t]*|(?:^|[\s"'`]|\\n)redis-cli(?:[ \t]+[^\s|;&]+)*?[ \t]+)$/;

/** `AUTH [user] PW`: the last of one or two words. */
function authPassword(text: string, start: number, end: number, out: Span[]): void {
  if (!' \t'.includes(text.charAt(end)) || !authPlace.test(text.slice(Math.max(0, start - 200), start))) return;
  const lineTo = lineEnd(text, end);
  const args = words(text, end, lineTo);
  if (args.length === 0 || args.length > 2) return;
  const value = literal(text, args[args.length - 1], lineTo);
  if (value !== undefined) out.push(value);
}
