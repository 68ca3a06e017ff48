import { shellWord } from './command-line-password.js';
import { redacted, type Span } from './secret-value-spans.js';

/**
 * DB2's (and Informix's) `CONNECT TO db USER name USING PW` and `ATTACH TO node USER name USING
 * PW`, in any letter case, as a word of its own (after a JSON `\n` / `\t` too), and the new password
 * after `NEW` / `CONFIRM`. A native scan of one literal-led regex (`using` alone is common prose);
 * a look-behind at its start would be tried at every position, so the word's start is checked after.
 */
const usingClause = /(?:connect|attach)[ \t]+to[ \t]+[\w.$#@:-]+[ \t]+user[ \t]+[^\s"'`;\\]+[ \t]+using[ \t]+/gi;

/** `NEW PW CONFIRM PW` after the password: a change of password at the connection. */
const newPassword = /^[ \t]+(?:new|confirm)[ \t]+/i;

/** The passwords of DB2's `CONNECT … USER … USING PW [NEW PW CONFIRM PW]`. */
export function connectUsingPasswords(text: string): Span[] {
  const out: Span[] = [];
  usingClause.lastIndex = 0;
  for (let m = usingClause.exec(text); m !== null; m = usingClause.exec(text)) {
    let from = m.index + m[0].length;
    if (!wordStart(text, m.index)) continue;
    for (let n = 0; n < 3; n++) {
      const value = shellWord(text, from, text.length);
      if (value === undefined) break;
      // `… USING PW;` ends an SQL statement: the `;` is no part of the password.
      const end = text.charAt(value[1] - 1) === ';' ? value[1] - 1 : value[1];
      if (end > value[0] && !redacted(text.slice(value[0], end))) out.push([value[0], end]);
      const close = text.startsWith('\\"', value[1]) ? 2 : `"'`.includes(text.charAt(value[1])) && value[1] < text.length ? 1 : 0;
      const next = newPassword.exec(text.slice(value[1] + close, value[1] + close + 16));
      if (next === null) break;
      from = value[1] + close + next[0].length;
    }
    usingClause.lastIndex = from;
  }
  return out;
}

/** `connect` is a word of its own: at the text's start, after a JSON `\n` / `\t`, or after no word character or dash. */
function wordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if ('nrt'.includes(before) && text.charAt(at - 2) === '\\') return true;
  return !/[\w-]/.test(before);
}
