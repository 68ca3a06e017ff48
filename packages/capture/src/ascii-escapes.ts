/**
 * JSON may write any character as a `\uXXXX` escape and `/` as `\/`: `"sk-\u0070roj-…"` is the
 * string `sk-proj-…`. Patterns and secret names are matched on text as written, so a secret (or a
 * secret's name) with escaped ASCII letters would pass them by; these helpers give the text as a
 * reader of the JSON sees it. Only escapes of printable ASCII are decoded (not `"` or `\`, which
 * must stay escaped, nor `<`, `>`, `&` and `'`, which HTML-safe encoders escape and no secret
 * pattern holds), so decoded JSON stays valid JSON with the same value.
 */

/** A backslash and what it escapes: `\\` pairs are consumed whole, so `\\u0070` is not an escape. */
const escapeSequence = /\\(u00[2-7][0-9a-fA-F]|[\s\S])/g;

/** Whether `text` may hold an escape {@link decodeAsciiEscapes} decodes (a cheap gate: it can say yes wrongly, never no). */
export function mayHoldAsciiEscape(text: string): boolean {
  return text.includes('\\u00') || text.includes('\\/');
}

/** The character an escape's body (`u0070`, `/`) stands for, when it is one to decode. */
function decodedChar(body: string): string | undefined {
  if (body === '/') return '/';
  if (body.length !== 5) return undefined;
  const code = Number.parseInt(body.slice(3), 16);
  if (code < 0x20 || code > 0x7e) return undefined;
  const c = String.fromCharCode(code);
  return c === '"' || c === '\\' || c === '<' || c === '>' || c === '&' || c === "'" ? undefined : c;
}

/** `text` with its escapes of printable ASCII decoded (the same string when it has none). */
export function decodeAsciiEscapes(text: string): string {
  if (!mayHoldAsciiEscape(text)) return text;
  return text.replace(escapeSequence, (whole, body: string) => decodedChar(body) ?? whole);
}

/**
 * `text` decoded as by {@link decodeAsciiEscapes}, with where each decoded character came from:
 * `from[i]` is the index in `text` of decoded character `i` (an escape's backslash), and
 * `from[decoded.length]` is `text.length` — so a range `[s, e)` of the decoded text covers
 * `[from[s], from[e])` of `text`, whole escapes included.
 */
export function decodeAsciiEscapesMapped(text: string): { readonly decoded: string; readonly from: readonly number[] } {
  let decoded = '';
  const from: number[] = [];
  let at = 0;
  const copyUntil = (end: number): void => {
    decoded += text.slice(at, end);
    for (; at < end; at++) from.push(at);
  };
  escapeSequence.lastIndex = 0;
  for (let m = escapeSequence.exec(text); m !== null; m = escapeSequence.exec(text)) {
    const c = decodedChar(m[1] as string);
    if (c === undefined) continue;
    copyUntil(m.index);
    from.push(m.index);
    decoded += c;
    at = m.index + m[0].length;
  }
  copyUntil(text.length);
  from.push(text.length);
  return { decoded, from };
}

/**
 * `redact` applied to `text` as written and as decoded. A text without escapes to decode, or with
 * nothing to redact either way, is returned as `redact` returns it (a body with escapes and no
 * secret keeps its exact bytes). Otherwise the result is the decoded text, redacted — with what
 * only the written form showed (a secret right after an escape) redacted first — so a body that
 * held a secret is stored the same whichever part of it was found first.
 */
export function redactDecoded(text: string, redact: (s: string) => string): string {
  const out = redact(text);
  if (!mayHoldAsciiEscape(text)) return out;
  const plain = decodeAsciiEscapes(text);
  if (plain === text || (out === text && redact(plain) === plain)) return out;
  return redact(decodeAsciiEscapes(out));
}

/** Whether `text` may hold JSON text in a string that has escapes of its own (`\"p\\u0061ssword\"`): a gate, as above. */
export function mayHoldNestedAsciiEscape(text: string): boolean {
  return text.includes('\\\\u00') || text.includes('\\\\/');
}
