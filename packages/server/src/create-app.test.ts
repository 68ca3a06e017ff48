import type { Exchange } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { testExchange } from '@understudy/store/testing';
import { Counter, Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';

const token = 'test-admin-token-123';
const auth = { authorization: `Bearer ${token}` };
const utf8 = (s: string) => new TextEncoder().encode(s);

function exchange(over: Partial<Exchange> & { id: string }): Exchange {
  return testExchange(over.id, {
    startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
    requestHeaders: { authorization: '[REDACTED]' },
    requestBody: { bytes: utf8('{"messages":[]}'), size: 15, truncated: false },
    responseHeaders: { 'content-type': 'text/event-stream' },
    streamed: true,
    sseEvents: [{ at: 1.5, data: '[DONE]' }],
    ttfbMs: 1,
    durationMs: 2,
    ...over,
  });
}

describe('control plane', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const get = (path: string, headers: Record<string, string> = auth) => app.request(path, { headers });

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, adminToken: token });
  });
  afterEach(async () => {
    await store.close();
  });

  it('serves /healthz without a token and refuses everything else without one', async () => {
    expect((await get('/healthz', {})).status).toBe(200);
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: token }] as Record<string, string>[]) {
      const res = await get('/api/exchanges', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect((await get('/metrics', {})).status).toBe(401);
  });

  it('lists exchanges newest first with cursor paging and decoded bodies', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => exchange({ id: `0${i}`, startedAt: Date.UTC(2026, 0, 1, 12, i) }));
    await store.exchanges.insertMany(rows);
    const first = await get('/api/exchanges?limit=2');
    expect(first.status).toBe(200);
    const page = (await first.json()) as {
      items: { id: string; startedAt: string; requestBody: unknown; sseEvents: unknown }[];
      nextCursor: string;
    };
    expect(page.items.map((e) => e.id)).toEqual(['04', '03']);
    expect(page.items[0]?.startedAt).toBe('2026-01-01T12:04:00.000Z');
    expect(page.items[0]?.requestBody).toEqual({ encoding: 'utf8', text: '{"messages":[]}', size: 15, truncated: false });
    expect(page.items[0]?.sseEvents).toEqual([{ at: 1.5, data: '[DONE]' }]);
    const rest = (await (await get(`/api/exchanges?limit=10&cursor=${page.nextCursor}`)).json()) as {
      items: { id: string }[];
      nextCursor: null;
    };
    expect(rest.items.map((e) => e.id)).toEqual(['02', '01', '00']);
    expect(rest.nextCursor).toBeNull();
  });

  it('applies every filter', async () => {
    await store.exchanges.insertMany([
      exchange({ id: '01', startedAt: 1_000, status: 200 }),
      exchange({ id: '02', startedAt: 2_000, status: 503, path: '/v1/messages' }),
      exchange({ id: '03', startedAt: 3_000, status: 502, version: 'candidate', role: 'shadow', method: 'GET' }),
    ]);
    const ids = async (query: string) =>
      ((await (await get(`/api/exchanges?${query}`)).json()) as { items: { id: string }[] }).items.map((e) => e.id);
    expect(await ids('status=5xx')).toEqual(['03', '02']);
    expect(await ids('status=200')).toEqual(['01']);
    expect(await ids('path=/v1/mess*')).toEqual(['02']);
    expect(await ids('version=candidate')).toEqual(['03']);
    expect(await ids('role=shadow')).toEqual(['03']);
    expect(await ids('method=get')).toEqual(['03']);
    expect(await ids('since=2000&until=3000')).toEqual(['02']);
    expect(await ids('since=1970-01-01T00:00:02Z')).toEqual(['03', '02']);
  });

  it('rejects a bad filter with a 400 that names it', async () => {
    for (const [query, name] of [
      ['since=yesterday', 'since'],
      ['status=2xxx', 'status'],
      ['limit=0', 'limit'],
      ['role=robot', 'role'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await get(`/api/exchanges?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toContain(`"${name}"`);
    }
  });

  it('shows one exchange, base64 for binary bodies, and a JSON 404 when missing', async () => {
    await store.exchanges.insertMany([
      exchange({ id: 'BIN', responseBody: { bytes: new Uint8Array([0xff, 0xfe, 0x00]), size: 3, truncated: false } }),
      // Cut inside "é" (0xc3 0xa9): still text, the partial character left out.
      exchange({ id: 'CUT', responseBody: { bytes: new Uint8Array([0x63, 0x61, 0x66, 0xc3]), size: 10, truncated: true } }),
    ]);
    const bin = (await (await get('/api/exchanges/BIN')).json()) as { responseBody: unknown };
    expect(bin.responseBody).toEqual({ encoding: 'base64', text: '//4A', size: 3, truncated: false });
    const cut = (await (await get('/api/exchanges/CUT')).json()) as { responseBody: unknown };
    expect(cut.responseBody).toEqual({ encoding: 'utf8', text: 'caf', size: 10, truncated: true });
    const missing = await get('/api/exchanges/NOPE');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('creates and lists versions, validating the body', async () => {
    const post = (body: string) =>
      app.request('/api/versions', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    const created = await post(
      JSON.stringify({ name: 'candidate', upstream: 'http://127.0.0.1:9000', headers: { 'x-prompt-version': '13' } }),
    );
    expect(created.status).toBe(201);
    const list = (await (await get('/api/versions')).json()) as { items: unknown[] };
    expect(list.items).toEqual([{ name: 'candidate', upstream: 'http://127.0.0.1:9000', headers: { 'x-prompt-version': '13' } }]);

    const bad = [
      ['{"name":"a b","upstream":"http://x"}', 'name'],
      ['{"name":"ok","upstream":"ftp://x"}', 'upstream'],
      ['{"name":"ok","upstream":"http://x","extra":1}', 'extra'],
      ['{nope', 'JSON'],
    ] as const;
    for (const [body, mention] of bad) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(mention);
    }
    expect((await post(JSON.stringify({ name: 'x', upstream: 'http://x', headers: { a: 'b'.repeat(70_000) } }))).status).toBe(413);
  });

  it('never echoes an upstream credential stored with a version, while the store keeps it usable', async () => {
    const headers = {
      authorization: 'Bearer sk-upstream-secret',
      'x-api-key': 'k-123456',
      'openai-api-key': 'k-2',
      'x-prompt-version': '14',
    };
    const created = await app.request('/api/versions', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'secured', upstream: 'http://127.0.0.1:9001', headers }),
    });
    const shown = { authorization: '[hidden]', 'x-api-key': '[hidden]', 'openai-api-key': '[hidden]', 'x-prompt-version': '14' };
    expect(((await created.json()) as { headers: unknown }).headers).toEqual(shown);
    const list = (await (await get('/api/versions')).json()) as { items: { name: string; headers: unknown }[] };
    expect(list.items.find((v) => v.name === 'secured')?.headers).toEqual(shown);
    expect((await store.versions.get('secured'))?.headers).toEqual(headers);
  });

  it('answers unknown routes and unexpected failures with JSON, without leaking stacks', async () => {
    const unknown = await get('/api/nothing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    await store.close();
    const broken = await get('/api/versions');
    expect(broken.status).toBe(500);
    const text = await broken.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal error' } });
    store = await openStore({ url: ':memory:' });
  });

  it('serves the shared registry plus its own request counters at /metrics', async () => {
    const registry = new Registry();
    new Counter({ name: 'understudy_tap_requests_total', help: 'tap requests', registers: [registry] }).inc(3);
    app = createApp({ store, adminToken: token, registry });
    await get('/api/versions');
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('understudy_tap_requests_total 3');
    expect(text).toMatch(/understudy_control_requests_total\{method="GET",route="\/api\/versions",status="200"\} 1/);
    // A second app on the same registry reuses the metrics instead of throwing.
    expect(() => createApp({ store, adminToken: token, registry })).not.toThrow();
  });
});
