import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretName, resentHeaders, resentQuery } from './header-policy.js';

describe('a re-sent request (shadow copy, replay)', () => {
  it("carries the original's ordinary fields and the version's headers, never a secret-named field", () => {
    const original = {
      Authorization: 'Bearer user',
      cookie: 'sid=user',
      'api-key': 'user',
      'x-goog-api-key': 'user',
      'x-auth-token': 'user',
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      connection: 'keep-alive, x-hop',
      'x-hop': 'gone',
      host: 'tap',
      'x-understudy-shadow': 'forged',
    };
    expect(resentHeaders(original, { 'X-Api-Key': 'version' }, { 'x-understudy-shadow': '1' })).toEqual({
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      'x-api-key': 'version',
      'x-understudy-shadow': '1',
    });
  });

  it('keeps the query in order and spelling without secret-named parameters', () => {
    expect(resentQuery('')).toBe('');
    expect(resentQuery('q=a%40b&key=user&n=1&access_token=t&API-Key=x&sig=s&flag')).toBe('q=a%40b&n=1&flag');
    expect(resentQuery('api%5Fkey=user&sort_key=name')).toBe('sort_key=name');
  });
});

describe('secret names', () => {
  // The rule the control plane used to hide a version's headers before it called this one.
  const formerVersionRule = /(^|-)(key|token|secret|auth|password)(-|$)/i;
  const words = fc.constantFrom('x', 'api', 'key', 'token', 'secret', 'auth', 'password', 'foo', 'goog', 'user', 'id', 'v2', 'Auth', 'KEY');

  it('hides every header name the former version rule hid', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 4 }), (parts) => {
        const name = parts.join('-');
        if (formerVersionRule.test(name)) expect(isSecretName(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const name of ['x-auth-foo', 'X-Auth-User', 'x-key-id', 'token-x', 'x-secret-region', 'password-hint', 'auth'])
      expect(isSecretName(name)).toBe(true);
  });

  it('reads snake, kebab and camelCase names, and keeps counts and the allow-list in the clear', () => {
    for (const name of ['api_key', 'apiKey', 'APIKey', 'accessToken', 'clientSecret', 'refresh_token', 'x-goog-api-key', 'sessionToken'])
      expect([name, isSecretName(name)]).toEqual([name, true]);
    for (const name of [
      'max_tokens',
      'prompt_tokens',
      'maxTokens',
      'totalTokenCount',
      'monkey',
      'keyboard',
      'author',
      'content-type',
      'idempotency-key',
      'idempotencyKey',
      'sortKey',
      'bos_token',
    ])
      expect([name, isSecretName(name)]).toEqual([name, false]);
  });

  it('reads a secret word split by a separator or a capital as one (trust audit 7), not two ordinary words', () => {
    for (const name of ['pass_word', 'PASS-WORD', 'pass.word', 'passWord', 'db_pass_word', 'pass_phrase', 'api__key'])
      expect([name, isSecretName(name)]).toEqual([name, true]);
    for (const name of ['pass_count', 'bypass_word', 'pass_through', 'compass_word', 'passenger'])
      expect([name, isSecretName(name)]).toEqual([name, false]);
  });
});
