import { lineBreakAt, type Span } from './secret-value-spans.js';

/** How far an element's start tag (its attributes) or its text may reach. */
const maxTag = 512;
const maxText = 4096;

/**
 * `<password>value</password>`: the text of an XML or HTML element named like a secret, when it
 * holds only text (`<credentials><user>…` is a container, its children are read on their own).
 * `name` starts right after the `<` (or its namespace prefix, `<wsse:Password>`). A self-closing element has no text; its attributes are
 * assignments (`password="…"`), read as such.
 */
export function elementTextValue(text: string, start: number, end: number): Span | undefined {
  if (text.charAt(start - 1) !== '<' && !namespacedAt(text, start)) return undefined;
  const next = text.charAt(end);
  if (next !== '>' && next !== ' ' && next !== '\t' && !lineBreakAt(text, end)) return undefined;
  const close = text.indexOf('>', end);
  if (close === -1 || close - end > maxTag || text.charAt(close - 1) === '/' || text.slice(end, close).includes('<')) return undefined;
  let from = close + 1;
  const open = text.indexOf('<', from);
  if (open === -1 || open - from > maxText || text.charAt(open + 1) !== '/') return undefined;
  let to = open;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  // A `"` in it: JSON text where `<password>` and `</…>` stand in two strings (`"<password>","b":"</x>"`).
  const value = text.slice(from, to);
  return to > from && !value.includes('"') && !value.startsWith('[redacted:') ? [from, to] : undefined;
}

/** Whether the name at `start` follows a namespace prefix right after a `<` (`<wsse:Password`, `<ns1:apiKey`). */
function namespacedAt(text: string, start: number): boolean {
  if (text.charAt(start - 1) !== ':') return false;
  let at = start - 1;
  while (at > 0 && start - at <= maxPrefix && /[A-Za-z0-9_.-]/.test(text.charAt(at - 1))) at--;
  return at < start - 1 && text.charAt(at - 1) === '<';
}

const maxPrefix = 32;
