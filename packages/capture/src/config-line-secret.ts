import { lineStartAt, quotedValue, redacted, restOfLine, type Span, skipBlanks, stringStartAt } from './secret-value-spans.js';

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
  if ('|>{[&*!"\''.includes(text.charAt(from))) return undefined;
  let [s, e] = restOfLine(text, from);
  const comment = text.slice(s, e).search(/\s#/);
  if (comment !== -1) e = s + comment;
  while (e > s && ' \t'.includes(text.charAt(e - 1))) e--;
  if (e <= s || redacted(text.slice(s, e))) return undefined;
  if (proseHeadings.has(name.toLowerCase()) && /\s/.test(text.slice(s, e))) return undefined;
  return [s, e];
}

/**
 * `name = value` as an INI / TOML / properties line (the name first on its line or in a quoted string): a quoted
 * string's content, or the value up to a blank. A value opening a table, list or call is not one.
 */
export function spacedAssignmentValue(text: string, start: number, end: number): Span | undefined {
  const eq = skipBlanks(text, end);
  if (eq === end || text.charAt(eq) !== '=' || text.charAt(eq + 1) === '=') return undefined;
  let lineStart = start;
  while (lineStart > 0 && ' \t'.includes(text.charAt(lineStart - 1))) lineStart--;
  if (!lineStartAt(text, lineStart) && !stringStartAt(text, lineStart)) return undefined;
  const from = skipBlanks(text, eq + 1);
  const quoted = quotedValue(text, from);
  if (quoted !== undefined) return quoted;
  let to = from;
  while (to < text.length && !' \t\r\n\\"\'{[(<'.includes(text.charAt(to))) to++;
  // A value that opens a table, list or call (`auth = {`, `token = get(`) is code, not a credential.
  const opens = to < text.length && '{[(<'.includes(text.charAt(to));
  return to > from && !opens && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}
