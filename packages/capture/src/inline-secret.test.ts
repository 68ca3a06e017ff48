import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'inline-secret-key-0123456789abcdef');
const body = (s: string, type = 'text/plain') => redactor.forExchange().body(s, type);
const message = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }] });

// Open from the last trust pass: `pw: …`, `password - x` and a password of letters only inside a
// sentence were stored in clear.
describe('a password stated inside a sentence', () => {
  it('`pw` as a name, a dash as the separator, a password of letters only', () => {
    const cases: [string, string][] = [
      ['my login pw: Zq9-pwcolon-77 thanks', 'Zq9-pwcolon-77'],
      ['the pw is Kk88pwIs', 'Kk88pwIs'],
      ['db_pw=Qq77pweq', 'Qq77pweq'],
      ['password - Xy8pwdashval', 'Xy8pwdashval'],
      ['my wifi password – Xy8pwendash please', 'Xy8pwendash'],
      ['pw - Ab12cdEF', 'Ab12cdEF'],
      ['Hi, my password is hunterbluesky and I cannot log in', 'hunterbluesky'],
      ['the password: hunterbluesky please', 'hunterbluesky'],
      ['my password was sunshine.', 'sunshine'],
      ['The new passphrase is correcthorsebattery, ok?', 'correcthorsebattery'],
      ['password - letmein', 'letmein'],
    ];
    for (const [content, secret] of cases) {
      expect(body(content), content).not.toContain(secret);
      const json = body(message(content), 'application/json');
      expect(json, content).not.toContain(secret);
      expect(() => JSON.parse(json)).not.toThrow();
    }
    expect(body(JSON.stringify({ pw: 'Zq9PwMember' }), 'application/json')).not.toContain('Zq9PwMember');
  });

  it('leaves prose about a password alone', () => {
    const kept = [
      'The password is required.',
      'Your password is incorrect, please try again.',
      'Your password is too short; passwords must be 12 characters.',
      'Reset your password: see the link below',
      'The password was changed yesterday.',
      'password - required',
      'My password is not working',
      'The password is being reset by support',
      'Your password is stored encrypted.',
      'the upward pw trend',
    ];
    for (const text of kept) {
      expect(body(text), text).toBe(text);
      expect(body(message(text), 'application/json'), text).toBe(message(text));
    }
  });
});
