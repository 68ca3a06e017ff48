import { credentialLike } from './inline-secret.js';
import { redacted, type Span } from './secret-value-spans.js';
import { secretWordHits } from './secret-words.js';

/**
 * A user and a password written as one pair after a word that says they are credentials:
 * `creds: admin / …`, `credentials: admin/…`, `login admin:…`, `user/pass: admin / …`,
 * `Username/Password: admin/…` (trust audit 8 left them stored). The pair is a name, a slash
 * (blanks around it or not) or a colon, then the password, which must read as a credential
 * (`credentialLike`, and a letter in it): `login: 2024-12-03 / 10:00`, `login host:8080` and
 * `credentials: see the vault / ask ops` are not pairs.
 */
export function labelledUserPasswords(text: string): Span[] {
  const starts = labelStarts(text);
  if (starts.length === 0) return none;
  let out: Span[] | undefined;
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    // A word of its own: no letter, digit, `/` or `-` before it (a JSON escape's letter, `\nlogin`, is none).
    const before = text.charAt(start - 1);
    if (wordChar.test(before) && !('nrt'.includes(before) && text.charAt(start - 2) === '\\')) continue;
    label.lastIndex = start;
    if (!label.test(text)) continue;
    pair.lastIndex = label.lastIndex;
    const p = pair.exec(text);
    if (p === null) continue;
    const value = p[1] ?? '';
    const end = pair.lastIndex;
    if (!credentialLike(value) || !letter.test(value) || redacted(value) || notPassword.test(value)) continue;
    out ??= [];
    out.push([end - value.length, end]);
    from = end;
  }
  return out ?? none;
}

/**
 * Where a label may start, in order: at the text's secret words (found once per text, shared with
 * the other rules: `secretWordHits`) that are `cred…`, or a `pass` after `user/`, and at each
 * `login`. Most bodies hold none, and no regex is run over them.
 */
function labelStarts(text: string): number[] {
  const starts: number[] = [];
  const words = secretWordHits(text);
  for (let i = 0; i < words.length; i += 2) {
    const at = words[i] as number;
    const c = text.charCodeAt(at) | 32;
    if (c === 99 /* c */) starts.push(at);
    else if (c === 112 /* p */ && (text.charAt(at - 1) === '/' || text.charAt(at - 2) === '/')) {
      const m = userBefore.exec(text.slice(Math.max(0, at - 14), at));
      if (m !== null) starts.push(at - m[0].length);
    }
  }
  // `login` is no secret word (it stands in much text about signing in): one native search, for `Login` too.
  const before = starts.length;
  for (let at = text.indexOf('ogin'); at !== -1; at = text.indexOf('ogin', at + 4)) if (at > 0) starts.push(at - 1);
  return before === 0 || before === starts.length ? starts : starts.sort((a, b) => a - b);
}

const none: Span[] = [];
/** `user/`, `Username / `: what stands before a `pass` of a `user/pass` label. */
const userBefore = /user(?:name)?[ \t]*\/[ \t]*$/i;
const wordChar = /[\w/-]/;
const letter = /\p{L}/u;
/** The label at a start: `creds`, `credentials`, `login`, `user/pass`, `username/password`; then a colon or blanks. */
const label = /(?:creds?|credentials|login|user(?:name)?[ \t]*\/[ \t]*pass(?:word)?)(?:[ \t]*[:=][ \t]*|[ \t]+)/iy;
/** The user (a name, an email) and the separator: a slash (blanks around it or not) or a colon; then the password to a blank, quote or bracket. */
const pair = /[\w.@+-]{1,64}(?:[ \t]*\/[ \t]*|:)([^\s"'`\\()[\]{}<>,;|]{1,128}?)(?=[.!?]?(?:[\s"'`\\()[\]{}<>,;|]|$))/y;
/** Not a password: a path, a URL's rest, a port or a template. */
const notPassword = /^(?:\/|~|\$|\{|%|\d+$)/;
