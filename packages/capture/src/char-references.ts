/**
 * HTML and XML character references (`&#112;`, `&#x70;`, `&quot;`): a page, a template or an
 * attribute holding JSON (`data-config="{&quot;password&quot;:&quot;…&quot;}"`) writes a secret's
 * name or quotes so, and patterns matched on the text as written pass it by. Only references to
 * printable ASCII are read (what a secret's name, value or quotes are made of).
 */

/** Whether `text` may hold a reference {@link decodeCharReferencesMapped} reads (a cheap gate: it can say yes wrongly, never no). */
export function mayHoldCharReference(text: string): boolean {
  // One native search for each `&` (URLs' queries hold a few), then the characters after it.
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    const next = text.charAt(at + 1);
    if (next === '#' || (next === 'q' && text.startsWith('quot;', at + 1)) || (next === 'a' && text.startsWith('apos;', at + 1)))
      return true;
  }
  return false;
}

const reference = /&(?:#(\d{2,3})|#[xX]([0-9a-fA-F]{2})|(quot|apos|amp|lt|gt));/g;
const named: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

/**
 * `text` with its references to printable ASCII read, and `from[i]`, the index in `text` of read
 * character `i` (a reference's `&`), with `from[decoded.length] === text.length`: a range of the
 * read text maps back to the written one, whole references included.
 */
export function decodeCharReferencesMapped(text: string): { readonly decoded: string; readonly from: readonly number[] } {
  let decoded = '';
  const from: number[] = [];
  let at = 0;
  reference.lastIndex = 0;
  for (let m = reference.exec(text); m !== null; m = reference.exec(text)) {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : m[2] !== undefined ? Number.parseInt(m[2], 16) : -1;
    const c = code === -1 ? (named[m[3] ?? ''] ?? '') : code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : '';
    if (c === '') continue;
    decoded += text.slice(at, m.index);
    for (; at < m.index; at++) from.push(at);
    from.push(m.index);
    decoded += c;
    at = m.index + m[0].length;
  }
  decoded += text.slice(at);
  for (; at < text.length; at++) from.push(at);
  from.push(text.length);
  return { decoded, from };
}
