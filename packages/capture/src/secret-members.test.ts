import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignNameHints } from './foreign-secret-words.js';
import { isSecretName } from './header-policy.js';
import { privateDataHints } from './private-data-name.js';
import { rewriteEveryMember, rewriteSecretWordMembers } from './secret-members.js';
import { secretWord } from './secret-words.js';

const knownNames = fc.constantFrom(
  'api_key',
  'x-auth-token',
  'Password',
  'prompt_tokens',
  'monkey',
  'sessions',
  'key',
  'sig',
  'max_tokens',
  'note',
  'accessToken',
  'MFA',
  'bearer',
  '2fa_code',
);
const secretWords = fc.constantFrom('key', 'token', 'secret', 'auth', 'Token');
const wordNames = fc.oneof(
  knownNames,
  fc.tuple(fc.string({ maxLength: 6 }), secretWords, fc.string({ maxLength: 6 })).map((p) => p.join('')),
);
/** Names as a JSON body may hold them: any text, quotes, colons and backslashes included. */
const anyNames = fc.oneof(wordNames, fc.string({ maxLength: 12 }), fc.constantFrom(':', '"', '\\', '":"', 'a":{"b'));
/** Names (and strings, below) without the characters that make a scan of every member lose its place. */
const plainPart = fc.stringMatching(/^[A-Za-z0-9 _-]{0,6}$/);
const plainNames = fc.oneof(
  knownNames,
  fc.tuple(plainPart, secretWords, plainPart).map((p) => p.join('')),
  fc.stringMatching(/^[A-Za-z0-9 _-]{0,12}$/),
);
const anyStrings = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('say "token": "x"', '\\"api_key\\":', 'key', '{"secret":1}', ':'),
);
const plainStrings = fc.oneof(fc.stringMatching(/^[A-Za-z0-9 ,{}_-]{0,20}$/), fc.constantFrom('key', 'token'));
const scalar = (strings: fc.Arbitrary<string>) =>
  fc.oneof(strings, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const jsonWith = (names: fc.Arbitrary<string>, strings: fc.Arbitrary<string>) =>
  fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar(strings), tie('object'), fc.array(tie('value'), { maxLength: 4 })),
    object: fc.dictionary(names, tie('value'), { maxKeys: 6 }),
  })).object;

/** What the redactor's rewrite does: only secret-named members change. */
const rewrite = (whole: string, name: string, value: string): string => (isSecretName(name) ? `"${name}":"R(${value.length})"` : whole);

/** What the rewrite must give, from a parse: every secret-named string, number or boolean member replaced. */
function expected(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expected);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const scalarValue = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    const rewritten = scalarValue && isSecretName(JSON.stringify(name).slice(1, -1)) ? `R(${JSON.stringify(v).length})` : expected(v);
    // Defined, not assigned: a member named `__proto__` is data in JSON.
    Object.defineProperty(out, name, { value: rewritten, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe('secret-named JSON members', () => {
  it('the grouped secret-word scan finds exactly what the plain alternation of the words finds', () => {
    const foreign = foreignNameHints().filter(
      (h) => !/^(?:key|token|secret|pass|pw|auth|sig|cookie|credential|creds|jwt|bearer|mfa|2fa|session)/i.test(h),
    );
    const plain = new RegExp(
      `key|token|secret|pass|pwd|pw|auth|sig|cookie|credential|creds|jwt|bearer|mfa|2fa|session|${privateDataHints.join('|')}|${foreign.join('|')}`,
      'gi',
    );
    const words = fc.constantFrom(
      'key',
      'KEY',
      'Token',
      'secret',
      'pAss',
      'pwd',
      'pW',
      'auth',
      'sig',
      'Cookie',
      'credential',
      'SESSION',
      'se',
      'to',
      'co',
      'Kennwort',
      'contraseña',
      'SENHA',
      'пароль',
      '密码',
      'hasło',
      'geheim',
      'PIN',
      'cvv',
      'Bearer',
      'mfa',
      '2FA',
      'Iban',
      'otp',
      'securityAnswer',
      'card_number',
      'cardholder',
      'shipping',
      'pinCode',
      'ccNum',
      'ssn',
    );
    const texts = fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const matches = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    fc.assert(
      fc.property(texts, (text) => {
        expect(matches(secretWord, text)).toEqual(matches(plain, text));
      }),
      { numRuns: 5000 },
    );
  });

  it('are all found in any JSON body, whatever its names hold', () => {
    fc.assert(
      fc.property(jsonWith(anyNames, anyStrings), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(JSON.parse(rewriteSecretWordMembers(text, rewrite))).toEqual(expected(JSON.parse(text)));
      }),
      { numRuns: 3000 },
    );
  });

  // Matching every member loses its place on names or strings holding quotes or colons (and then
  // misses members the word search finds), so this comparison keeps to plain ones.
  it('are found by looking only where a secret word stands as by matching every member, in bodies cut anywhere', () => {
    fc.assert(
      fc.property(jsonWith(plainNames, plainStrings), fc.nat(), fc.boolean(), (value, cut, pretty) => {
        const whole = JSON.stringify(value, null, pretty ? 2 : undefined);
        for (const text of [whole, whole.slice(0, cut % (whole.length + 1))])
          expect(rewriteSecretWordMembers(text, rewrite)).toBe(rewriteEveryMember(text, rewrite));
      }),
      { numRuns: 3000 },
    );
  });

  // Names that are secret by `isSecretName` alone, holding none of key, token, secret…: the member scan
  // passed them over (trust audit 9: `{"MFA": …}` stored in clear; the property above found it now and then).
  it('rewrites members named bearer, mfa or 2fa, as a scan of every member does', () => {
    const text = '{"bearer":"eyJabc.def","MFA":"493021","user":{"2fa":"118822","mfaEnabled":true},"note":"bear"}';
    expect(rewriteSecretWordMembers(text, rewrite)).toBe(rewriteEveryMember(text, rewrite));
    expect(rewriteSecretWordMembers(text, rewrite)).toContain('"MFA":"R(8)"');
  });

  // Names the two disagreed on (CI, 2026-12-04: `{"JW_t": false}`): a secret word cut where no
  // compound has its joint is no secret name; `pin` or `otp` before a capital is a camel-case name's
  // first word, which the case-insensitive word scan passed over (`totpSeed` stored in clear).
  it('agrees with a scan of every member on cut words and camel-case pin and otp names', () => {
    const text =
      '{"JW_t":false,"to-ken":1,"pass_word":"a","otpValue":"918273","totpSeed":"JBSWY3DP","pinHash":"x8f7","PInL":2,"ping":"pong"}';
    const rewritten = rewriteSecretWordMembers(text, rewrite);
    expect(rewritten).toBe(rewriteEveryMember(text, rewrite));
    expect(rewritten).toBe(
      '{"JW_t":false,"to-ken":1,"pass_word":"R(3)","otpValue":"R(8)","totpSeed":"R(10)","pinHash":"R(6)","PInL":"R(1)","ping":"pong"}',
    );
  });

  it('rewrites names in any case, next to escaped quotes and after a replaced member', () => {
    const text = '{"note":"he said \\"token\\": 1","API_KEY":"abc","nested":{"client_secret":"s","refresh_token":"t"},"max_tokens":5}';
    expect(rewriteSecretWordMembers(text, rewrite)).toBe(
      '{"note":"he said \\"token\\": 1","API_KEY":"R(5)","nested":{"client_secret":"R(3)","refresh_token":"R(3)"},"max_tokens":5}',
    );
  });
});
