import { lineEnd, mayHoldOption, pastWord, skipSpace, valueAt } from './command-line-password.js';
import type { Span } from './secret-value-spans.js';

/**
 * Programs whose own option takes a password, besides those `command-line-password.ts` knows:
 * `ssh-keygen -N new -P old`, `keytool` / `jarsigner -storepass -keypass …`, the OpenLDAP clients'
 * `-w` (and `ldappasswd -s new`), `ipmitool -P`, the SQL Server and Sybase tools' `-P`, `psexec -p`, `unrar` /
 * `rar -pX` (attached only: a bare `-p` prompts), the Net-SNMP tools' `-A` / `-X` pass phrases, and
 * `lftp -u user,password`, Cassandra's `cqlsh -p`, `rdesktop -p`, `az login -p`, Sybase's `isql -P` and
 * InfluxDB 1's `influx -password` (trust audit 4). Elsewhere these letters are other things (`ldapsearch -s sub` is a scope,
 * `ssh -p` a port), so each is read only after its program's name.
 */
const program =
  /(?:(?<=\\[nt])|(?<![\w./-]))(?:(ssh-keygen)|(keytool|jarsigner)|(ldappasswd)|(ldap(?:search|add|modify|delete|compare|modrdn|whoami|exop))|(ipmitool|sqlcmd|bcp|osql|isql)|(psexec|paexec)|(unrar|rar)|(snmp(?:walk|get|set|bulkwalk|bulkget|getnext|table|trap|inform|status|df|netstat|delta|test|usm|vacm)?)|(lftp)|(cqlsh|rdesktop|az[ \t]+login)|(influx))(?:\.exe)?(?![\w-])/gi;

/** Each group of `program`: its options, whether only the attached form counts, and a value written `user,password`. */
const groups: readonly { readonly flags: readonly string[]; readonly attachedOnly?: boolean; readonly form?: 'user,password' }[] = [
  { flags: ['-N', '-P'] },
  { flags: ['-storepass', '-keypass', '-srcstorepass', '-deststorepass', '-srckeypass', '-destkeypass', '-new'] },
  { flags: ['-w', '-s'] },
  { flags: ['-w'] },
  { flags: ['-P'] },
  { flags: ['-p'] },
  { flags: ['-p'], attachedOnly: true },
  { flags: ['-A', '-X'] },
  { flags: ['-u'], form: 'user,password' },
  { flags: ['-p'] },
  { flags: ['-password'] },
];

/** Passwords given to the programs above by their options. */
export function programOptionPasswords(text: string): Span[] {
  const out: Span[] = [];
  if (!mayHoldOption(text)) return out;
  program.lastIndex = 0;
  for (let m = program.exec(text); m !== null; m = program.exec(text)) {
    const end = lineEnd(text, m.index + m[0].length);
    const group = groups[m.slice(1).findIndex((g) => g !== undefined)];
    if (group !== undefined) optionValues(text, skipSpace(text, m.index + m[0].length, end), end, group, out);
    program.lastIndex = end;
  }
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

function optionValues(text: string, from: number, end: number, group: (typeof groups)[number], out: Span[]): void {
  for (let at = from; at < end; at = skipSpace(text, pastWord(text, at, end), end)) {
    const flag = group.flags.find((f) => text.startsWith(f, at) && (f.length === 2 || ' \t'.includes(text.charAt(at + f.length))));
    if (flag === undefined) continue;
    const after = at + flag.length;
    const attached = after < end && text.charAt(after) !== ' ' && text.charAt(after) !== '\t';
    if (group.attachedOnly === true && !attached) continue;
    const value = attached ? valueAt(text, after, end) : valueAt(text, skipSpace(text, after, end), end);
    if (value === undefined) continue;
    if (group.form === 'user,password') {
      const comma = text.indexOf(',', value[0]);
      if (comma !== -1 && comma < value[1] - 1) out.push([comma + 1, value[1]]);
    } else out.push(value);
  }
}
