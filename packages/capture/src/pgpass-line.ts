import { lineBreakAt, lineStartAt, redacted, type Span, stringStartAt } from './secret-value-spans.js';

/** Where a `.pgpass` line's port field may stand: `:5432:` or the wildcard `:*:`. */
const portField = /:(?:\d{1,5}|\*):/g;
/** A host field: a name, an address or `*`, with a letter, a dot or the wildcard (`12:30:45:…` is a time). */
const hostField = /^(?:\*|[A-Za-z0-9._-]*[A-Za-z.][A-Za-z0-9._-]*|\[[0-9A-Fa-f:]+\])$/;
/** A database or user field: `*` or a name with no blank (a `\:` escape may stand in it). */
const nameField = /^(?:\\.|[^\s:\\])+$/;

/**
 * A PostgreSQL password file's line, `hostname:port:database:username:password` (`~/.pgpass`,
 * PostgreSQL docs §34.16), on a line of its own (a JSON `\n` counts): the password, to the line's
 * end (`\:` and `\\` are its escapes). Found from each `:port:` field, so text with no such pair of
 * colons (most) costs one regex pass. Trust audit 5 left it stored.
 */
export function pgpassPasswords(text: string): Span[] {
  const out: Span[] = [];
  // `h:1:d:u:p` is the shortest line: a stream's short texts (each delta's) are passed over at once.
  if (text.length < 9) return out;
  portField.lastIndex = 0;
  for (let m = portField.exec(text); m !== null; m = portField.exec(text)) {
    const found = passwordAfterPort(text, m.index, m.index + m[0].length);
    if (found !== undefined) {
      out.push(found);
      portField.lastIndex = found[1];
    } else portField.lastIndex = m.index + 1;
  }
  return out;
}

/** The line's password when `[portStart, portEnd)` (`:5432:`) is the port field of a `.pgpass` line. */
function passwordAfterPort(text: string, portStart: number, portEnd: number): Span | undefined {
  let hostStart = portStart;
  while (hostStart > 0 && !lineStartAt(text, hostStart) && !stringStartAt(text, hostStart) && portStart - hostStart <= 253) hostStart--;
  if (!(lineStartAt(text, hostStart) || stringStartAt(text, hostStart)) || !hostField.test(text.slice(hostStart, portStart)))
    return undefined;
  const database = field(text, portEnd);
  if (database === undefined) return undefined;
  const user = field(text, database + 1);
  if (user === undefined) return undefined;
  const from = user + 1;
  let to = from;
  for (; to < text.length && to - from <= 256; to++) {
    const c = text.charAt(to);
    if (lineBreakAt(text, to) && !(c === '\\' && text.charAt(to - 1) === '\\')) break;
    if (c === '"' || c === ' ' || c === '\t') break;
    if (c === '\\' && (text.charAt(to + 1) === ':' || text.charAt(to + 1) === '\\')) to++;
  }
  return to > from && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}

/** The `:` ending the field that starts at `from`, when the field is a name or `*`. */
function field(text: string, from: number): number | undefined {
  let to = from;
  while (to < text.length && to - from <= 128 && text.charAt(to) !== ':' && !lineBreakAt(text, to)) to += text.charAt(to) === '\\' ? 2 : 1;
  return text.charAt(to) === ':' && nameField.test(text.slice(from, to)) ? to : undefined;
}
