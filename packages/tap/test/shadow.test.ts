import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type ConfigInput, type Exchange, parseConfig, seededRandom } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { createTap, storeSink, type Tap } from '@understudy/tap';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { redactionKey } from './tap-harness.js';

interface Server {
  url: string;
  seen: Headers[];
  close(): Promise<void>;
}

function server(handler: (req: Request) => Response | Promise<Response>): Promise<Server> {
  const seen: Headers[] = [];
  return new Promise((resolve) => {
    const s = serve(
      {
        fetch: (req) => {
          seen.push(req.headers);
          return handler(req);
        },
        hostname: '127.0.0.1',
        port: 0,
      },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          seen,
          close: () =>
            new Promise<void>((done) => {
              (s as { closeAllConnections?: () => void }).closeAllConnections?.();
              s.close(() => done());
            }),
        }),
    );
  });
}

const liveAnswer = async (req: Request) => Response.json({ answer: 'live', echo: await req.text() });

async function tapWithShadow(
  live: string,
  candidate: string,
  shadow: NonNullable<ConfigInput['tap']>['shadow'],
  shadowHeaders: Record<string, string> = { 'x-prompt-version': '14' },
): Promise<{ url: string; tap: Tap; store: Store; close(): Promise<void> }> {
  const store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-shadow-')), 's.db') });
  const config = parseConfig({ tap: { shadow, capture: { flushIntervalMs: 10 } } });
  const tap = createTap({
    config: config.tap,
    version: { name: 'stable', upstream: live, headers: {} },
    shadowVersion: { name: 'candidate', upstream: candidate, headers: shadowHeaders },
    sink: storeSink(store),
    redactionKey,
    random: seededRandom(3),
  });
  const s = serve({ fetch: tap.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => s.once('listening', () => r()));
  const { port } = s.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tap,
    store,
    async close() {
      (s as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((r) => s.close(() => r()));
      await tap.close();
      await store.close();
    },
  };
}

const dispatcher = new Agent();
afterAll(() => dispatcher.close());

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await request(`${url}/v1/chat/completions`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    dispatcher,
  });
  const text = await res.body.text();
  return { status: res.statusCode, text, headers: res.headers, ms: performance.now() - started };
}

async function until<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 1000 && performance.now() < deadline; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

async function shadows(store: Store, n: number): Promise<Exchange[]> {
  return until(async () => {
    const page = await store.exchanges.list({ role: 'shadow' }, { limit: 1000 });
    return page.items.length >= n ? page.items : undefined;
  });
}

describe('live shadow mirror', () => {
  it('never changes or delays what the client receives, even when the candidate hangs', async () => {
    const live = await server(liveAnswer);
    const hanging = await server(() => new Promise<Response>(() => {}));
    const direct = await post(live.url, '{"q":1}');
    // The shadow timeout is far longer than the test: every client answer below completes while
    // its mirrored copy is still hanging at the candidate — causally, not by a wall-clock bound.
    const t = await tapWithShadow(live.url, hanging.url, { rate: 1, timeoutMs: 60_000, concurrency: 4 });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await post(t.url, '{"q":1}', { authorization: 'Bearer sk-live-secret' });
        expect(res.status).toBe(200);
        expect(res.text).toBe(direct.text);
        expect(Object.keys(res.headers).filter((h) => h.startsWith('x-understudy-') && h !== 'x-understudy-version')).toEqual([]);
      }
      await until(async () => (hanging.seen.length >= 4 ? true : undefined));
      expect((await t.store.exchanges.list({ role: 'shadow' })).items).toEqual([]);
      // Now the candidate dies: every mirrored copy ends in an error, stored under its live parent.
      await hanging.close();
      const stored = await shadows(t.store, 5);
      expect(stored.every((s) => s.error !== null && s.status === null && s.version === 'candidate')).toBe(true);
      const liveRows = await t.store.exchanges.list({ role: 'live' });
      expect(new Set(stored.map((s) => s.parentId))).toEqual(new Set(liveRows.items.map((e) => e.id)));
      // The candidate saw the request marked as a shadow, with its version headers and without
      // the end user's credential.
      const h = hanging.seen[0];
      expect([h?.get('x-understudy-shadow'), h?.get('authorization'), h?.get('x-prompt-version')]).toEqual(['1', null, '14']);
      // The stored copy records the request as the candidate got it: no end-user credential.
      expect(stored[0]?.requestHeaders.authorization).toBeUndefined();
      expect(JSON.stringify(stored)).not.toContain('sk-live-secret');
      expect(await t.tap.registry.metrics()).toContain('understudy_shadow_errors_total 5');
    } finally {
      await t.close();
      await Promise.all([live.close(), hanging.close()]);
    }
  });

  it('stores failing and resetting candidates as shadow exchanges; the client still gets the live answer', async () => {
    const live = await server(liveAnswer);
    const failing = await server(async (req) => new Response(`boom ${await req.text()}`, { status: 500 }));
    const t = await tapWithShadow(live.url, failing.url, { rate: 1 });
    try {
      const res = await post(t.url, '{"q":2}');
      expect(JSON.parse(res.text)).toEqual({ answer: 'live', echo: '{"q":2}' });
      const [shadow] = await shadows(t.store, 1);
      expect(shadow).toMatchObject({ role: 'shadow', status: 500, error: null });
      expect(new TextDecoder().decode(shadow?.responseBody.bytes)).toBe('boom {"q":2}');
      expect(await t.tap.registry.metrics()).toContain('understudy_shadow_mirrored_total 1');
    } finally {
      await t.close();
      await Promise.all([live.close(), failing.close()]);
    }
  });

  it('mirrors whole sessions by a sticky key, header or JSON path', async () => {
    const live = await server(liveAnswer);
    const candidate = await server(() => Response.json({ answer: 'candidate' }));
    for (const key of ['header:x-session', 'json:$.metadata.conversation_id']) {
      const t = await tapWithShadow(live.url, candidate.url, { rate: 0.5, key });
      try {
        for (let round = 0; round < 3; round++) {
          for (let s = 0; s < 20; s++) {
            const body = JSON.stringify({ metadata: { conversation_id: `conv-${s}` }, round });
            await post(t.url, body, { 'x-session': `conv-${s}` });
          }
        }
        await t.tap.flush();
        const liveRows = (await t.store.exchanges.list({ role: 'live' }, { limit: 100 })).items;
        const parents = new Set(
          (
            await until(async () => {
              const rows = (await t.store.exchanges.list({ role: 'shadow' }, { limit: 100 })).items;
              return rows.length > 0 && rows.length % 3 === 0 ? rows : undefined;
            })
          ).map((e) => e.parentId),
        );
        const bySession = new Map<string, number>();
        for (const e of liveRows) {
          const session = JSON.parse(new TextDecoder().decode(e.requestBody.bytes)).metadata.conversation_id as string;
          bySession.set(session, (bySession.get(session) ?? 0) + (parents.has(e.id) ? 1 : 0));
        }
        // Each conversation is shadowed in all three rounds or in none.
        expect([...bySession.values()].every((n) => n === 0 || n === 3)).toBe(true);
        const mirrored = [...bySession.values()].filter((n) => n === 3).length;
        expect(mirrored).toBeGreaterThan(3);
        expect(mirrored).toBeLessThan(17);
      } finally {
        await t.close();
      }
    }
    await Promise.all([live.close(), candidate.close()]);
  });

  it('bounds the queue: past it copies are dropped and counted, clients unaffected', async () => {
    const live = await server(liveAnswer);
    const hanging = await server(() => new Promise<Response>(() => {}));
    const t = await tapWithShadow(live.url, hanging.url, { rate: 1, concurrency: 1, queueSize: 2, timeoutMs: 60_000 });
    try {
      for (let i = 0; i < 10; i++) expect((await post(t.url, `{"i":${i}}`)).status).toBe(200);
      // Copies are offered when each live exchange is built, between turns of the event loop (bounded wait).
      for (let i = 0; i < 1000 && t.tap.stats().building > 0; i++) await new Promise((resolve) => setImmediate(resolve));
      const metrics = await t.tap.registry.metrics();
      expect(metrics).toContain('understudy_shadow_dropped_total{reason="queue_full"} 7');
      expect(metrics).toContain('understudy_shadow_queue_depth 2');
    } finally {
      await t.close();
      await Promise.all([live.close(), hanging.close()]);
    }
  });
  it("sends the candidate the version's own credentials, never the end user's (headers or query)", async () => {
    const live = await server(liveAnswer);
    const seen: { url: string; headers: [string, string][] }[] = [];
    const recording = await server((req) => {
      seen.push({ url: req.url, headers: [...req.headers.entries()] });
      return Response.json({ ok: true });
    });
    const userSecrets = {
      authorization: 'Bearer sk-enduser-0123456789abcdefghij',
      cookie: 'session=enduser-cookie-value-4242',
      'api-key': 'enduser-azure-key-77777777',
      'x-goog-api-key': 'enduser-goog-key-88888888',
      'x-api-key': 'enduser-x-api-key-99999999',
      'x-auth-token': 'enduser-auth-token-55555555',
    };
    const t = await tapWithShadow(live.url, recording.url, { rate: 1 }, { 'x-api-key': 'version-own-key', 'x-prompt-version': '14' });
    try {
      const res = await request(`${t.url}/v1/chat/completions?key=enduser-query-key-31415926&q=1`, {
        method: 'POST',
        body: '{"q":3}',
        headers: { 'content-type': 'application/json', ...userSecrets },
        dispatcher,
      });
      await res.body.text();
      expect(res.statusCode).toBe(200);
      await shadows(t.store, 1);
      expect(seen).toHaveLength(1);
      const copy = seen[0];
      const headers = new Map(copy?.headers);
      // The version's own headers, the shadow mark, and ordinary request fields pass.
      expect([headers.get('x-api-key'), headers.get('x-prompt-version'), headers.get('x-understudy-shadow')]).toEqual([
        'version-own-key',
        '14',
        '1',
      ]);
      expect(headers.get('content-type')).toBe('application/json');
      expect(new URL(copy?.url ?? '').searchParams.get('q')).toBe('1');
      // No end-user credential anywhere in what the candidate received.
      const received = `${copy?.url}\n${copy?.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}`;
      for (const secret of [...Object.values(userSecrets), 'enduser-query-key-31415926']) expect(received).not.toContain(secret);
      for (const name of ['authorization', 'cookie', 'api-key', 'x-goog-api-key', 'x-auth-token']) expect(headers.has(name)).toBe(false);
    } finally {
      await t.close();
      await Promise.all([live.close(), recording.close()]);
    }
  });

  it('sends the candidate the raw query (minus credentials) and scrubs secrets it echoes back, like a live capture', async () => {
    const live = await server(liveAnswer);
    const urls: string[] = [];
    // The candidate echoes what it was sent: the query string and the request body.
    const echoing = await server(async (req) => {
      urls.push(req.url);
      return Response.json({ url: req.url, body: await req.text() });
    });
    const t = await tapWithShadow(live.url, echoing.url, { rate: 1 });
    try {
      const res = await request(`${t.url}/v1/search?q=a%40b.example&n=1`, {
        method: 'POST',
        body: '{"note":"mail ops@corp.example"}',
        headers: { 'content-type': 'application/json' },
        dispatcher,
      });
      await res.body.text();
      expect(res.statusCode).toBe(200);
      const [shadow] = await shadows(t.store, 1);
      // The candidate must get the request the client sent, not the stored (redacted) query.
      expect(new URL(urls[0] ?? '').searchParams.get('q')).toBe('a@b.example');
      const stored = new TextDecoder().decode(shadow?.responseBody.bytes);
      expect(stored).not.toContain('a@b.example');
      expect(stored).not.toContain('ops@corp.example');
      expect(shadow?.query).not.toContain('a%40b.example');
    } finally {
      await t.close();
      await Promise.all([live.close(), echoing.close()]);
    }
  });

  it('stores a streamed candidate reply with its SSE events, usage and cost, like a live capture', async () => {
    const live = await server(liveAnswer);
    const chunks = [
      { model: 'gpt-4o', choices: [{ delta: { content: 'Hel' } }] },
      { model: 'gpt-4o', choices: [{ delta: { content: 'lo' } }] },
      { model: 'gpt-4o', choices: [], usage: { prompt_tokens: 1000, completion_tokens: 500 } },
    ];
    const streaming = await server(
      () =>
        new Response(`${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`, {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    const t = await tapWithShadow(live.url, streaming.url, { rate: 1 });
    try {
      expect((await post(t.url, '{"model":"gpt-4o","stream":true}')).status).toBe(200);
      const [shadow] = await shadows(t.store, 1);
      expect(shadow?.streamed).toBe(true);
      expect(shadow?.sseEvents?.map((e) => e.data)).toEqual([...chunks.map((c) => JSON.stringify(c)), '[DONE]']);
      // gpt-4o: 1000 input tokens at $2.5/M + 500 output at $10/M.
      expect(shadow?.usage).toEqual({ inputTokens: 1000, outputTokens: 500, costUsd: 0.0075 });
    } finally {
      await t.close();
      await Promise.all([live.close(), streaming.close()]);
    }
  });
});
