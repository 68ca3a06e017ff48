import type { Span } from './secret-value-spans.js';

/** How far a part's header block may reach, and how far its content is looked through for the next boundary. */
const maxHeaders = 1024;
const maxContent = 64 * 1024;

/**
 * The content of a `multipart/form-data` part whose field is named like a secret
 * (`Content-Disposition: form-data; name="password"`, RFC 7578 §4.2): from after the blank line
 * that ends the part's headers to the line break before the next boundary (`--…`), or to the end
 * of a body cut at the capture cap. `name` stands between `start` and `end`, quoted or bare. A
 * multipart payload held in a JSON string is read decoded (see `rewriteJsonInStrings`).
 */
export function multipartFieldValue(text: string, start: number, end: number): Span | undefined {
  // `=` (and the quote) before the name first: a JSON member's name (`"max_tokens":`) stops here, without a slice.
  const open = text.charAt(start - 1);
  const quote = open === '"' || open === "'" ? open : '';
  const eq = start - 1 - quote.length;
  if (text.charAt(eq) !== '=') return undefined;
  // Senders quote the name (RFC 7578 §4.2); some write it bare or in single quotes all the same.
  const after = text.charAt(end);
  if (quote === '' ? !';\r\n'.includes(after) || after === '' : after !== quote) return undefined;
  if (text.slice(Math.max(0, eq - 4), eq).toLowerCase() !== 'name') return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', start), text.lastIndexOf('\r', start)) + 1;
  if (!/^content-disposition:\s*form-data\s*;/i.test(text.slice(lineStart, start))) return undefined;
  const afterBlank = contentStart(text, end);
  if (afterBlank === undefined) return undefined;
  const search = text.slice(afterBlank, afterBlank + maxContent);
  const boundary = search.search(/\r?\n--/);
  const to = boundary === -1 ? afterBlank + search.length : afterBlank + boundary;
  return to > afterBlank && !text.startsWith('[redacted:', afterBlank) ? [afterBlank, to] : undefined;
}

/** Where a part's content begins: after the blank line that ends its headers, from `at` on. */
function contentStart(text: string, at: number): number | undefined {
  const m = /\r?\n\r?\n/.exec(text.slice(at, at + maxHeaders));
  return m === null ? undefined : at + m.index + m[0].length;
}
