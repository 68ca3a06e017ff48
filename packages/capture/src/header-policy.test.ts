import { describe, expect, it } from 'vitest';
import { resentHeaders, resentQuery } from './header-policy.js';

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
