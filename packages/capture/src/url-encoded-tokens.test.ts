import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'url-encoded-tokens-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ note: text }), 'application/json');

/** Every spelling of `secret` a reader of the stored text could decode back: raw, and percent-encoded once, twice or three times. */
function spellings(secret: string): string[] {
  const once = encodeURIComponent(secret);
  return [secret, once, encodeURIComponent(once), encodeURIComponent(encodeURIComponent(once))];
}

/**
 * A token in a URL written in text, percent-encoded: a base64 token's `+`, `/` and `=` as `%2B`,
 * `%2F`, `%3D` in a query value or a path segment, or a whole callback URL encoded into a
 * login link's `next=` once, twice (a redirect through two services) or three times. Found by trust
 * audit 2 (2026-12-03): only one level of encoding was read, and a query value was cut at `/`.
 */
describe('a token in a percent-encoded URL written in text', () => {
  const b64 = 'Kq8Zx2Vb7Np9+Lc3RwT5yMh4/Gd6Jf1Ws9Qa==';
  const apiKey = 'sk-proj-Kq8Zx2Vb7Np9Lc3RwT5yMh4Gd6';
  const pw = 'Hunter2Pass!';

  it('is redacted in a query value or a path segment, encoded or not', () => {
    for (const url of [
      `https://x.example.com/cb?x=${encodeURIComponent(b64)}&y=1`,
      `https://x.example.com/cb?x=${b64}&y=1`,
      `https://x.example.com/cb/${encodeURIComponent(b64)}/done`,
    ])
      for (const out of [stored(`go ${url} end`), storedJson(`go ${url} end`)])
        for (const s of spellings(b64)) expect(out, url).not.toContain(s);
  });

  it('is redacted in a callback URL encoded into another once, twice or three times', () => {
    for (const inner of [
      `https://y.example.com/cb?code=${b64}`,
      `https://y.example.com/cb?api_key=${apiKey}`,
      `https://y.example.com/cb?password=${pw}`,
    ]) {
      const secret = inner.slice(inner.indexOf('=') + 1);
      for (const depth of [1, 2, 3]) {
        let next = inner;
        for (let i = 0; i < depth; i++) next = encodeURIComponent(next);
        const text = `go https://x.example.com/login?next=${next} end`;
        for (const out of [stored(text), storedJson(text)])
          for (const s of spellings(secret)) expect(out, `${depth}: ${inner}`).not.toContain(s);
      }
    }
  });

  it('leaves encoded URLs that hold no token byte for byte', () => {
    const clean = 'https://y.example.com/orders/48213?sha=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08&date=2026-12-03';
    for (const depth of [1, 2, 3]) {
      let next = clean;
      for (let i = 0; i < depth; i++) next = encodeURIComponent(next);
      const text = `go https://x.example.com/login?next=${next}&id=550e8400-e29b-41d4-a716-446655440000 end`;
      expect(stored(text)).toBe(text);
    }
  });
});
