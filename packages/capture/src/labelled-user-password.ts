import { credentialLike } from './inline-secret.js';
import { redacted, type Span } from './secret-value-spans.js';

/**
 * A user and a password written as one pair after a word that says they are credentials:
 * `creds: admin / …`, `credentials: admin/…`, `login admin:…`, `user/pass: admin / …`,
 * `Username/Password: admin/…` (trust audit 8 left them stored). The pair is a name, a slash
 * (blanks around it or not) or a colon, then the password, which must read as a credential
 * (`credentialLike`, and a letter in it): `login: 2024-12-03 / 10:00`, `login host:8080` and
 * `credentials: see the vault / ask ops` are not pairs.
 */
export function labelledUserPasswords(text: string): Span[] {
  let out: Span[] | undefined;
  label.lastIndex = 0;
  for (let m = label.exec(text); m !== null; m = label.exec(text)) {
    pair.lastIndex = m.index + m[0].length;
    const p = pair.exec(text);
    if (p === null) continue;
    const value = p[1] ?? '';
    const end = pair.lastIndex;
    if (!credentialLike(value) || !/\p{L}/u.test(value) || redacted(value) || notPassword.test(value)) continue;
    out ??= [];
    out.push([end - value.length, end]);
    label.lastIndex = end;
  }
  return out ?? none;
}

const none: Span[] = [];
/** The label, as a word (a JSON escape's letter before it is no letter): `creds`, `credentials`, `login`, `log in`, `user/pass`, `username/password`, `u/p`; then a colon or blanks. */
const label = /(?:(?<=\\[nrt])|(?<![\w/-]))(?:creds?|credentials|log ?in|user(?:name)?[ \t]*\/[ \t]*pass(?:word)?|u\/p)(?:[ \t]*[:=][ \t]*|[ \t]+)/gi;
/** The user (a name, an email) and the separator: a slash (blanks around it or not) or a colon; then the password to a blank, quote or bracket. */
const pair = /[\w.@+-]{1,64}(?:[ \t]*\/[ \t]*|:)([^\s"'`\\()[\]{}<>,;|]{1,128}?)(?=[.!?]?(?:[\s"'`\\()[\]{}<>,;|]|$))/y;
/** Not a password: a path, a URL's rest, a port or a template. */
const notPassword = /^(?:\/|~|\$|\{|%|\d+$)/;
