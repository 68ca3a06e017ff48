import { accessPath } from './link-tokens.js';
import { pairableName, pairedSecretParameters, parameterNames } from './paired-parameters.js';
import { decodePercentDeep, mayHoldPercentEscape } from './percent-escapes.js';
import { randomShortToken } from './random-short-token.js';
import { unlabelledTokens } from './unlabelled-token.js';

/** The unlabelled-token rule takes no token of fewer letters and digits: shorter parts are not read. */
const shortestToken = 24;

/** The shortest value of a paired parameter taken (`code=` beside `state=`): a shorter one is a status or a page. */
const minPairedValue = 6;

/** Where a URL written in text ends: a blank or control character, a quote, an angle bracket or a backslash (a JSON escape). */
function endsUrl(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 92;
}

/**
 * Where a part ends: in the path `/`, `?`, `#`, `&` and `;`; in the query or the fragment only `&`,
 * `;` and `#` (a `/` or `?` there is data: a base64 token's `/`, a callback URL's path).
 */
function endsPart(c: number, inQuery: boolean): boolean {
  return c === 35 || c === 38 || c === 59 || (!inQuery && (c === 47 || c === 63));
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
  // Every `://` starts a URL, one inside another too (a login link's `next=https://…`, read decoded):
  // the inner URL's query tokens are otherwise only part of the outer one's value.
  for (let scheme = text.indexOf('://'); scheme !== -1; scheme = text.indexOf('://', scheme + 3)) {
    let end = scheme + 3;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    // The host is no token place: parts start after the first `/`, `?` or `#` past it.
    let at = scheme + 3;
    while (at < end && !endsPart(text.charCodeAt(at), false)) at++;
    let inQuery = false;
    const pathStart = at;
    /** Names secret in this URL's company (`code` beside `state`), read once its query is reached. */
    let paired: ReadonlySet<string> | undefined;
    while (at < end) {
      if (text.charCodeAt(at) !== 47) inQuery = true;
      let partEnd = at + 1;
      while (partEnd < end && !endsPart(text.charCodeAt(partEnd), inQuery)) partEnd++;
      // A path segment is read whole; a query parameter from past its `=`.
      let from = at + 1;
      let named = false;
      let pairedName = false;
      if (inQuery) {
        const eq = text.indexOf('=', from);
        if (eq !== -1 && eq < partEnd) {
          // Only a name that can pair (`code`, `pass`…) has the query's other names read.
          const name = text.slice(at + 1, eq);
          if (pairableName(name)) {
            paired ??= pairedSecretParameters(parameterNames(text.slice(at + 1, end).split('#')[0] ?? ''));
            pairedName = paired.has(name);
          }
          from = eq + 1;
          named = true;
        }
      }
      if (pairedName && partEnd - from >= minPairedValue) found.push([from, partEnd]);
      else if (partEnd - from >= shortestToken)
        for (const [s, e] of partTokens(text.slice(from, partEnd))) found.push([from + s, from + e]);
      // Shorter: a random token in an access link (`/reset/Kq8Zx2Vb7N`, after a segment that makes
      // the link a credential: `link-tokens.ts`), or a query with no name at all. The shape is asked
      // first: most parts (words, numbers) fail it at once, and the path is read only then.
      else if (
        partEnd - from >= 8 &&
        randomShortToken(text.slice(from, partEnd)) &&
        ((inQuery && !named) || accessPath(text.slice(pathStart, at)))
      )
        found.push([from, partEnd]);
      at = partEnd;
    }
  }
  return found.length < 2 ? found : leftToRight(found);
}

/**
 * The tokens of one part, read as written and, when it holds escapes (`%2B`, `%2F`, `%3D`: a base64
 * token's `+`, `/`, `=`), as decoded, each mapped back to the written part (escapes included).
 */
function partTokens(value: string): [number, number][] {
  const found = unlabelledTokens(value, [0, value.length]);
  if (found.length > 0 || !mayHoldPercentEscape(value)) return found;
  const { decoded, from } = decodePercentDeep(value);
  return unlabelledTokens(decoded, [0, decoded.length]).map(([s, e]) => [from[s] as number, from[e] as number]);
}

/** Ranges in order, a range overlapping one before it (the same token found in an outer and an inner URL) left out. */
function leftToRight(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]))
    if (out.length === 0 || r[0] >= (out[out.length - 1] as [number, number])[1]) out.push(r);
  return out;
}
