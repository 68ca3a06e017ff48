import { unlabelledTokens } from './unlabelled-token.js';

/** The unlabelled-token rule takes no token of fewer letters and digits: shorter parts are not read. */
const shortestToken = 24;

/** Where a URL written in text ends: a blank or control character, a quote, an angle bracket or a backslash (a JSON escape). */
function endsUrl(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 92;
}

/** `/`, `?`, `#`, `&` and `;`: where a path segment or a query parameter ends. */
function endsPart(c: number): boolean {
  return c === 47 || c === 63 || c === 35 || c === 38 || c === 59;
}

/**
 * Random tokens standing as a whole path segment or a whole query value of a URL written in text
 * (`https://app.example.com/reset/<token>`, `…/cb?code=<token>&state=1`): each part is judged
 * alone by the unlabelled-token rule, as the exchange's own path segments and query values are,
 * so a link that carries its credential with no label is caught while an API path, a digest, a
 * UUID or a ULID in a URL is not (the rule leaves them). Ranges left to right, not overlapping.
 */
export function urlTokens(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let scheme = text.indexOf('://'); scheme !== -1; scheme = text.indexOf('://', scheme + 3)) {
    let end = scheme + 3;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    // The host is no token place: parts start after the first `/`, `?` or `#` past it.
    let at = scheme + 3;
    while (at < end && !endsPart(text.charCodeAt(at))) at++;
    while (at < end) {
      let partEnd = at + 1;
      while (partEnd < end && !endsPart(text.charCodeAt(partEnd))) partEnd++;
      // A path segment is read whole; a query parameter from past its `=`.
      let from = at + 1;
      if (text.charCodeAt(at) !== 47) {
        const eq = text.indexOf('=', from);
        if (eq !== -1 && eq < partEnd) from = eq + 1;
      }
      if (partEnd - from >= shortestToken) {
        const value = text.slice(from, partEnd);
        for (const [s, e] of unlabelledTokens(value, [0, value.length])) found.push([from + s, from + e]);
      }
      at = partEnd;
    }
    scheme = end - 3;
  }
  return found;
}
