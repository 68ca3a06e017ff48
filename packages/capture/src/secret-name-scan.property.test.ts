import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignPasswordLabels } from './foreign-secret-words.js';
import { isSecretName } from './header-policy.js';
import { hasEscapedSecretMember, rewriteEveryMember, rewriteSecretWordMembers } from './secret-members.js';

/**
 * The member scan looks for a name only where a secret word stands (or, in a name past ASCII, at
 * that name); `isSecretName` decides. The invariant: every name `isSecretName` accepts is one the
 * scan asks about — a JSON member with such a name is found in any body. Names are drawn from the
 * words of every rule (English, private data, other languages' terms), cut and joined as programs
 * write names, in any case, with what a fold makes equal: combining and precomposed marks (`ö`,
 * `e\u0301`), the Kelvin sign `K` (lowercase `k`), dotted `İ`.
 */
const words = fc.constantFrom(
  ...['key', 'token', 'secret', 'auth', 'password', 'passwd', 'pwd', 'pw', 'passphrase', 'passcode', 'credential', 'credentials'],
  ...['jwt', 'bearer', 'otp', 'totp', 'hotp', '2fa', 'mfa', 'pin', 'cvv', 'cvc', 'csc', 'iban', 'ssn', 'cookie', 'session', 'sig'],
  ...['signature', 'apikey', 'sessionid', 'card', 'number', 'num', 'no', 'cc', 'security', 'answer', 'verification', 'code'],
  ...['one', 'time', 'sms', 'login', 'access', 'recovery', 'pass', 'word', 'phrase', 'api', 'client', 'refresh', 'db', 'smtp'],
  ...['user', 'name', 'id', 'count', 'type', 'value', 'hash', 'seed', 'x', 'my', 'new', 'set', 'proxy', 'authorization'],
  ...['geheim', 'geheimnis', 'clave', 'chiave', 'schlüssel', 'sleutel', 'klucz', 'ключ', 'токен', 'jeton', 'segreto', 'sekret'],
  ...foreignPasswordLabels,
);

/** A word as a name may spell it: in upper or lower case, a mark added to a letter, the Kelvin sign or a dotted `İ` for a letter. */
const spelled = fc
  .tuple(words, fc.nat(), fc.constantFrom('as is', 'upper', 'title', 'mixed', 'mark', 'precomposed', 'kelvin', 'dotted'), fc.boolean())
  .map(([w, at, how, flip]) => {
    const i = w.length === 0 ? 0 : at % w.length;
    switch (how) {
      case 'upper':
        return w.toUpperCase();
      case 'title':
        return w.charAt(0).toUpperCase() + w.slice(1);
      case 'mixed':
        return [...w].map((c, j) => ((j + (flip ? 1 : 0)) % 2 === 0 ? c.toUpperCase() : c)).join('');
      case 'mark':
        return `${w.slice(0, i + 1)}${flip ? '\u0301' : '\u0308'}${w.slice(i + 1)}`;
      case 'precomposed':
        return `${w.slice(0, i + 1)}\u0308${w.slice(i + 1)}`.normalize('NFC');
      case 'kelvin':
        return w.replace(/k/gi, '\u212a');
      case 'dotted':
        return w.replace(/i/gi, '\u0130');
      default:
        return w;
    }
  });

const names = fc
  .tuple(fc.array(spelled, { minLength: 1, maxLength: 3 }), fc.constantFrom('_', '-', '.', ' ', '', 'camel'))
  .map(([parts, sep]) =>
    sep === 'camel' ? parts.map((p, j) => (j === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('') : parts.join(sep),
  );

const rewrite = (whole: string, name: string, value: string): string => (isSecretName(name) ? `"${name}":"R(${value.length})"` : whole);

describe('isSecretName and the member scan', () => {
  it('agree: a member whose name isSecretName accepts is found in a body, beside others and in JSON held in a string', () => {
    fc.assert(
      fc.property(names, names, fc.string({ maxLength: 8 }), (name, other, note) => {
        const body = JSON.stringify({ note, [other]: 1, [name]: 'Zq9vWx7Lm2', after: 'b\u00e9b\u00e9' });
        expect(rewriteSecretWordMembers(body, rewrite)).toBe(rewriteEveryMember(body, rewrite));
        // A tool call's arguments: the JSON is a string's content, its quotes escaped.
        const held = JSON.stringify({ arguments: JSON.stringify({ [name]: 'Zq9vWx7Lm2' }) });
        expect(hasEscapedSecretMember(held, isSecretName)).toBe(isSecretName(name));
      }),
      { numRuns: 5000 },
    );
  });
});
