import type { Logger } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';

const token = 'error-echo-admin-token-123';
const auth = { authorization: `Bearer ${token}` };

/** Secret-looking inputs a caller (or a client with a bug) sends where an id, a name or a filter goes. */
const secrets = [
  'sk-proj-EchoSeed7Kq8Zx2Vb7Np9Lc3RwT5yMh4',
  'ghp_EchoSeed0123456789abcdefghijklmnopq',
  'Hq7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiY',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlY2hvIn0.EchoSeedSig0123456789abcd',
];

/** Every piece of a secret long enough to be worth something, in the spellings an error could repeat it. */
function leaks(text: string, secret: string): boolean {
  for (let at = 0; at + 10 <= secret.length; at++) {
    const piece = secret.slice(at, at + 10);
    if (text.includes(piece) || text.includes(encodeURIComponent(piece))) return true;
  }
  return false;
}

/**
 * A 4xx answer or a log line is a stored byte for a proxy in front of us: an error names the field
 * that was wrong, and repeats the value only when it reads as a plain id or name. Found by trust
 * audit 2 (2026-12-03): 404s repeated a path's or an id's token, 400s a filter's or a field's value.
 */
describe('API errors do not repeat a secret the caller sent', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];
  const logger: Logger = {
    info: (...a: unknown[]) => void logged.push(JSON.stringify(a)),
    warn: (...a: unknown[]) => void logged.push(JSON.stringify(a)),
    error: (...a: unknown[]) => void logged.push(JSON.stringify(a)),
    debug: (...a: unknown[]) => void logged.push(JSON.stringify(a)),
    child: () => logger,
  } as unknown as Logger;

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, adminToken: token, logger });
  });
  afterEach(async () => {
    await store.close();
  });

  const probes = (s: string): [string, string, string | undefined][] => [
    ['GET', `/api/exchanges/${s}`, undefined],
    ['GET', `/api/comparisons/${s}`, undefined],
    ['GET', `/api/replays/${s}`, undefined],
    ['GET', `/api/replays/${s}/comparisons`, undefined],
    ['GET', `/api/canaries/${s}`, undefined],
    ['GET', `/api/canaries/${s}/events`, undefined],
    ['POST', `/api/canaries/${s}/pause`, '{}'],
    ['POST', `/api/canaries/01JD0000000000000000000000/${s}`, '{}'],
    ['GET', `/api/${s}`, undefined],
    ['GET', `/${s}/x`, undefined],
    ['GET', `/api/exchanges?since=${s}`, undefined],
    ['GET', `/api/exchanges?cursor=${s}`, undefined],
    ['GET', `/api/exchanges?limit=${s}`, undefined],
    ['GET', `/api/exchanges?${s}=1`, undefined],
    ['GET', `/api/comparisons?canary=${s}`, undefined],
    ['GET', `/api/canaries?state=${s}`, undefined],
    ['POST', '/api/versions', JSON.stringify({ name: s, upstream: 'not a url' })],
    ['POST', '/api/versions', JSON.stringify({ name: 'v', upstream: s })],
    ['POST', '/api/versions', JSON.stringify({ name: 'v', upstream: 'http://127.0.0.1:1', [s]: 1 })],
    ['POST', '/api/versions', JSON.stringify({ name: 'v', upstream: 'http://127.0.0.1:1', headers: { 'x-a': 1, [s]: 2 } })],
    ['POST', '/api/versions', `{"name": "${s}"`],
    ['POST', '/api/canaries', JSON.stringify({ candidate: s })],
    ['POST', '/api/canaries', JSON.stringify({ candidate: 'v2', stable: s })],
    ['POST', '/api/canaries', JSON.stringify({ candidate: 'v2', sticky: s })],
    ['POST', '/api/replays', JSON.stringify({ target: s })],
    ['POST', '/api/replays', JSON.stringify({ target: 'v2', baseline: s })],
    ['POST', '/api/replays', s],
  ];

  it('in a 4xx body or a log line, in any place an id, a name, a filter or a body goes', async () => {
    const failures: string[] = [];
    for (const s of secrets)
      for (const [method, path, body] of probes(s)) {
        logged.length = 0;
        const res = await app.request(path, {
          method,
          headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body }),
        });
        const text = await res.text();
        if (res.status < 400 || res.status >= 500) failures.push(`${method} ${path}: status ${res.status}`);
        if (leaks(text, s)) failures.push(`${method} ${path.slice(0, 60)}: body ${text.slice(0, 160)}`);
        if (leaks(logged.join('\n'), s)) failures.push(`${method} ${path.slice(0, 60)}: log`);
      }
    expect(failures).toEqual([]);
  });

  it('in the sign-in page and the redirect to it, which carry where to go back to', async () => {
    const failures: string[] = [];
    for (const s of secrets) {
      const page = { accept: 'text/html' };
      const asked = [
        await app.request(`/login?next=${encodeURIComponent(`/exchanges/${s}`)}`, { headers: page }),
        await app.request('/login', {
          method: 'POST',
          headers: { ...page, 'content-type': 'application/x-www-form-urlencoded' },
          body: `token=wrong&next=${encodeURIComponent(`/?q=${s}`)}`,
        }),
        await app.request(`/comparisons/${s}?x=${s}`, { headers: page }),
      ];
      for (const res of asked) {
        const said = `${res.headers.get('location') ?? ''} ${await res.text()}`;
        if (leaks(said, s)) failures.push(`${res.status}: ${said.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // A plain dashboard path is still where the sign-in goes back to.
    const back = await app.request('/comparisons/01JD0000000000000000000000', { headers: { accept: 'text/html' } });
    expect(back.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/comparisons/01JD0000000000000000000000')}`);
  });

  it('still names the field, and repeats a plain id or name', async () => {
    const missing = await app.request('/api/exchanges/01JD0000000000000000000000', { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('01JD0000000000000000000000');
    const version = await app.request('/api/replays', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'candidate-v3' }),
    });
    expect(await version.text()).toContain('candidate-v3');
    const filter = await app.request(`/api/exchanges?since=${secrets[0]}`, { headers: auth });
    expect(filter.status).toBe(400);
    expect(await filter.text()).toContain('since');
  });
});
