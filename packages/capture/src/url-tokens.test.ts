import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'url-tokens-test-key-0123456789';
const token = 'Zq8Kw2Vb7Np9Lc3Rw6Yh1Gd5Fs0Ja2Ue8Io4Xy';
const body = (s: string) => createRedactor(redaction, key).forExchange().body(s, 'text/plain');

/**
 * A URL written in a body or a header reads like the exchange's own URL: each path segment and
 * each query value is judged alone by the unlabelled-token rule, as `path()` and `query()` judge
 * the request's. A reset link, an invite or an OAuth redirect carries its credential there with no
 * label (found by the trust audit, 2026-12-03: `https://app/reset/<token>` and `?code=<token>` in
 * a JSON answer were stored as written, while the same token as the request's path was redacted).
 */
describe('tokens in URLs written in text', () => {
  it.each([
    ['a path segment', `Reset link https://app.example.com/reset/${token}`],
    ['a query value in JSON', JSON.stringify({ next: `https://app.example.com/cb?code=${token}&state=1` })],
    ['a query value at the end', `invite: https://x.example.com/join?invite=${token}`],
    ['a one-letter parameter', `https://x.example.com/verify?t=${token}#top`],
    ['a header value', `<https://x.example.com/dl/${token}/file.pdf>; rel="download"`],
  ])('%s is redacted', (_, text) => {
    const out = body(text);
    expect(out).not.toContain(token);
    expect(out).toMatch(/\[redacted:token:[0-9a-f]{12}\]/);
  });

  it.each([
    ['an API path and its flags', 'POST https://api.example.com/v1/chat/completions?model=gpt-4o-mini&stream=true'],
    ['a commit digest', 'see https://github.com/acme/widget/commit/a3f9c2e8b7d6014f5e9a8b7c6d5e4f3a2b1c0d9e'],
    ['a ULID and a UUID', 'https://x.example.com/exchanges/01M8XB3Y0S6ZG7877JSK851E02?run=123e4567-e89b-12d3-a456-426614174000'],
    ['words and numbers', 'https://docs.example.com/guides/Getting_Started_With_Version2_Release2024/page-17'],
  ])('%s stays', (_, text) => {
    expect(body(text)).toBe(text);
  });
});
