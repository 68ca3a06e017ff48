import { credentialLike } from './inline-secret.js';
import { redacted, type Span } from './secret-value-spans.js';
import { secretWordHits } from './secret-words.js';

/**
 * A user and a password written as one pair after a word that says they are credentials:
 * `creds: admin / …`, `credentials: admin/…`, `login admin:…`, `user/pass: admin / …`,
 * `Username/Password: admin/…` (trust audit 8 left them stored), the label's words shortened
 * (`u/p: admin / …`, `usr/pwd: …`) or a verb of signing in with how (`log in with admin / …`,
 * `sign in as bob:…`, `log on to grafana using ops/…`: trust audit 10). The pair is a name, a slash
 * (blanks around it or not) or a colon, then the password, which must read as a credential
 * (`credentialLike`, and a letter in it; after a verb also something not a letter, since `Sign in
 * with Google/GitHub` names two providers): `login: 2024-12-03 / 10:00`, `login host:8080` and
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
    const l = label.exec(text);
    if (l === null) continue;
    pair.lastIndex = label.lastIndex;
    const p = pair.exec(text);
    if (p === null) continue;
    const value = p[1] ?? '';
    const end = pair.lastIndex;
    if (!credentialLike(value) || !letter.test(value) || redacted(value) || notPassword.test(value)) continue;
    if (l[1] !== undefined && !notLetter.test(value)) continue;
    out ??= [];
    out.push([end - value.length, end]);
    from = end;
  }
  return out ?? none;
}

/**
 * Where a label may start, in order: at the text's secret words (found once per text, shared with
 * the other rules: `secretWordHits`) that are `cred…`, or a `pass` / `pw` after `user/`, `usr/`,
 * `u/`; at each `log` and `sig` (`login`, `log in`, `sign-in`, `log on`; the label decides); and at
 * each `u/p`, whose `p` is no secret word (the slashes, one native search). Most bodies hold none,
 * and no regex is run over them.
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
  // `login` is no secret word (it stands in much text about signing in), nor are the verbs: each
  // found by its `g` after `lo` or `si` (`Login`, `Sign-in` too), one native search.
  for (let at = text.indexOf('g'); at !== -1; at = text.indexOf('g', at + 1)) {
    // The two letters before it, lower case: `lo` (108, 111) or `si` (115, 105).
    const two = ((text.charCodeAt(at - 2) | 32) << 8) | (text.charCodeAt(at - 1) | 32);
    if (two === logStart || two === signStart) starts.push(at - 2);
  }
  for (let at = text.indexOf('/'); at !== -1; at = text.indexOf('/', at + 1)) {
    const u = text.charAt(at - 1) === ' ' ? at - 2 : at - 1;
    if ((text.charCodeAt(u) | 32) === 117 /* u */) starts.push(u);
  }
  return starts.length > 1 ? starts.sort((a, b) => a - b) : starts;
}

const none: Span[] = [];
const logStart = (108 << 8) | 111;
const signStart = (115 << 8) | 105;
/** `user/`, `Username / `: what stands before a `pass` of a `user/pass` label. */
const userBefore = /(?:user(?:name)?|usr|u)[ \t]*\/[ \t]*$/i;
const wordChar = /[\w/-]/;
const letter = /\p{L}/u;
const notLetter = /[^\p{L}]/u;
/**
 * The label at a start: `creds`, `credentials`, `login`, `user/pass`, `username/password`, `u/p`,
 * `usr/pwd`; or a verb of signing in (`log in`, `sign-in`, `logon`; group 1), what it is to (`to
 * grafana`) and how (`with`, `as`, `using`, `via`); then a colon or blanks.
 */
const label =
  /(?:creds?|credentials|login(?![ \t]+(?:with|as|using|via|to|into)\b)|(?:u|usr|user(?:name)?)[ \t]*\/[ \t]*(?:p|pwd?|pass(?:word)?)(?![a-z])|((?:log|sign)[ \t-]?(?:in|on)(?:[ \t]+(?:to|into|on|at)[ \t]+[\w.-]{1,64})?[ \t]+(?:with|as|using|via)))(?:[ \t]*[:=][ \t]*|[ \t]+)/iy;
/** The user (a name, an email) and the separator: a slash (blanks around it or not) or a colon; then the password to a blank, quote or bracket. */
const pair = /[\w.@+-]{1,64}(?:[ \t]*\/[ \t]*|:)([^\s"'`\\()[\]{}<>,;|]{1,128}?)(?=[.!?]?(?:[\s"'`\\()[\]{}<>,;|]|$))/y;
/** Not a password: a path, a URL's rest, a port or a template. */
const notPassword = /^(?:\/|~|\$|\{|%|\d+$)/;
