import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { parseConfig, seededRandom, silentLogger, systemClock } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { createCanarySplit, createRoutingWatcher, createTap, storeSink, type Tap } from '@understudy/tap';
import { afterEach, describe, expect, it } from 'vitest';

interface Upstream {
  readonly url: string;
  hits: number;
  failing: boolean;
  close(): Promise<void>;
}

async function upstream(name: string): Promise<Upstream> {
  const state = { hits: 0, failing: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.hits++;
      if (state.failing) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ served: name, echo: Buffer.concat(chunks).toString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    set hits(v: number) {
      state.hits = v;
    },
    get failing() {
      return state.failing;
    },
    set failing(v: boolean) {
      state.failing = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('canary split in the tap', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  async function setup(): Promise<{
    tapUrl: string;
    store: Store;
    stable: Upstream;
    candidate: Upstream;
    tap: Tap;
    refresh: () => Promise<void>;
    requests: (listener: () => void) => void;
  }> {
    const dir = mkdtempSync(join(tmpdir(), 'us-split-'));
    const store = await openStore({ url: join(dir, 'db.sqlite') });
    const stable = await upstream('stable');
    const candidate = await upstream('v2');
    await store.versions.upsert({ name: 'stable', upstream: stable.url, headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: candidate.url, headers: {} });
    const watcher = createRoutingWatcher({ source: store, route: 'stable', clock: systemClock, logger: silentLogger, pollMs: 100 });
    await watcher.start();
    const config = parseConfig({ versions: [{ name: 'stable', upstream: stable.url }] });
    const tap = createTap({
      config: config.tap,
      version: { name: 'stable', upstream: stable.url, headers: {} },
      sink: storeSink(store),
      redactionKey: 'test-redaction-key-0123456789abcdef',
      random: seededRandom(9),
      split: createCanarySplit({ watcher, random: seededRandom(10) }),
    });
    const server = serve({ fetch: tap.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    cleanups.push(async () => {
      watcher.stop();
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tap.close();
      await stable.close();
      await candidate.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return {
      tapUrl: `http://127.0.0.1:${port}`,
      store,
      stable,
      candidate,
      tap,
      refresh: () => watcher.refresh(),
      requests: (listener: () => void) => server.on('request', listener),
    };
  }

  const routing = (weight: number, sticky: string | null, over: { candidate?: string | null; fallback?: boolean } = {}) => ({
    route: 'stable',
    primary: 'stable',
    candidate: over.candidate === undefined ? 'v2' : over.candidate,
    weight,
    sticky,
    fallback: over.fallback ?? false,
    canaryId: 'C1',
  });

  async function call(
    url: string,
    headers: Record<string, string> = {},
    body = '{}',
  ): Promise<{ version: string | null; status: number; json: { served?: string } }> {
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { version: res.headers.get('x-understudy-version'), status: res.status, json: (await res.json()) as { served?: string } };
  }

  it('keeps each sticky key on one version across steps, and only ever moves keys to the candidate', async () => {
    const { tapUrl, store, refresh } = await setup();
    const users = Array.from({ length: 150 }, (_, i) => `user-${i}`);
    const seen = new Map<string, string>();
    let previousOnCandidate = new Set<string>();
    for (const weight of [5, 25, 50, 100]) {
      await store.routing.set(routing(weight, 'header:x-user'), 0);
      await refresh();
      const onCandidate = new Set<string>();
      for (const user of users) {
        const a = await call(tapUrl, { 'x-user': user });
        const b = await call(tapUrl, { 'x-user': user });
        expect(b.version).toBe(a.version); // the same key, the same version within a step
        if (a.version === 'v2') onCandidate.add(user);
        seen.set(user, a.version ?? '');
      }
      for (const user of previousOnCandidate) expect(onCandidate.has(user)).toBe(true);
      const share = onCandidate.size / users.length;
      expect(Math.abs(share - weight / 100)).toBeLessThan(0.15);
      previousOnCandidate = onCandidate;
    }
    expect([...seen.values()].every((v) => v === 'v2')).toBe(true);
    // 1 200 sequential requests: ~2.5 s on CI's two cores, past the default 20 s when eight sessions share them.
  }, 60_000);

  it('splits requests without a key one by one, and reads a JSON sticky key from the body', async () => {
    const { tapUrl, store, refresh } = await setup();
    await store.routing.set(routing(50, 'json:$.metadata.conversation_id'), 0);
    await refresh();
    const versions = new Set<string | null>();
    for (let i = 0; i < 40; i++) versions.add((await call(tapUrl)).version);
    expect(versions).toEqual(new Set(['stable', 'v2']));
    for (const id of ['c-1', 'c-2', 'c-3', 'c-4']) {
      const body = JSON.stringify({ model: 'x', metadata: { conversation_id: id } });
      const first = await call(tapUrl, {}, body);
      for (let i = 0; i < 5; i++) expect((await call(tapUrl, {}, body)).version).toBe(first.version);
      expect(first.json.served).toBe(first.version);
    }
  });

  it('serves a failing candidate request from stable and counts it against the candidate', async () => {
    const { tapUrl, store, candidate, tap, refresh } = await setup();
    candidate.failing = true;
    await store.routing.set(routing(100, null, { fallback: true }), 0);
    await refresh();
    const res = await call(tapUrl, {}, '{"q":"hello"}');
    expect(res).toMatchObject({ status: 200, version: 'stable', json: { served: 'stable' } });
    expect((res.json as { echo?: string }).echo).toBe('{"q":"hello"}'); // the body was sent again
    await tap.flush();
    const rows = (await store.exchanges.list()).items;
    const failed = rows.find((e) => e.version === 'v2');
    const served = rows.find((e) => e.version === 'stable');
    expect(failed).toMatchObject({ status: 500, parentId: null });
    expect(failed?.error?.code).toBe('upstream_error');
    expect(served?.parentId).toBe(failed?.id);
    // Without fallback, the client sees the candidate's 500.
    await store.routing.set(routing(100, null, { fallback: false }), 0);
    await refresh();
    expect((await call(tapUrl)).status).toBe(500);
  });

  // The within-a-second bound is proven with a manual clock in routing-watcher.test.ts and measured
  // by bench:canary; here, over real sockets, the rollback lands and the candidate gets nothing after.
  it('applies a rollback, after which no request reaches the candidate', async () => {
    const { tapUrl, store, candidate } = await setup();
    await store.routing.set(routing(100, null), 0);
    // Wait (bounded) for the poller to pick the routing up.
    const deadline = performance.now() + 3000;
    while ((await call(tapUrl)).version !== 'v2' && performance.now() < deadline);
    expect((await call(tapUrl)).version).toBe('v2');
    const t0 = performance.now();
    await store.routing.set(routing(0, null, { candidate: null }), 0);
    let switched = Number.POSITIVE_INFINITY;
    while (performance.now() - t0 < 3000) {
      if ((await call(tapUrl)).version === 'stable') {
        switched = performance.now() - t0;
        break;
      }
    }
    expect(Number.isFinite(switched)).toBe(true);
    const hits = candidate.hits;
    for (let i = 0; i < 20; i++) expect((await call(tapUrl)).version).toBe('stable');
    expect(candidate.hits).toBe(hits);
  });

  it('answers a request whose buffered body completes after close() with a JSON 503, not an unhandled rejection', async () => {
    const { tapUrl, store, tap, refresh, requests } = await setup();
    await store.routing.set(routing(100, null, { fallback: true }), 0);
    await refresh();
    const arrived = new Promise<void>((resolve) => requests(() => resolve()));
    const url = new URL(`${tapUrl}/v1/chat/completions`);
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
    });
    req.write('{"q":');
    // The split is now buffering the body (fallback needs it); the tap shuts down meanwhile.
    await arrived;
    await tap.close();
    req.end('"xy"}');
    const res = await answered;
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unavailable' } });
  });
});
