/**
 * Characters that take no room on screen: zero-width space, non-joiner and joiner, word joiner,
 * byte-order mark (a zero-width no-break space inside text), soft hyphen (shown only at a line
 * break); the direction marks, embeddings, overrides and isolates of bidirectional text; the
 * invisible operators; the Mongolian vowel separator and the combining grapheme joiner. A key with
 * one inside reads, and copies, as the key to a person, while a pattern sees two shorter words; so
 * secrets are also looked for in the text with them left out. JSON escapes of them (`\u200b`, as
 * `json.dumps` writes any non-ASCII character) and HTML entities (`&#8203;`, `&zwj;`, `&shy;`)
 * count the same.
 */
const invisibleClass = '\\u00ad\\u034f\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
/** The JSON escapes of those characters (`\u200B` in either case). */
const escapedSource = '\\\\u(?:00[aA][dD]|034[fF]|180[eE]|200[b-fB-F]|202[a-eA-E]|206[0-46-9]|[fF][eE][fF][fF])';
/** Their HTML entities, by name and by number (decimal or hex). */
const entitySource =
  '&(?:shy|zwj|zwnj|lrm|rlm|ZeroWidthSpace|NoBreak|#(?:173|847|6158|820[3-7]|823[4-8]|828[8-9]|829[0-2]|829[4-7]|65279)|#[xX](?:0*(?:[aA][dD]|34[fF]|180[eE]|200[b-fB-F]|202[a-eA-E]|206[0-46-9]|[fF][eE][fF][fF])));';

const invisible = new RegExp(`[${invisibleClass}]|${escapedSource}|${entitySource}`, 'g');
const rawInvisible = new RegExp(`[${invisibleClass}]`);
const escapedInvisible = new RegExp(escapedSource);
const entityInvisible = new RegExp(entitySource);

/**
 * Whether `text` holds an invisible character, an escape or an entity of one. Asked of every text
 * the patterns read, most of it ASCII: a native length check says a text holds no character past
 * ASCII (so none of these), and the escapes and entities are looked for only where a `\u` or an
 * `&#`/`&` stands. A regex over the text alone cost ~0.5-1 µs per 2 KB body.
 */
export function mayHoldInvisible(text: string): boolean {
  if (text.includes('\\u') && escapedInvisible.test(text)) return true;
  if (text.includes('&') && entityInvisible.test(text)) return true;
  return Buffer.byteLength(text) !== text.length && rawInvisible.test(text);
}

/**
 * `text` without its invisible characters (and their escapes and entities), and `from[i]`, the
 * index in `text` of character `i` of the result, with `from[result.length] === text.length`. A
 * range `[s, e)` of the result maps back to `[from[s], from[e])`, which takes in the invisible
 * characters inside it (and none before its start).
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
