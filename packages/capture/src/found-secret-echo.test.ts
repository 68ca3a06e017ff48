import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'found-secret-echo-key-0123456789';

/**
 * A secret the patterns find by its context in one part of an exchange (a random token as a path
 * segment, a password after a label in another language) is scrubbed from the later parts too,
 * where it is echoed without that context: an upstream that returns the URL it was called with,
 * or repeats the password it was told, must not store it (found by the trust audit's seeder,
 * 2026-12-03: `/v1/keys/<token>/rotate` echoed as `{"path": …}` was stored raw).
 */
describe('a secret found by its context is scrubbed from the rest of the exchange', () => {
  it('a token found as a path segment, echoed in the response body', () => {
    const token = 'stILbFwyRlgZWcwMUM21VzFCKygHY1pbKlKtnP';
    const r = createRedactor(redaction, key).forExchange();
    const path = r.path(`/v1/keys/${token}/rotate`);
    expect(path).not.toContain(token);
    const body = r.body(JSON.stringify({ path: `/v1/keys/${token}/rotate`, ok: true }), 'application/json');
    expect(body).not.toContain(token);
    // The same placeholder in both places, so the echo still reads as the same value.
    const placeholder = /\[redacted:[a-z_]+:[0-9a-f]{12}\]/.exec(path)?.[0];
    expect(placeholder).toBeDefined();
    expect(body).toContain(placeholder);
  });

  it('a password found after its label, repeated alone in the answer', () => {
    const password = 'KuchenBlau-4471';
    const r = createRedactor(redaction, key).forExchange();
    const asked = r.body(JSON.stringify({ messages: [{ role: 'user', content: `Passwort: ${password}` }] }), 'application/json');
    expect(asked).not.toContain(password);
    const answer = r.body(JSON.stringify({ choices: [{ message: { content: `Saved "${password}" for you.` } }] }), 'application/json');
    expect(answer).not.toContain(password);
  });

  it('a token in a query value found by its shape, echoed percent-encoded in a redirect', () => {
    const token = 'Hq7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiY';
    const r = createRedactor(redaction, key).forExchange();
    expect(r.path(`/v1/files/${token}`)).not.toContain(token);
    const headers = r.headers({ location: `https://cdn.example.com/dl?ref=${encodeURIComponent(`/v1/files/${token}`)}` });
    expect(JSON.stringify(headers)).not.toContain(token);
  });

  it('ordinary words stay: nothing is found, nothing is remembered', () => {
    const r = createRedactor(redaction, key).forExchange();
    expect(r.path('/v1/chat/completions')).toBe('/v1/chat/completions');
    const body = '{"path":"/v1/chat/completions","text":"chat completions are fine"}';
    expect(r.body(body, 'application/json')).toBe(body);
  });
});
