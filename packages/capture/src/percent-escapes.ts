/**
 * URLs and form bodies write characters as `%XX` escapes: `api_key%3Dabc` is `api_key=abc` once a
 * reader decodes it, `sk%2Dproj%2D…` is `sk-proj-…`. Text that carries a URL inside another URL
 * (a redirect's `next=`), or a form body quoted in a log or a prompt, keeps a secret behind those
 * escapes, where names and patterns matched on the text as written do not see it. These helpers
 * give the text as decoded, with a map back to where each character came from. Only escapes of
 * printable ASCII are decoded: multi-byte UTF-8 escapes hold no secret name or key shape.
 */

/** A `%` with two hex digits of printable ASCII (0x20–0x7e). */
const percentEscape = /%([2-7][0-9a-fA-F])/g;
/**
 * An escape of what a secret, its name or its assignment is written with: letters, digits and
 * `-` `.` `_` `~` `+` `/` `=` `&` `?` `#` `:` `;` `@` — and `%` itself (`%25`), the mark of text
 * encoded more than once (a callback URL in a redirect's `next=`, itself in another's). Text whose escapes are all of other
 * characters (`%20`, quotes, brackets, UTF-8 bytes: most encoded URLs in search results) reads
 * the same to the patterns decoded, and is not scanned twice.
 */
const telltaleEscape = /%(?:2[356bBdDeEfF]|3[0-9aAbBdDfF]|4[0-9a-fA-F]|5[0-9aAfF]|6[1-9a-fA-F]|7[0-9aAeE])/;

/** Whether decoding `text` ({@link decodePercentMapped}) may show a secret its written form hides (a cheap gate). */
export function mayHoldPercentEscape(text: string): boolean {
  return text.includes('%') && telltaleEscape.test(text);
}

/**
 * `text` with its escapes of printable ASCII decoded, and `from[i]`, the index in `text` of
 * decoded character `i` (an escape's `%`), with `from[decoded.length] === text.length`: a range
 * `[s, e)` of the decoded text covers `[from[s], from[e])` of `text`, whole escapes included.
 */
export function decodePercentMapped(text: string): { readonly decoded: string; readonly from: readonly number[] } {
  let decoded = '';
  const from: number[] = [];
  let at = 0;
  percentEscape.lastIndex = 0;
  for (let m = percentEscape.exec(text); m !== null; m = percentEscape.exec(text)) {
    const code = Number.parseInt(m[1] as string, 16);
    if (code > 0x7e) continue;
    decoded += text.slice(at, m.index);
    for (; at < m.index; at++) from.push(at);
    from.push(m.index);
    decoded += String.fromCharCode(code);
    at = m.index + 3;
  }
  decoded += text.slice(at);
  for (; at < text.length; at++) from.push(at);
  from.push(text.length);
  return { decoded, from };
}

/** The most times text is decoded: a URL in a URL in a URL. */
const maxDepth = 3;

/**
 * {@link decodePercentMapped} applied again while what it gives still holds a telltale escape
 * (`%253D` → `%3D` → `=`), at most {@link maxDepth} times, with `from` mapping the last reading
 * back to `text`.
 */
export function decodePercentDeep(text: string): { readonly decoded: string; readonly from: readonly number[] } {
  let { decoded, from } = decodePercentMapped(text);
  for (let depth = 1; depth < maxDepth && mayHoldPercentEscape(decoded); depth++) {
    const next = decodePercentMapped(decoded);
    if (next.decoded === decoded) break;
    const outer = from;
    from = next.from.map((i) => outer[i] as number);
    decoded = next.decoded;
  }
  return { decoded, from };
}
