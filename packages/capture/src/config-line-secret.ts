import { lineBreakAt, lineStartAt, quotedValue, redacted, restOfLine, type Span, skipBlanks, stringStartAt } from './secret-value-spans.js';

/**
 * Single words that are secret names but also ordinary headings in prose (`Session: 45 minutes`,
 * `Key: the main idea`): as a config line's name they count only with a one-word value.
 */
export const proseHeadings: ReadonlySet<string> = new Set([
  'key',
  'session',
  'auth',
  'token',
  'sig',
  'signature',
  'credential',
  'credentials',
  'cookie',
]);

/**
 * `name: value` as a YAML (or similar config) line: the name first on its line (or first in a quoted
 * string: a message whose text is only `password: …`), after indentation
 * and an optional list dash (`  - client_secret: …`), a blank after the colon. The value is a
 * quoted string's content, or the rest of the line without a trailing ` # comment`. YAML's
 * block, flow, anchor and tag markers (`|`, `>`, `{`, `[`, `&`, `*`, `!`) open no inline value.
 */
export function configLineValue(text: string, start: number, end: number, name: string): Span | undefined {
  if (text.charAt(end) !== ':' || !' \t'.includes(text.charAt(end + 1))) return undefined;
  let lineStart = start;
  while (lineStart > 0 && ' \t'.includes(text.charAt(lineStart - 1))) lineStart--;
  if (text.charAt(lineStart - 1) === ' ' || text.charAt(lineStart - 1) === '-') {
    // A list item: `- name:` (the dash, then one or more blanks, then indentation before it).
    let dash = lineStart - 1;
    while (dash > 0 && text.charAt(dash) === ' ') dash--;
    if (text.charAt(dash) !== '-') return undefined;
    lineStart = dash;
    while (lineStart > 0 && ' \t'.includes(text.charAt(lineStart - 1))) lineStart--;
  }
  if (!lineStartAt(text, lineStart) && !stringStartAt(text, lineStart)) return undefined;
  const from = skipBlanks(text, end + 1);
  const quoted = quotedValue(text, from);
  if (quoted !== undefined) return quoted;
  if (text.charAt(from) === '|' || text.charAt(from) === '>') return blockScalarValue(text, from, start - lineStart);
  if ('{[&*!"\''.includes(text.charAt(from))) return undefined;
  let [s, e] = restOfLine(text, from);
  const comment = text.slice(s, e).search(/\s#/);
  if (comment !== -1) e = s + comment;
  while (e > s && ' \t'.includes(text.charAt(e - 1))) e--;
  if (e <= s || redacted(text.slice(s, e))) return undefined;
  if (proseHeadings.has(name.toLowerCase()) && /\s/.test(text.slice(s, e))) return undefined;
  return [s, e];
}

/** The length of the line break at `at` (`\r\n`, `\n`, `\r`, or a JSON `\n` / `\r` escape), 0 when none. */
function breakLength(text: string, at: number): number {
  if (!lineBreakAt(text, at)) return 0;
  const escaped = text.charAt(at) === '\\' ? 2 : 1;
  return lineBreakAt(text, at + escaped) && text.charAt(at + escaped - 1) === (escaped === 2 ? 'r' : '\r') ? 2 * escaped : escaped;
}

/**
 * A YAML block scalar (`password: |`, `token: >-`, `secret: |+2`) after a secret name indented
 * `indent`: its value is the lines after the indicator's line that are indented deeper (blank
 * lines among them included), from the first one's text to the last one's end. The lines after
 * them are the document's own. Undefined when no such line follows.
 */
function blockScalarValue(text: string, from: number, indent: number): Span | undefined {
  let at = from + 1;
  while (at < text.length && '-+0123456789'.includes(text.charAt(at))) at++;
  at = skipBlanks(text, at);
  if (text.charAt(at) === '#') while (at < text.length && !lineBreakAt(text, at)) at++;
  let first: number | undefined;
  let last = at;
  for (let line = at + breakLength(text, at); breakLength(text, at) > 0 && line <= text.length; ) {
    const content = skipIndent(text, line);
    let end = content;
    while (end < text.length && !lineBreakAt(text, end)) end++;
    if (end > content) {
      if (content - line <= indent) break;
      first ??= content;
      last = end;
    }
    at = end;
    if (breakLength(text, end) === 0) break;
    line = end + breakLength(text, end);
  }
  while (last > (first ?? last) && ' \t'.includes(text.charAt(last - 1))) last--;
  return first !== undefined && last > first && !redacted(text.slice(first, last)) ? [first, last] : undefined;
}

/** Past the blanks at `at`, a JSON `\t` escape counted as one (JSON-escaped text writes a tab so). */
function skipIndent(text: string, at: number): number {
  let i = at;
  for (;;) {
    if (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
    else if (text.charAt(i) === '\\' && text.charAt(i + 1) === 't') i += 2;
    else return i;
  }
}

/**
 * `name = value` as an INI / TOML / properties line (the name first on its line or in a quoted string): a quoted
 * string's content, or the value up to a blank. A value opening a table, list or call is not one.
 * A quoted value is also taken after a declaration or a member anywhere on a line, as code writes
 * it (`let password = "…"`, `String pwd = "…";`, `cfg.password = "…"`, Go's `pw := "…"`; trust audit 5).
 */
export function spacedAssignmentValue(text: string, start: number, end: number): Span | undefined {
  let eq = skipBlanks(text, end);
  if (eq !== end && text.startsWith(':=', eq)) eq++;
  if (eq === end || text.charAt(eq) !== '=' || text.charAt(eq + 1) === '=') return undefined;
  let lineStart = start;
  while (lineStart > 0 && ' \t'.includes(text.charAt(lineStart - 1))) lineStart--;
  const from = skipBlanks(text, eq + 1);
  const quoted = quotedValue(text, from) ?? wrappedLiteral(text, from);
  if (quoted !== undefined) return quoted;
  if (!lineStartAt(text, lineStart) && !stringStartAt(text, lineStart)) return undefined;
  let to = from;
  while (to < text.length && !' \t\r\n\\"\'{[(<'.includes(text.charAt(to))) to++;
  // A value that opens a table, list or call (`auth = {`, `token = get(`) is code, not a credential.
  const opens = to < text.length && '{[(<'.includes(text.charAt(to));
  return to > from && !opens && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}

/** A type's constructor or conversion around a literal: `String::from(`, `SecretStr(`, `Secret::new(`, `str(`. */
const wrapper = /^(?:[A-Z][A-Za-z0-9_]{0,40}(?:::(?:new|from))?|str)\(/;

/**
 * The literal a type's constructor wraps, `password = String::from("…")`, `api_key = SecretStr("…")`
 * (trust audit 6 found Rust's stored): the quoted content, when it has no blank and is no
 * environment variable's name (`Env("DB_PASSWORD")` reads the secret, it does not hold it).
 */
function wrappedLiteral(text: string, from: number): Span | undefined {
  const call = wrapper.exec(text.slice(from, from + 48));
  if (call === null) return undefined;
  const value = quotedValue(text, from + call[0].length);
  if (value === undefined) return undefined;
  const literal = text.slice(value[0], value[1]);
  return /\s/.test(literal) || /^[A-Z][A-Z0-9_]*$/.test(literal) ? undefined : value;
}
