import { lineBreakAt, redacted, type Span } from './secret-value-spans.js';

/**
 * What stands before a connect string's user when it is one: an Oracle tool and its options
 * (Data Pump `expdp` / `impdp`, the old `exp` / `imp`, `sqlplus`, `sqlldr`, Data Guard's `dgmgrl`),
 * RMAN's `target` / `catalog` / `auxiliary`, SQL*Plus's `CONNECT` / `CONN`, then an optional
 * `userid=` and an opening quote (`expdp \"sys/PW as sysdba\"`). Read anchored at the user's start,
 * over at most {@link reach} characters before it (see {@link toolStandsBefore}). `CONNECT` only
 * where a command stands (a line's start, `SQL>`, a quote): `connect and/or disconnect` is prose.
 */
const toolBefore =
  /(?:^|[\s"'`;|&(>]|\\[nt"])(?:(?:sqlplus|sqlldr|expdp|impdp|exp|imp|dgmgrl)(?:\.exe)?(?:[ \t]+-[-\w]+)*|rman(?:\.exe)?(?:[ \t]+[^\s"'`;|]+)*?[ \t]+(?:target|catalog|auxiliary))[ \t]+(?:userid=)?(?:\\{0,3}["'])?$/i;

/** SQL*Plus's `CONNECT` / `CONN` where a command stands: a line's start, a prompt (`SQL>`), a quote or a backtick. */
const connectBefore = /(?:^|[\r\n>"'`;]|\\[nt"])[ \t]*conn(?:ect)?[ \t]+(?:\\{0,3}["'])?$/i;

/** What ends `CONNECT user/PW`: `@db`, `AS SYSDBA`-like, a quote, `;` or the line's end (`connect and/or disconnect` is prose). */
const connectEnd = /^(?:@|[ \t]+as[ \t]+sys\w+|[ \t]*(?:$|[;"'`\r\n]|\\[nr"]))/i;

/** How far before a user the tool may stand (its options and RMAN's other connections). */
const reach = 200;

/** A character of an Oracle user name (`scott`, `c##admin`, `hr$1`). */
function userChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 35;
}

/**
 * Passwords in Oracle connect strings, `user/PW[@db]`, given to one of Oracle's tools or to
 * `CONNECT`, or in a JDBC URL of Oracle's (`jdbc:oracle:thin:user/PW@…`; trust audit 7): the password whatever its shape. Gated by the `/` itself: only the first `/` after a
 * blank is read, and only when a user name stands right before it after a blank, `=` or a quote
 * (a URL's `/` fails at once, and its other slashes are passed over); only then is the tool looked
 * for before the user. `sqlplus / as sysdba` (the
 * operating system's login) names none.
 */
export function connectStringPasswords(text: string): Span[] {
  let slash = text.indexOf('/');
  if (slash === -1) return [];
  const out: Span[] = jdbcPasswords(text);
  // Looked for once a `/` is found (most texts hold none: a stream's events).
  let tab = text.indexOf('\t');
  while (slash !== -1) {
    const user = userBefore(text, slash);
    const pw = user === undefined ? undefined : connectPassword(text, user, slash);
    if (pw !== undefined) out.push(pw);
    // A connect string's `/` is the first after a blank (its user, `userid=` and quote hold none):
    // the rest of this word (a URL's other slashes) is passed over.
    let blank = text.indexOf(' ', slash + 1);
    if (tab !== -1 && tab <= slash) tab = text.indexOf('\t', slash + 1);
    if (tab !== -1 && (blank === -1 || tab < blank)) blank = tab;
    if (blank === -1) break;
    slash = text.indexOf('/', blank + 1);
  }
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

/** Oracle's JDBC drivers' URL prefix; its connect string follows (`jdbc:oracle:thin:scott/PW@//db:1521/XE`). */
const jdbcOracle = /^(?:thin|oci8?|kprb):/;

/**
 * Passwords in Oracle JDBC URLs, `jdbc:oracle:thin:user/PW@…` (trust audit 7): found from each
 * `jdbc:oracle:` (a URL may follow a line break with no blank, which the connect strings' gate reads past).
 */
function jdbcPasswords(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('jdbc:oracle:'); at !== -1; at = text.indexOf('jdbc:oracle:', at + 12)) {
    const driver = jdbcOracle.exec(text.slice(at + 12, at + 18));
    if (driver === null) continue;
    const user = at + 12 + driver[0].length;
    let slash = user;
    while (slash < text.length && userChar(text.charCodeAt(slash))) slash++;
    if (slash === user || text.charAt(slash) !== '/') continue;
    const pw = passwordAfter(text, slash + 1);
    if (pw !== undefined) out.push(pw);
  }
  return out;
}

/**
 * The same passwords found without the gate's test of what precedes the user: every `/` in the
 * text, the user run before it read whatever stands before that. What {@link connectStringPasswords}
 * must equal (the gate's proof, `connect-string-gate.property.test.ts`).
 */
export function connectStringPasswordsUngated(text: string): Span[] {
  const out: Span[] = jdbcPasswords(text);
  for (let at = 0; at < text.length; at++) {
    if (text.charAt(at) !== '/') continue;
    let u = at;
    while (u > 0 && userChar(text.charCodeAt(u - 1))) u--;
    if (u === at || !/[A-Za-z_]/.test(text.charAt(u))) continue;
    const pw = connectPassword(text, u, at);
    if (pw !== undefined) out.push(pw);
  }
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

/** The password of the connect string whose user starts at `user` and whose `/` is at `slash`, when a tool or `CONNECT` stands before it. */
function connectPassword(text: string, user: number, slash: number): Span | undefined {
  const before = windowBefore(text, user);
  if (toolBefore.test(before)) return passwordAfter(text, slash + 1);
  if (!connectBefore.test(before)) return undefined;
  const pw = passwordAfter(text, slash + 1);
  return pw !== undefined && connectEnd.test(text.slice(pw[1] + (text.charAt(pw[1]) === '"' ? 1 : 0), pw[1] + 16)) ? pw : undefined;
}

/**
 * The {@link reach} characters before `user`. A window that starts inside the text gets a leading
 * NUL, so its first character is never read as a line's start.
 */
function windowBefore(text: string, user: number): string {
  const from = Math.max(0, user - reach);
  return from === 0 ? text.slice(0, user) : `\0${text.slice(from, user)}`;
}

/** The start of the user name before the `/` at `slash`: a name starting with a letter, after a blank, `=`, a quote or the text's start. */
function userBefore(text: string, slash: number): number | undefined {
  let u = slash;
  while (u > 0 && userChar(text.charCodeAt(u - 1))) u--;
  if (u === slash) return undefined;
  const first = text.charCodeAt(u);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return undefined;
  if (u === 0) return u;
  const before = text.charAt(u - 1);
  return before === ' ' || before === '\t' || before === '=' || before === '"' || before === "'" ? u : undefined;
}

/**
 * The password from `from`: a quoted one (`"p@ss"`, `\"p@ss\"`) its content, else up to `@`, a
 * blank, a quote, a backtick, a JSON escape or the line's end. Empty, or a placeholder, is none.
 */
function passwordAfter(text: string, from: number): Span | undefined {
  const quote = text.startsWith('\\"', from) ? '\\"' : text.charAt(from) === '"' ? '"' : '';
  if (quote !== '') {
    const close = text.indexOf(quote, from + quote.length);
    if (close === -1 || close === from + quote.length || text.slice(from, close).includes('\n')) return undefined;
    return [from + quote.length, close];
  }
  let to = from;
  while (to < text.length) {
    const c = text.charAt(to);
    if (c === '@' || c === ' ' || c === '\t' || c === '"' || c === "'" || c === '`' || c === '\\' || lineBreakAt(text, to)) break;
    to++;
  }
  if (to === from || text.charAt(from) === '/') return undefined;
  return redacted(text.slice(from, to)) ? undefined : [from, to];
}
