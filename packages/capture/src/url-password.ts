import { redacted } from './secret-value-spans.js';

/** The longest user name and password read in a URL's userinfo. */
const maxUser = 128;
const maxPassword = 256;

/** Characters that end a URL's authority (RFC 3986 §3.2), or the text a URL stands in. */
const authorityEnd = new Set([...'/?#"\'\\<> \t\r\n']);

/** A password shown as hidden already: a placeholder, or the word a URL for a log or the API puts there (`urlForLog`, a version's upstream). */
function hiddenAlready(password: string): boolean {
  return redacted(password) || password === 'redacted' || password === 'hidden';
}

/**
 * `scheme://user:password@host` (RFC 3986 §3.2.1; the user may be empty, as Redis writes it, and
 * the password may hold `$`, `!`, `%XX`): the password's range. A scan from each `://`, not a
 * regex: URLs are in many bodies, and a regex with a scheme before `://` would be tried at
 * every position.
 */
export function urlPasswords(text: string): [number, number][] {
  const out: [number, number][] = [];
  // A password is taken only at an `@`: the next one after each `://` (one native search, and most
  // texts' URLs have none: then no authority is read character by character).
  let sign = text.indexOf('@');
  for (let at = sign === -1 ? -1 : text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    if (sign < at + 3) sign = text.indexOf('@', at + 3);
    if (sign === -1) break;
    const limit = Math.min(text.length, at + 3 + maxUser + 1 + maxPassword);
    if (sign >= limit || !/[A-Za-z0-9+.-]/.test(text.charAt(at - 1))) continue;
    let colon = -1;
    for (let i = at + 3; i < limit; i++) {
      const c = text.charAt(i);
      if (c === '\\' && colon === -1 && domainUserSeparator(text, i)) continue;
      if (authorityEnd.has(c)) break;
      if (c === ':' && colon === -1) {
        if (i - at - 3 > maxUser) break;
        colon = i;
      } else if (c === '@') {
        if (colon !== -1 && i > colon + 1 && /[A-Za-z0-9[]/.test(text.charAt(i + 1)) && !hiddenAlready(text.slice(colon + 1, i)))
          out.push([colon + 1, i]);
        break;
      }
    }
  }
  return out;
}

/**
 * Whether the backslash at `i` is part of a Windows `DOMAIN\user` (a proxy's `http://corp\bob:…@`),
 * as written or JSON-escaped (`corp\\bob`): a letter or digit before it (or its escaped pair), a
 * letter after. A JSON escape's letter (`\n`, `\t`, `\u`) after a single backslash is no user's.
 */
export function domainUserSeparator(text: string, i: number): boolean {
  const before = text.charAt(i - 1);
  const after = text.charAt(i + 1);
  if (after === '\\') return alnum.test(before) && letter.test(text.charAt(i + 2));
  if (before === '\\') return alnum.test(text.charAt(i - 2)) && letter.test(after);
  return alnum.test(before) && letter.test(after) && !'nrtuf'.includes(after);
}

const alnum = /[A-Za-z0-9]/;
const letter = /[A-Za-z]/;

/** What ends a DSN's word, back from its `@`: a password may hold `#`, `?`, `/`, `@` itself (the driver splits at the last `@`). */
const dsnEnd = new Set([...'"\'`\\<> \t\r\n']);

/** The protocols of a Go MySQL driver's DSN address (`tcp(host:port)`, `unix(/path)`). */
const dsnProtocol = /^(?:tcp|tcp4|tcp6|udp|unix|unixgram|cloudsql)\(/;

/**
 * Go's MySQL DSN, `user:password@tcp(host:3306)/db` (go-sql-driver/mysql): the password's range.
 * A scan from each `@` (rare in prose and JSON), then back over the password to its `:` and a user.
 */
export function dsnPasswords(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (!dsnProtocol.test(text.slice(at + 1, at + 11))) continue;
    let colon = -1;
    let i = at - 1;
    for (; i >= 0 && at - i <= maxUser + maxPassword; i--) {
      const c = text.charAt(i);
      if (dsnEnd.has(c)) break;
      if (c === ':') colon = i;
    }
    // The first `:` after the user (a password may hold more), with a user before it.
    if (colon > i + 1 && colon < at - 1 && !hiddenAlready(text.slice(colon + 1, at))) out.push([colon + 1, at]);
  }
  return out;
}
