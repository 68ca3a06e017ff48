import { credentialLike } from './inline-secret.js';
import { lineBreakAt, redacted, type Span } from './secret-value-spans.js';

/**
 * A value an error names only as what was tried: `login failed: tried '…' for user x`, `auth
 * failed, tried "…"`, `Password rejected (tried …)` (trust audit 9 left it stored). `tried`
 * counts only after a word of signing in or of a secret earlier on its line (`login`, `sign in`,
 * `auth`, `password`, `credentials`, `key`, `token`, `secret`), so `we tried 'npm ci'` is no
 * credential. The value is quoted (`'…'`, `"…"`, `` `…` ``, `\"…\"` in JSON-escaped text: anything
 * but its quote and a line break), or bare and shaped as a credential (`credentialLike`, a letter and
 * something else): `tried again`, `tried 3 times` name none.
 */
export function triedValues(text: string): Span[] {
  let out: Span[] | undefined;
  // `Tried` too: the search is for what follows the first letter.
  for (let at = text.indexOf('ried'); at !== -1; at = text.indexOf('ried', at + 4)) {
    const t = at - 1;
    if ((text.charCodeAt(t) | 32) !== 116 /* t */) continue;
    // A word of its own: no letter or digit before it (a JSON escape's letter, `\ntried`, is none).
    const before = text.charAt(t - 1);
    if (wordChar.test(before) && !('nrt'.includes(before) && text.charAt(t - 2) === '\\')) continue;
    value.lastIndex = at + 4;
    const m = value.exec(text);
    if (m === null) continue;
    const quoted = m[2];
    const v = quoted ?? m[3] ?? '';
    if (v === '' || redacted(v)) continue;
    if (quoted === undefined && !(credentialLike(v) && letter.test(v) && notLetter.test(v))) continue;
    if (!authBefore(text, t)) continue;
    const end = value.lastIndex - (quoted === undefined ? 0 : (m[1] ?? '').length);
    out ??= [];
    out.push([end - v.length, end]);
  }
  return out ?? none;
}

/** Whether a word of signing in or of a secret stands on the line before `at` (at most `reach` back). */
function authBefore(text: string, at: number): boolean {
  let from = at;
  while (
    from > 0 &&
    at - from < reach &&
    !lineBreakAt(text, from - 1) &&
    !(text.charAt(from - 1) === 'n' && text.charAt(from - 2) === '\\')
  )
    from--;
  return authWord.test(text.slice(from, at));
}

const none: Span[] = [];
const reach = 160;
const wordChar = /\w/;
const letter = /\p{L}/u;
const notLetter = /[^\p{L}]/u;
const authWord = /(?:log|sign)[ -]?(?:in|on)|auth|pass|pwd|credential|secret|token|key/i;
/**
 * After `tried`: `with` or `using`, a colon, then a quoted value (group 1 the quote, group 2 the
 * value) or a bare one (group 3) up to a blank, a quote, a bracket or a sentence's end.
 */
const value =
  /(?:[ \t]+(?:with|using))?[ \t]*:?[ \t]*(?:(\\?['"`])((?:(?!\1)[^\r\n\\]){1,128})\1|(?<![^ \t:])([^\s"'`\\()[\]{}<>,;|]{4,128}?)(?=[.!?]?(?:[\s"'`\\()[\]{}<>,;|]|$)))/y;
