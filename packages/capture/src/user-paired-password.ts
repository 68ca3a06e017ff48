import { configLineValue, spacedAssignmentValue } from './config-line-secret.js';
import { quotedValue, type Span, skipBlanks } from './secret-value-spans.js';

/** How far from a short name its user may stand: a few lines of a config block, or an object's members. */
const reach = 240;
/** A user's name as a config line: `user:`, `username =`, `login:` first on a line (a JSON `\n` counts). */
const userLine = /(?:^|[\r\n]|\\[nr])[ \t]*(?:-[ \t]+)?(?:user(?:_?name)?|login|usr)[ \t]*[:=]/i;
/** A user's name as a JSON member (`"u":`, `\"user\":`): a member named as a user. */
const userMember = /\\?"(?:u|user(?:_?name)?|login|usr)\\?"\s*:/i;
/** A user's name as a JS object's member, unquoted, or shorthand (`{ user, pass: … }`): first in the object or after a comma. */
const codeUserMember = /(?:^|[,"'])[ \t]*(?:user(?:_?name)?|login|usr)[ \t]*[:,}]/im;

/**
 * `pass: …` / `pass = …` as a config line (YAML, INI) with a user's line beside it, within a few
 * lines: `pass` alone is a verb (`tests pass: 42`) or a ticket (`boarding pass: 12B`), a password
 * only under its user (trust audit 5 left `user: app` / `pass: …` stored). One word, no blank.
 */
export function userPairedPassValue(text: string, start: number, end: number, name: string): Span | undefined {
  if (name.length !== 4 || name.toLowerCase() !== 'pass') return undefined;
  // A JS object's member (`{ user, pass: "…" }`, `{ user: 'app', pass: '…' }`; trust audit 9): a literal beside its user.
  const member = text.charAt(end) === ':' ? quotedValue(text, skipBlanks(text, end + 1)) : undefined;
  if (member !== undefined) return sameObjectUser(text, start, member[1], codeUserMember) ? member : undefined;
  const value = configLineValue(text, start, end, name) ?? spacedAssignmentValue(text, start, end);
  if (value === undefined || /\s/.test(text.slice(value[0], value[1]))) return undefined;
  const around = text.slice(Math.max(0, start - reach), Math.min(text.length, value[1] + reach));
  return userLine.test(around) ? value : undefined;
}

/**
 * A JSON member named `p` or `pw` beside a member named as its user in the same object
 * (`"creds": {"u": "bob", "p": "…"}`, `{"user": "app", "p": "…"}`; also JSON inside a JSON string,
 * `\"p\": \"…\"`): the string value. A lone `"p"` (a paragraph, a probability) is data.
 */
export function userPairedMembers(text: string): Span[] {
  // `{"u":"b","p":"x"}` is the shortest pair: a stream's short texts (each delta's) are passed over at once.
  if (text.length < minPair) return none;
  let out: Span[] | undefined;
  // A search for the letter `p`, not for `"p`: in JSON every other character is a quote, each a
  // false start of a two-character search; `p` is rarer, and its neighbours decide at once.
  for (let p = text.indexOf('p'); p !== -1; p = text.indexOf('p', p + 1)) {
    if (text.charCodeAt(p - 1) !== 34) continue;
    const at = p - 1;
    const escaped = text.charCodeAt(at - 1) === 92;
    let close = p + 1;
    if (text.charAt(close) === 'w') close++;
    if (escaped ? !text.startsWith('\\"', close) : text.charAt(close) !== '"') continue;
    const colon = skipBlanks(text, close + (escaped ? 2 : 1));
    if (text.charAt(colon) !== ':') continue;
    const value = quotedValue(text, skipBlanks(text, colon + 1));
    // A value with a blank is a phrase, not a password.
    if (value === undefined || /\s/.test(text.slice(value[0], value[1])) || !sameObjectUser(text, at, value[1])) continue;
    out ??= [];
    out.push(value);
  }
  return out ?? none;
}

const none: Span[] = [];
const minPair = '{"u":"b","p":"x"}'.length;

/** Whether a user member stands in the object holding `[from, to)`: back to its `{` and on to its `}`, no nested object between. */
function sameObjectUser(text: string, from: number, to: number, user: RegExp = userMember): boolean {
  let open = from;
  while (open > 0 && from - open < reach && text.charAt(open - 1) !== '{' && text.charAt(open - 1) !== '}') open--;
  let close = to;
  while (close < text.length && close - to < reach && text.charAt(close) !== '}' && text.charAt(close) !== '{') close++;
  return user.test(text.slice(open, from)) || user.test(text.slice(to, close)) || (user !== userMember && sameObjectUser(text, from, to));
}
