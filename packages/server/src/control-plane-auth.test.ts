import { type Logger, ManualClock } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from './create-app.js';

const reader = 'read-token-0123456789';
const operator = 'operate-token-0123456789';
const admin = 'admin-token-0123456789';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };

/** Routes anyone may reach: the health check, the sign-in form and the dashboard's icon (which reveal nothing). */
const openRoutes = new Set(['GET /healthz', 'GET /login', 'POST /login', 'GET /favicon.svg', 'GET /favicon.ico']);

/** A concrete path for a route pattern: parameters filled with plausible values. */
const concrete = (path: string) => path.replace(':action', 'pause').replace(/:[A-Za-z]+/g, 'X');

describe('control-plane auth and roles', () => {
  let store: Store;
  let clock: ManualClock;
  let app: ControlPlaneApp;
  const logged: string[] = [];
  const logger: Logger = {
    debug: (o, m) => logged.push(JSON.stringify([o, m])),
    info: (o, m) => logged.push(JSON.stringify([o, m])),
    warn: (o, m) => logged.push(JSON.stringify([o, m])),
    error: (o, m) => logged.push(JSON.stringify([o, m])),
    child: () => logger,
  };

  /** Every route the app declares (middleware excluded), as `METHOD path`. */
  const declaredRoutes = () => [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

  /** What a request could have changed: the rows of every table a route writes. */
  const snapshot = async () => ({
    versions: await store.versions.list(),
    canaries: await store.canaries.list({}),
    runs: await store.replays.listRuns(),
    routing: await store.routing.list(),
  });

  beforeEach(async () => {
    logged.length = 0;
    store = await openStore({ url: ':memory:' });
    clock = new ManualClock(1_800_000_000_000);
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    app = createApp({
      store,
      clock,
      logger,
      adminToken: admin,
      tokens: [
        { name: 'alice', role: 'read', token: reader },
        { name: 'ops-bot', role: 'operate', token: operator },
      ],
      sessionTtlMs: 60_000,
    });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('refuses every declared route without a valid token, except /healthz and the sign-in form', async () => {
    const routes = declaredRoutes();
    // The enumeration sees the whole app (API, dashboard, metrics), so a new route is covered by itself.
    expect(routes.length).toBeGreaterThanOrEqual(35);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/comparisons',
        'GET /api/comparisons/:id',
        'POST /api/canaries/:id/:action',
        'GET /',
        'POST /canaries/:id/:action',
      ]),
    );
    const refused: string[] = [];
    for (const route of routes) {
      if (openRoutes.has(route)) continue;
      const [method = 'GET', path = '/'] = route.split(' ');
      const attempts: Record<string, string>[] = [
        {},
        bearer('wrong-token-0123456789'),
        { authorization: reader },
        { cookie: 'understudy_session=forged' },
      ];
      for (const headers of attempts) {
        const res = await app.request(concrete(path), {
          method,
          headers: { ...headers, ...json },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${route} with ${JSON.stringify(headers)}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
      refused.push(route);
    }
    expect(refused.length).toBe(routes.length - [...openRoutes].filter((r) => routes.includes(r)).length);
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/login')).status).toBe(200);
  });

  it('lets a read token look at everything and change nothing', async () => {
    const created = await app.request('/api/canaries', {
      method: 'POST',
      headers: { ...bearer(operator), ...json },
      body: JSON.stringify({ candidate: 'v2' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const before = await snapshot();
    const bodies: Record<string, unknown> = {
      '/api/versions': { name: 'evil', upstream: 'http://127.0.0.1:9' },
      '/api/canaries': { candidate: 'v2', stable: 'stable' },
      '/api/replays': { target: 'v2' },
    };
    for (const route of declaredRoutes()) {
      // Signing out only ends the caller's own session; any role may.
      if (openRoutes.has(route) || route === 'POST /logout') continue;
      // Flagger's webhook is a question (may the rollout go on?), POSTed because Flagger can only POST.
      const readOnlyPost = route === 'POST /api/gates/flagger';
      const [method = 'GET', pattern = '/'] = route.split(' ');
      const path = pattern
        .replace(':action', 'rollback')
        .replace(':id', id)
        .replace(/:[A-Za-z]+/g, 'X');
      const res = await app.request(path, {
        method,
        headers: { ...bearer(reader), ...json },
        body: method === 'GET' ? undefined : JSON.stringify(bodies[path] ?? {}),
      });
      if (method === 'GET' || readOnlyPost) {
        expect([401, 403], `${route} refused a read token`).not.toContain(res.status);
      } else {
        expect(res.status, `${route} with a read token`).toBe(403);
        expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
      }
    }
    expect(await snapshot()).toEqual(before);
    // The same rollback with an operate token works, and the ledger names the token.
    const rolled = await app.request(`/api/canaries/${id}/rollback`, {
      method: 'POST',
      headers: { ...bearer(operator), ...json },
      body: '{}',
    });
    expect(rolled.status).toBe(200);
    expect(await rolled.json()).toMatchObject({ state: 'rolled_back' });
    const events = (await (await app.request(`/api/canaries/${id}/events`, { headers: bearer(reader) })).json()) as {
      items: { type: string; actor: string }[];
    };
    expect(events.items.map((e) => [e.type, e.actor])).toEqual([
      ['created', 'ops-bot'],
      ['rolled_back', 'ops-bot'],
    ]);
  });

  it('signs a browser in at /login with an HttpOnly SameSite=Strict session, checks the origin of its changes, and expires it', async () => {
    const bad = await app.request('/login', { method: 'POST', body: new URLSearchParams({ token: 'nope', next: '/' }) });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect(await bad.text()).not.toContain('nope');

    const page = await app.request('/canaries?state=x', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Fcanaries%3Fstate%3Dx');

    const signIn = await app.request('http://127.0.0.1:8081/login', {
      method: 'POST',
      body: new URLSearchParams({ token: operator, next: '//evil.example/x' }),
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/');
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^understudy_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(operator);
    const cookie = { cookie: setCookie.split(';')[0] ?? '' };

    expect((await app.request('http://127.0.0.1:8081/api/exchanges', { headers: cookie })).status).toBe(200);
    const canary = await app.request('http://127.0.0.1:8081/api/canaries', {
      method: 'POST',
      headers: { ...cookie, ...json, origin: 'http://127.0.0.1:8081' },
      body: JSON.stringify({ candidate: 'v2' }),
    });
    expect(canary.status).toBe(201);
    const { id } = (await canary.json()) as { id: string };
    for (const origin of [undefined, 'http://evil.example', 'http://127.0.0.1:9999']) {
      const res = await app.request(`http://127.0.0.1:8081/api/canaries/${id}/pause`, {
        method: 'POST',
        headers: { ...cookie, ...json, ...(origin === undefined ? {} : { origin }) },
        body: '{}',
      });
      expect(res.status, `origin ${origin}`).toBe(403);
    }
    expect((await store.canaries.get(id))?.state).toBe('pending');

    clock.advance(61_000);
    expect((await app.request('http://127.0.0.1:8081/api/exchanges', { headers: cookie })).status).toBe(401);
  });

  it('ends a session at /logout', async () => {
    const signIn = await app.request('http://127.0.0.1:8081/login', { method: 'POST', body: new URLSearchParams({ token: reader }) });
    const cookie = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    expect((await app.request('http://127.0.0.1:8081/api/versions', { headers: cookie })).status).toBe(200);
    const out = await app.request('http://127.0.0.1:8081/logout', {
      method: 'POST',
      headers: { ...cookie, origin: 'http://127.0.0.1:8081' },
    });
    expect(out.status).toBe(303);
    expect((await app.request('http://127.0.0.1:8081/api/versions', { headers: cookie })).status).toBe(401);
  });

  it('never logs a token and sends a strict Content-Security-Policy', async () => {
    await app.request('/api/exchanges', { headers: bearer('wrong-token-0123456789') });
    await app.request('/api/exchanges', { headers: bearer(reader) });
    await app.request('/api/canaries/X/pause', { method: 'POST', headers: bearer(reader) });
    await app.request('/login', { method: 'POST', body: new URLSearchParams({ token: operator }) });
    const res = await app.request('/api/versions', { headers: bearer(admin) });
    for (const token of [reader, operator, admin, 'wrong-token-0123456789']) for (const line of logged) expect(line).not.toContain(token);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('refuses a token list without any token, and a token named admin next to the admin token', () => {
    expect(() => createApp({ store })).toThrow(/at least one token/);
    expect(() => createApp({ store, adminToken: admin, tokens: [{ name: 'admin', role: 'read', token: reader }] })).toThrow(/"admin"/);
  });
});
