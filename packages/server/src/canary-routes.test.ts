import { ManualClock } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';

const token = 'test-admin-token-123';
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

describe('/api/canaries', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const post = (path: string, body?: unknown) =>
    app.request(path, { method: 'POST', headers: auth, body: body === undefined ? '' : JSON.stringify(body) });
  const get = (path: string) => app.request(path, { headers: auth });

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    app = createApp({ store, adminToken: token, clock: new ManualClock(1_000_000) });
  });
  afterEach(async () => {
    await store.close();
  });

  it('starts a canary, serves its state and ledger, and applies idempotent actions', async () => {
    const created = await post('/api/canaries', { candidate: 'v2', steps: [{ weight: 10 }, { weight: 100 }], sticky: 'header:x-user' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await (await get(`/api/canaries/${id}`)).json()).toMatchObject({ id, state: 'pending', candidate: 'v2', routing: null });
    const paused = await post(`/api/canaries/${id}/pause`);
    expect(await paused.json()).toMatchObject({ state: 'paused' });
    expect(await (await post(`/api/canaries/${id}/pause`)).json()).toMatchObject({ state: 'paused', generation: 1 });
    expect(await (await post(`/api/canaries/${id}/rollback`, { reason: 'bad vibes' })).json()).toMatchObject({
      state: 'rolled_back',
      reason: 'bad vibes',
    });
    expect((await post(`/api/canaries/${id}/promote`)).status).toBe(409);
    const events = (await (await get(`/api/canaries/${id}/events`)).json()) as { items: { type: string; actor: string }[] };
    expect(events.items.map((e) => e.type)).toEqual(['created', 'paused', 'rolled_back']);
    expect(events.items[1]?.actor).toBe('admin');
    expect(await (await get(`/api/canaries/${id}/verify`)).json()).toMatchObject({ ok: true, events: 3 });
    expect(((await (await get('/api/canaries')).json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('rejects bad specs with the offending key path', async () => {
    const res = await post('/api/canaries', { candidate: 'v2', steps: [{ weight: 50 }, { weight: 10 }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_input', message: 'steps.1.weight: weights must increase step by step' } });
    const unknown = await post('/api/canaries', { candidate: 'nope' });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/candidate: no version named "nope"/);
    const sticky = await post('/api/canaries', { candidate: 'v2', sticky: 'query:x' });
    expect(((await sticky.json()) as { error: { message: string } }).error.message).toMatch(/^sticky: /);
    expect((await get('/api/canaries/NOPE')).status).toBe(404);
    expect((await post('/api/canaries/NOPE/explode')).status).toBe(404);
  });

  it('answers 400, not 500, to an action whose body is JSON but not an object', async () => {
    const created = await post('/api/canaries', { candidate: 'v2' });
    const { id } = (await created.json()) as { id: string };
    for (const body of [null, 7, 'pause', [1]]) {
      const res = await post(`/api/canaries/${id}/pause`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });

  it('requires the bearer token', async () => {
    expect((await app.request('/api/canaries')).status).toBe(401);
  });
});
