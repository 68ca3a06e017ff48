import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretName } from './header-policy.js';
import { rewriteEveryMember, rewriteSecretWordMembers } from './secret-members.js';

const names = fc.oneof(
  fc.constantFrom('api_key', 'x-auth-token', 'Password', 'prompt_tokens', 'monkey', 'sessions', 'key', 'sig', 'max_tokens', 'note'),
  fc.string({ maxLength: 12 }),
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('key', 'token', 'secret', 'auth'), fc.string({ maxLength: 6 }))
    .map((p) => p.join('')),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('say "token": "x"', '\\"api_key\\":', 'key', '{"secret":1}'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('object'), fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(names, tie('value'), { maxKeys: 6 }),
})).object;

/** What the redactor's rewrite does: only secret-named members change. */
const rewrite = (whole: string, name: string, value: string): string => (isSecretName(name) ? `"${name}":"R(${value.length})"` : whole);

describe('secret-named JSON members', () => {
  it('are found by looking only where a secret word stands, exactly as by matching every member', () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.boolean(), (value, cut, pretty) => {
        const whole = JSON.stringify(value, null, pretty ? 2 : undefined);
        // Whole bodies and bodies cut at the capture cap (anywhere).
        for (const text of [whole, whole.slice(0, cut % (whole.length + 1))])
          expect(rewriteSecretWordMembers(text, rewrite)).toBe(rewriteEveryMember(text, rewrite));
      }),
      { numRuns: 3000 },
    );
  });

  it('rewrites names in any case, next to escaped quotes and after a replaced member', () => {
    const text = '{"note":"he said \\"token\\": 1","API_KEY":"abc","nested":{"client_secret":"s","refresh_token":"t"},"max_tokens":5}';
    expect(rewriteSecretWordMembers(text, rewrite)).toBe(
      '{"note":"he said \\"token\\": 1","API_KEY":"R(5)","nested":{"client_secret":"R(3)","refresh_token":"R(3)"},"max_tokens":5}',
    );
  });
});
