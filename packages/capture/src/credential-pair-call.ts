import { type Span, skipBlanks } from './secret-value-spans.js';

/**
 * A user and a password given by position to a call or a tuple named for logging in:
 * `HTTPBasicAuth('bob', '…')`, `requests.get(url, auth=("bob", "…"))`, `smtp.login("me@x.com", "…")`,
 * `NetworkCredential("bob", "…")`, `client.authenticate('bob', '…')` — two string literals, the
 * second the password. The name before the bracket decides (its last word: `auth`, `login`,
 * `credential(s)`, `authenticate`, `sign in`); `print("a", "b")` or `auth=("bearer",)` are not one.
 * Quotes may be escaped (the call inside a JSON string, `(\"bob\", \"…\")`). Only the brackets a
 * login word stands before are read ({@link loginBrackets}); `everyBracket` reads them all, and finds
 * the same.
 */
export function credentialPairCalls(text: string, everyBracket = false): Span[] {
  let out: Span[] | undefined;
  let after = -1;
  for (const open of everyBracket ? brackets(text) : loginBrackets(text)) {
    // A bracket inside the literals already taken is not read again.
    if (open <= after) continue;
    const first = literalAt(text, skipBlanks(text, open + 1));
    if (first === undefined) continue;
    let comma = skipBlanks(text, first.next);
    if (text.charAt(comma) !== ',') continue;
    const second = literalAt(text, skipBlanks(text, comma + 1));
    if (second === undefined) continue;
    comma = skipBlanks(text, second.next);
    if (text.charAt(comma) !== ')' && text.charAt(comma) !== ',') continue;
    if (second.span[1] - second.span[0] < minPassword || !loginName(text, open)) continue;
    out ??= [];
    out.push(second.span);
    after = second.next;
  }
  return out ?? none;
}

/**
 * The brackets a login name stands before (`login(`, `HTTPBasicAuth (`, `auth = (`), left to right:
 * the only ones {@link credentialPairCalls} reads (by default), so text and JSON with brackets and
 * no such name (most of it) have no literal read. A native search for each bracket, then the last
 * letter of the name before it (a login word ends in `h`, `n`, `l`, `s` or `e`), then the name.
 */
export function loginBrackets(text: string): number[] {
  const out: number[] = [];
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const last = text.charCodeAt(nameEnd(text, open) - 1) | 0x20;
    if (loginWordEnds.includes(last) && loginName(text, open)) out.push(open);
  }
  return out;
}

/** The last letters of the login words, lower case. */
const loginWordEnds = [...'hnlse'].map((c) => c.charCodeAt(0));

/** Every bracket of `text`, left to right. */
function brackets(text: string): number[] {
  const out: number[] = [];
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) out.push(open);
  return out;
}

const none: Span[] = [];
const minPassword = 4;
const maxLiteral = 256;

/** `'…'` or `"…"` (each quote possibly escaped, `\"`) from `at`: its content and where it ends. */
function literalAt(text: string, at: number): { span: Span; next: number } | undefined {
  const escaped = text.charAt(at) === '\\';
  const quote = text.charAt(escaped ? at + 1 : at);
  if (quote !== '"' && quote !== "'") return undefined;
  const close = escaped ? `\\${quote}` : quote;
  const from = at + close.length;
  const to = text.indexOf(close, from);
  if (to === -1 || to - from > maxLiteral || text.slice(from, to).includes('\n')) return undefined;
  return { span: [from, to], next: to + close.length };
}

/** Where the name before the bracket at `open` ends: back over blanks and the `=` of a keyword argument (`auth = (`). */
function nameEnd(text: string, open: number): number {
  let end = open;
  while (end > 0 && ' \t'.includes(text.charAt(end - 1))) end--;
  if (text.charAt(end - 1) === '=') {
    end--;
    while (end > 0 && ' \t'.includes(text.charAt(end - 1))) end--;
  }
  return end;
}

/** Whether the name before the bracket at `open` (a callee, or `auth =` of a keyword argument) ends in a word of logging in. */
function loginName(text: string, open: number): boolean {
  const end = nameEnd(text, open);
  let start = end;
  while (start > 0 && /[\w$]/.test(text.charAt(start - 1))) start--;
  return loginWord.test(text.slice(start, end));
}

/** The name's last word (snake_case or camelCase): `auth`, `login`, `credential(s)`, `authenticate`, `signin`. */
const loginWord =
  /(?:^|_|[a-z\d])(?:auth|Auth|AUTH|login|Login|LOGIN|credentials?|Credentials?|authenticate|Authenticate|sign_?in|signIn|SignIn)$/;
