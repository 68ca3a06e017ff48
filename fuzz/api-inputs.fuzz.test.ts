import { type Exchange, emptyBody, errorStatus, noUsage } from '@understudy/core';
import { type ControlPlaneApp, createApp } from '@understudy/server';
import { openStore, type Store } from '@understudy/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzParams } from './fuzz-settings.js';
import { hostileValue, mutationsOf } from './mutate.js';

const token = 'fuzz-admin-token-0123456789';
let store: Store;
let app: ControlPlaneApp;
let routes: { method: string; path: string }[];

function exchange(i: number): Exchange {
  return {
    id: `01FUZZ${String(i).padStart(20, '0')}`,
    startedAt: 1_767_225_600_000 + i,
    method: 'POST',
    path: `/v1/chat/completions/${i % 3}`,
    query: '',
    requestHeaders: {},
    requestBody: emptyBody,
    status: i % 4 === 0 ? 500 : 200,
    responseHeaders: {},
    responseBody: emptyBody,
    streamed: false,
    sseEvents: null,
    ttfbMs: 1,
    durationMs: 2,
    version: i % 2 === 0 ? 'stable' : 'candidate',
    role: 'live',
    parentId: null,
    usage: noUsage,
    error: null,
  };
}

beforeAll(async () => {
  store = await openStore({ url: ':memory:' });
  await store.exchanges.insertMany(Array.from({ length: 30 }, (_, i) => exchange(i)));
  // At most one replay at a time: a fuzzed body that is valid starts a run over the 30 rows; the rest get 409.
  app = createApp({ store, adminToken: token, maxActiveReplays: 1 });
  // Every route the app serves, from the app itself, so a new route is fuzzed without editing this file.
  routes = app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const param = fc.oneof(text, fc.constantFrom('..', '%2e%2e', '%00', '01FUZZ00000000000000000000', '1', '-1', 'pause', 'promote', ''));
const queryKey = fc.constantFrom(
  'since',
  'until',
  'path',
  'status',
  'version',
  'role',
  'method',
  'limit',
  'cursor',
  'target',
  'state',
  'x',
);
const queryValue = fc.oneof(
  text,
  fc.constantFrom('0', '-1', '1e309', '5xx', '200', '2026-01-01T00:00:00Z', 'live', '/v1/*', '999999999999999999999'),
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString());
/** Bodies: valid-looking documents with one value broken, any JSON, or not JSON. */
const validBodies = [
  { name: 'candidate', upstream: 'http://127.0.0.1:9/', headers: { 'x-prompt-version': '14' } },
  { target: 'stable', limit: 2, concurrency: 1 },
  { candidate: 'candidate', stable: 'stable', steps: [1, 50, 100], interval: '30s', sticky: 'header:x-user' },
];
const body = fc.oneof(
  fc
    .constantFrom(...validBodies)
    .chain((b) => mutationsOf(b, hostileValue))
    .map((v) => JSON.stringify(v) ?? ''),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  text,
);

const encodeSegment = (s: string) => encodeURIComponent(s);

describe('fuzz: control-plane API inputs', () => {
  it('answers every route with JSON: a 2xx, or { error: { code, message } } whose status fits the code — never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(param, { minLength: 2, maxLength: 2 }),
        query,
        body,
        fc.boolean(),
        async (pick, params, q, b, json) => {
          const route = routes[pick % routes.length];
          if (route === undefined) throw new Error('the app serves no routes');
          let n = 0;
          const path = route.path.replace(/:[a-z]+/g, () => encodeSegment(params[n++] ?? ''));
          const res = await app.request(`${path}${q === '' ? '' : `?${q}`}`, {
            method: route.method,
            headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
            ...(route.method === 'GET' ? {} : { body: b }),
          });
          expect(res.status, `${route.method} ${path}?${q}`).toBeLessThan(500);
          if (path === '/metrics') return;
          // The dashboard's pages (and its sign-in form) answer HTML, its icon an image; the API answers JSON.
          const type = res.headers.get('content-type') ?? '';
          if (type.startsWith('text/html') || type.startsWith('image/')) return;
          // Signing in and out answer with a redirect.
          if (res.status >= 300 && res.status < 400) return;
          const payload = (await res.json()) as { error?: { code?: string; message?: string } };
          if (res.status >= 400) {
            const code = payload.error?.code ?? '';
            expect(Object.keys(errorStatus)).toContain(code);
            expect(res.status).toBe(errorStatus[code as keyof typeof errorStatus]);
            expect(typeof payload.error?.message).toBe('string');
          }
        },
      ),
      fuzzParams('api-inputs/routes', 4_000),
    );
  });

  it('refuses a query an API route does not read — an unknown or repeated parameter, a cursor no page gave — with 400 invalid_input, and loses nothing stored', async () => {
    const apiGets = routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.startsWith('/api/gates/'));
    for (const r of apiGets) expect(Object.keys(knownQuery), `the query ${r.path} reads`).toContain(r.path);
    const before = await store.exchanges.count();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(idSegment, { minLength: 2, maxLength: 2 }), badQuery, async (pick, params, bad) => {
        const route = apiGets[pick % apiGets.length];
        if (route === undefined) throw new Error('the app serves no API routes');
        const known = knownQuery[route.path] ?? [];
        const q = bad(known);
        if (q === undefined) return;
        let n = 0;
        const path = route.path.replace(/:[a-z]+/g, () => params[n++] ?? 'x');
        const res = await app.request(`${path}?${q}`, { headers: { authorization: `Bearer ${token}` } });
        const payload = (await res.json()) as { error?: { code?: string; message?: string } };
        expect([res.status, payload.error?.code], `GET ${path}?${q}`).toEqual([400, 'invalid_input']);
        expect(payload.error?.message).toMatch(/\S/);
      }),
      fuzzParams('api-inputs/bad-queries', 1_500),
    );
    expect(await store.exchanges.count()).toBe(before);
    const page = (await (await app.request('/api/exchanges?limit=1000', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: unknown[];
    };
    expect(page.items.length).toBe(before);
  });

  it('pages exchanges with the cursor it gave, and no other', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await app.request(`/api/exchanges?limit=7${cursor === null ? '' : `&cursor=${cursor}`}`, { headers: auth });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(ids).size).toBe(await store.exchanges.count());
    for (const garbage of ['garbage', ids[3] ?? 'x', 'ZZZZ', '0', '%00'])
      expect((await app.request(`/api/exchanges?cursor=${garbage}`, { headers: auth })).status, garbage).toBe(400);
  });
});

/** The query parameters each GET route of the API reads (README: Control plane HTTP); the gates' routes take any (Flagger's metadata). */
const knownQuery: Readonly<Record<string, readonly string[]>> = {
  '/api/exchanges': ['since', 'until', 'path', 'status', 'version', 'role', 'method', 'parent', 'limit', 'cursor'],
  '/api/exchanges/:id': [],
  '/api/comparisons': ['source', 'verdict', 'category', 'run', 'canary', 'version', 'path', 'since', 'until', 'limit', 'cursor'],
  '/api/comparisons/:id': [],
  '/api/replays': ['limit'],
  '/api/replays/:id': [],
  '/api/replays/:id/comparisons': ['verdict', 'cursor', 'limit'],
  '/api/versions': [],
  '/api/canaries': ['state'],
  '/api/canaries/:id': [],
  '/api/canaries/:id/events': ['after'],
  '/api/canaries/:id/verify': [],
};

/** A path segment that stays one (`..` or an empty one would name another path, not the route's), existing or not. */
const idSegment = fc.oneof(fc.stringMatching(/^[0-9A-Za-z]{1,26}$/), fc.constant('01FUZZ00000000000000000003'));

/** A value valid for any parameter that has a default-like reading (so a repeat, not the value, is what is wrong). */
const validValue: Readonly<Record<string, string>> = { limit: '5', after: '0', state: 'running', verdict: 'regression', source: 'replay' };

/**
 * One thing wrong with a query, given the names a route reads: a name it does not read, a name it
 * reads given twice, or (where it reads one) a cursor no page gave. Undefined when the pick does
 * not apply to the route.
 */
const badQuery: fc.Arbitrary<(known: readonly string[]) => string | undefined> = fc.oneof(
  fc
    .stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,11}$/)
    .map((name) => (known: readonly string[]) => (known.includes(name) ? undefined : `${encodeURIComponent(name)}=1`)),
  fc.nat().map((i) => (known: readonly string[]) => {
    const name = known[i % Math.max(known.length, 1)];
    if (name === undefined) return undefined;
    const v = encodeURIComponent(validValue[name] ?? 'x');
    return `${name}=${v}&${name}=${v}`;
  }),
  fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => /[^0-9]/.test(s))
    .map((garbage) => (known: readonly string[]) => (known.includes('cursor') ? `cursor=${encodeURIComponent(garbage)}` : undefined)),
);
