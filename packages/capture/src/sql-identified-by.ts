import { lineStartAt, type Span } from './secret-value-spans.js';

/**
 * SQL's `IDENTIFIED BY '…'` (MySQL, MariaDB, Oracle: `CREATE USER`, `ALTER USER`, `GRANT`), also
 * `IDENTIFIED WITH plugin BY '…'` and Oracle's unquoted `IDENTIFIED BY word`: the password's range.
 * Found from a native search for `IDENTIFIED` in either case; a hash given `AS '…'` is left.
 */
export function identifiedByPasswords(text: string): Span[] {
  let out: Span[] | undefined;
  for (const word of ['IDENTIFIED', 'identified'])
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      identifiedBy.lastIndex = at + word.length;
      const m = identifiedBy.exec(text);
      if (m === null) continue;
      const value = m[2] ?? m[3] ?? '';
      if (value.length === 0 || value.startsWith('[redacted:')) continue;
      // A bare word only in a statement on a user or role (`identified by a reference` is prose).
      if (m[2] === undefined && !userStatement.test(text.slice(statementStart(text, at), at))) continue;
      const end = m.index + m[0].length - (m[2] === undefined ? 0 : (m[1]?.length ?? 0));
      out ??= [];
      out.push([end - value.length, end]);
    }
  return out ?? none;
}

const none: Span[] = [];

/** Where the line holding `at` starts (a JSON `\n` escape ends a line too), at most {@link maxStatement} back. */
function statementStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < maxStatement && !lineStartAt(text, i)) i--;
  return i;
}
const maxStatement = 200;
const userStatement = /\b(?:USER|ROLE|LOGIN|GRANT)\b/i;
/**
 * After `IDENTIFIED`: an optional `WITH plugin`, `BY`, then a quoted literal (`'…'`, `"…"`, `\"…\"`)
 * or a bare word to a blank, `;`, `,` or `)` (a password with a symbol is one word: `Pw!4k2`).
 */
const identifiedBy = /[ \t]+(?:WITH[ \t]+\w+[ \t]+)?BY[ \t]+(?:(\\?['"])([^'"\\\r\n]{1,256})\1|([A-Za-z][^\s;,)'"\\]{0,127}))/iy;
