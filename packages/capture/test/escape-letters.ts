/**
 * `json` with some ASCII letters and digits inside its strings (member names included) written as
 * `\uXXXX` escapes — valid JSON that parses to the same value, as a hand-written client, an
 * encoder with `ensure_ascii`-style options or someone hiding a key may send it. `pick(i)` says
 * whether the i-th such character is escaped.
 */
export function escapeLetters(json: string, pick: (i: number) => boolean): string {
  let out = '';
  let inString = false;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charAt(i);
    if (inString && c === '\\') {
      // An escape is copied whole: `\n`, or `\u0001` with its four hex digits.
      const length = json.charAt(i + 1) === 'u' ? 6 : 2;
      out += json.slice(i, i + length);
      i += length - 1;
      continue;
    }
    if (c === '"') inString = !inString;
    if (inString && /[A-Za-z0-9]/.test(c) && pick(n++)) out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}
