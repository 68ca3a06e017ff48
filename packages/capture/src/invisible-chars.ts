/**
 * Characters that take no room on screen: zero-width space, non-joiner and joiner, word joiner,
 * byte-order mark (a zero-width no-break space inside text), soft hyphen (shown only at a line
 * break). A key with one inside reads, and copies, as the key to a person, while a pattern sees
 * two shorter words; so secrets are also looked for in the text with them left out. JSON escapes
 * of them (`\u200b`, as `json.dumps` writes any non-ASCII character) count the same.
 */
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]|\\u(?:00[aA][dD]|200[bBcCdD]|2060|[fF][eE][fF][fF])/g;

const rawInvisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const escapedInvisible = /\\u(?:00[aA][dD]|200[bBcCdD]|2060|[fF][eE][fF][fF])/;

/**
 * Whether `text` holds an invisible character or an escape of one. Asked of every text the
 * patterns read, most of it ASCII: a native length check says a text holds no character past
 * ASCII (so none of these), and the escapes are looked for only where a `\u` stands. A regex
 * over the text alone cost ~0.5-1 µs per 2 KB body.
 */
export function mayHoldInvisible(text: string): boolean {
  if (text.includes('\\u') && escapedInvisible.test(text)) return true;
  return Buffer.byteLength(text) !== text.length && rawInvisible.test(text);
}

/**
 * `text` without its invisible characters, and `from[i]`, the index in `text` of character `i`
 * of the result, with `from[result.length] === text.length`. A range `[s, e)` of the result maps
 * back to `[from[s], from[e])`, which takes in the invisible characters inside it (and none
 * before its start).
 */
export function withoutInvisibleMapped(text: string): { readonly visible: string; readonly from: readonly number[] } {
  let visible = '';
  const from: number[] = [];
  let at = 0;
  invisible.lastIndex = 0;
  for (let m = invisible.exec(text); m !== null; m = invisible.exec(text)) {
    visible += text.slice(at, m.index);
    for (; at < m.index; at++) from.push(at);
    at = m.index + m[0].length;
  }
  visible += text.slice(at);
  for (; at < text.length; at++) from.push(at);
  from.push(text.length);
  return { visible, from };
}
