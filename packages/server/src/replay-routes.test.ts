import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Exchange, noUsage, seededRandom } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { openStore, type Store } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';

const token = 'replay-routes-token';
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

function exchange(i: number): Exchange {
  const body = new TextEncoder().encode(JSON.stringify({ messages: [{ role: 'user', content: 'How long does shipping take?' }] }));
  const answer = new TextEncoder().encode(
    JSON.stringify({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Orders ship within two business days.' }, finish_reason: 'stop' }],
    }),
  );
  return {
    id: `01ROUTES${String(i).padStart(18, '0')}`,
    startedAt: 1_000 + i,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: { bytes: body, size: body.length, truncated: false },
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: { bytes: answer, size: answer.length, truncated: false },
    streamed: false,
    sseEvents: null,
    ttfbMs: 1,
    durationMs: 2,
    version: 'stable',
    role: 'live',
    parentId: null,
    usage: noUsage,
    error: null,
  };
}

describe('/api/replays', () => {
  let store: Store;
  let agentUrl = '';
  let close = (): void => {};
  beforeAll(async () => {
    store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-replay-routes-')), 'u.db') });
    await store.exchanges.insertMany(Array.from({ length: 12 }, (_, i) => exchange(i)));
    await new Promise<void>((done) => {
      const server = serve(
        { fetch: createDemoAgentApp({ variant: 'good', random: seededRandom(1) }).fetch, hostname: '127.0.0.1', port: 0 },
        (info: AddressInfo) => {
          agentUrl = `http://127.0.0.1:${info.port}`;
          close = () => server.close();
          done();
        },
      );
    });
  });
  afterAll(async () => {
    close();
    await store.close();
  });

  it('starts a run, reports its progress and summary, and pages comparisons by verdict', async () => {
    const app = createApp({ store, adminToken: token });
    const created = await app.request('/api/replays', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ target: agentUrl, concurrency: 4, thresholds: { maxErrorRate: 0 } }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    expect(created.headers.get('location')).toBe(`/api/replays/${id}`);

    let run:
      | { status: string; progress: { done: number }; verdicts: Record<string, number>; summary: { passed: boolean; done: number } | null }
      | undefined;
    for (let i = 0; i < 400; i++) {
      const res = await app.request(`/api/replays/${id}`, { headers: auth });
      run = (await res.json()) as typeof run;
      if (run?.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(run).toMatchObject({ status: 'completed', progress: { done: 12 }, summary: { done: 12, passed: true } });

    const first = await app.request(`/api/replays/${id}/comparisons?limit=5`, { headers: auth });
    const page = (await first.json()) as { items: { seq: number; exchangeId: string; report: unknown }[]; nextCursor: string | null };
    expect(page.items.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(page.items[0]?.report).toHaveProperty('verdict');
    const next = await app.request(`/api/replays/${id}/comparisons?limit=5&cursor=${page.nextCursor}`, { headers: auth });
    expect(((await next.json()) as typeof page).items.map((r) => r.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(Object.values(run?.verdicts ?? {}).reduce((a, b) => a + b, 0)).toBe(12);
    const regressions = await app.request(`/api/replays/${id}/comparisons?verdict=regression&limit=500`, { headers: auth });
    expect(((await regressions.json()) as typeof page).items).toHaveLength(run?.verdicts.regression ?? 0);
  });

  it('answers bad specs, unknown runs and bad filters with coded JSON errors', async () => {
    const app = createApp({ store, adminToken: token });
    const bad = await app.request('/api/replays', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ target: agentUrl, rate: 5, speed: 2 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_input', message: 'speed: rate and speed exclude each other' } });
    const unknownKey = await app.request('/api/replays', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ target: agentUrl, selection: { pth: '/x' } }),
    });
    expect(((await unknownKey.json()) as { error: { message: string } }).error.message).toBe('selection: unknown key pth');
    for (const [thresholds, message] of [
      [{ maxRegressionRate: 2 }, 'thresholds.maxRegressionRate: Too big: expected number to be <=1'],
      [{ minJudged: 0 }, 'thresholds.minJudged: Too small: expected number to be >0'],
    ] as const) {
      const res = await app.request('/api/replays', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ target: agentUrl, thresholds }),
      });
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: { error: { code: 'invalid_input', message } } });
    }
    const noVersion = await app.request('/api/replays', { method: 'POST', headers: auth, body: JSON.stringify({ target: 'ghost' }) });
    expect(noVersion.status).toBe(404);
    const missing = await app.request('/api/replays/NOPE', { headers: auth });
    expect(missing.status).toBe(404);
    const runs = (await (await app.request('/api/replays', { headers: auth })).json()) as { items: { id: string }[] };
    const id = runs.items[0]?.id ?? '';
    const filter = await app.request(`/api/replays/${id}/comparisons?verdict=bogus`, { headers: auth });
    expect(filter.status).toBe(400);
    const anonymous = await app.request(`/api/replays/${id}`);
    expect(anonymous.status).toBe(401);
  });

  it('runs at most maxActiveReplays at once (409 conflict past it), and close() stops them and closes its connections', async () => {
    // A candidate that holds every request open, so runs stay active; it counts open connections.
    const held: ServerResponse[] = [];
    let open = 0;
    const candidate = createServer((_req, res) => void held.push(res));
    candidate.on('connection', (socket) => {
      open++;
      socket.once('close', () => open--);
    });
    await new Promise<void>((r) => candidate.listen(0, '127.0.0.1', () => r()));
    const { port } = candidate.address() as AddressInfo;
    const app = createApp({ store, adminToken: token, maxActiveReplays: 2 });
    const post = () =>
      app.request('/api/replays', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ target: `http://127.0.0.1:${port}`, concurrency: 1, timeoutMs: 300, retries: 0 }),
      });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await post();
        expect(res.status).toBe(202);
        ids.push(((await res.json()) as { id: string }).id);
      }
      const refused = await post();
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
        code: 'conflict',
        message: '2 replay runs are already active in this process (the most it runs at once); retry when one finishes',
      });
      for (let i = 0; i < 200 && held.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(open).toBe(2);

      // close() waits for the request in flight (it times out: the candidate never answers).
      await app.close();
      // The runs were stopped (resumable), and the replayer's pool let go of its connections.
      for (const id of ids) expect((await store.replays.getRun(id))?.status).toBe('aborted');
      for (let i = 0; i < 200 && open > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(open).toBe(0);
      const afterClose = await post();
      expect(afterClose.status).toBe(503);
    } finally {
      for (const res of held) res.destroy();
      await new Promise<void>((r) => candidate.close(() => r()));
    }
  });
});
