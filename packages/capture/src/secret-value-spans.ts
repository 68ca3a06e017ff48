/**
 * The small readers the text scan for assigned secrets ({@link assignedSecrets}) shares: where a
 * quoted value ends, where a line ends, and whether a value is already a placeholder. Text may be
 * plain or JSON-escaped (a prompt inside a JSON body), where a line break is `\n` and a quote `\"`.
 */

/** A value's characters, `[start, end)`. */
export type Span = [number, number];

/** The longest quoted value read (a longer one is not a credential). */
const maxQuoted = 1024;

/** Whether a value is a placeholder already (plain or percent-encoded). */
export function redacted(value: string): boolean {
  return value.startsWith('[redacted:') || value.startsWith('%5Bredacted');
}

/** Whether a line ends at `at`: a CR or LF, or a JSON `\n` / `\r` escape. */
export function lineBreakAt(text: string, at: number): boolean {
  const c = text.charAt(at);
  return c === '\n' || c === '\r' || (c === '\\' && (text.charAt(at + 1) === 'n' || text.charAt(at + 1) === 'r'));
}

/** Whether a line starts at `at`: the text's start or right after a line break (a JSON `\n` counts). */
export function lineStartAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charAt(at - 1);
  return c === '\n' || c === '\r' || ((c === 'n' || c === 'r') && text.charAt(at - 2) === '\\');
}

/**
 * Whether a quoted string opens right before `at` (`"…`, `'…`, or `\"…` in JSON-escaped text): a
 * message whose text is only `password: …` starts there, with no line break before it.
 */
export function stringStartAt(text: string, at: number): boolean {
  const c = text.charAt(at - 1);
  return c === '"' || c === "'";
}

/**
 * A quoted value opening at `from` (`"…"`, `'…'`, or `\"…\"` in JSON-escaped text): its characters
 * without the quotes, on one line. Undefined when no quote opens there, it does not close on its
 * line, or the value is empty or a placeholder.
 */
export function quotedValue(text: string, from: number): Span | undefined {
  let quote = text.charAt(from);
  if (quote === '\\' && text.charAt(from + 1) === '"') quote = '\\"';
  else if (quote !== '"' && quote !== "'") return undefined;
  const start = from + quote.length;
  // In JSON text a bare `"` ends the string it stands in: after `password=` it closes the
  // string (`{"a":"password=","b":…}`) and opens no value. What it would enclose then starts
  // with JSON's punctuation, never a credential's.
  const first = text.charAt(start);
  if (quote === '"' && (first === '' || ',:}]'.includes(first))) return undefined;
  for (let i = start; i < text.length && i - start <= maxQuoted; i++) {
    if (text.startsWith(quote, i)) return i > start && !redacted(text.slice(start, i)) ? [start, i] : undefined;
    if (lineBreakAt(text, i)) return undefined;
    // An escaped character (`\'`, `\\`) does not close the value.
    if (quote !== '\\"' && text.charAt(i) === '\\') i++;
  }
  return undefined;
}

/**
 * From `from` to the end of its line or to a `"` (in JSON text the end of the string the line
 * stands in, escaped one level down), trailing blanks and backslashes (an escape's first half)
 * left out: the span never takes a quote or half an escape with it.
 */
export function restOfLine(text: string, from: number): Span {
  let to = from;
  while (to < text.length && !lineBreakAt(text, to) && text.charAt(to) !== '"') to++;
  while (to > from && ' \t\\'.includes(text.charAt(to - 1))) to--;
  return [from, to];
}

/** The index after the blanks (spaces, tabs) from `at`. */
export function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
  return i;
}
