import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, pattern, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

let upstream: LlmUpstream;
let h: TapHarness;
// No connection reuse between cases: each test sees its own request on the upstream.
const dispatcher = new Agent({ pipelining: 0 });

beforeAll(async () => {
  upstream = await startLlmUpstream();
  h = await startTap(upstream.url, { tap: { capture: { maxBodyBytes: 64 * 1024 } } });
});

afterAll(async () => {
  await dispatcher.close();
  await h.close();
  await upstream.close();
});

/** Sends a raw HTTP/1.1 request with `Connection: close` semantics and returns the raw response. */
async function rawRequest(head: string): Promise<string> {
  const { port } = new URL(h.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(`${head}\r\n\r\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function lastCaptured(path: string) {
  await h.tap.flush();
  const page = await h.store.exchanges.list({ path });
  const found = page.items[0];
  if (found === undefined) throw new Error(`no exchange captured for ${path}`);
  return found;
}

describe('passthrough', () => {
  it('forwards method, path and query and returns the JSON body byte for byte', async () => {
    const res = await request(`${h.url}/echo?x=1&y=two`, {
      method: 'PATCH',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
      dispatcher,
    });
    const body = (await res.body.json()) as { method: string; url: string; body: string };
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-understudy-version']).toBe('stable');
    expect(body).toMatchObject({ method: 'PATCH', url: '/echo?x=1&y=two', body: '{"a":1}' });
  });

  it('passes binary bodies through untouched', async () => {
    const res = await request(`${h.url}/binary/300000`, { dispatcher });
    const got = Buffer.from(await res.body.arrayBuffer());
    expect(got.equals(upstream.binary.get(300000) as Buffer)).toBe(true);
  });

  it('passes gzip-encoded bodies through encoded and stores the decoded copy', async () => {
    const res = await request(`${h.url}/gzip`, { dispatcher });
    expect(res.headers['content-encoding']).toBe('gzip');
    const raw = Buffer.from(await res.body.arrayBuffer());
    const plain = gunzipSync(raw).toString('utf8');
    expect(JSON.parse(plain)).toMatchObject({ message: 'compressed hello' });
    const ex = await lastCaptured('/gzip');
    expect(Buffer.from(ex.responseBody.bytes).toString('utf8')).toBe(plain);
    expect(ex.responseBody.size).toBe(raw.length);
    expect(ex.responseHeaders['x-understudy-decoded']).toBe('gzip');
    expect(ex.responseHeaders['content-encoding']).toBeUndefined();
  });

  it('gives the client every byte of a body past the cap; the store keeps size and digest of a body that is not text', async () => {
    const n = 1_000_000;
    const res = await request(`${h.url}/large/${n}`, { dispatcher });
    const got = Buffer.from(await res.body.arrayBuffer());
    expect(got.length).toBe(n);
    expect(got.equals(pattern(0, n))).toBe(true);
    const ex = await lastCaptured(`/large/${n}`);
    // Typed text/plain but not UTF-8: never stored raw (issue 10), only flagged with its size and a keyed digest.
    expect(ex.responseBody.truncated).toBe(true);
    expect(ex.responseBody.size).toBe(n);
    expect(ex.responseBody.bytes.length).toBe(0);
    expect(ex.responseHeaders['x-understudy-omitted']).toMatch(/^binary; size=1000000; digest=[0-9a-f]{24}$/);
    expect(ex.streamed).toBe(true);
  });

  it('streams a large request body upstream; an octet-stream body is stored as size and digest only', async () => {
    const big = pattern(0, 200_000);
    const res = await request(`${h.url}/echo`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/octet-stream' },
      dispatcher,
    });
    await res.body.dump();
    const seen = upstream.seen.at(-1);
    expect(seen?.body.equals(big)).toBe(true);
    const ex = await lastCaptured('/echo');
    expect(ex.requestBody).toMatchObject({ size: 200_000, truncated: true });
    expect(ex.requestBody.bytes.length).toBe(0);
    expect(ex.requestHeaders['x-understudy-omitted']).toMatch(/^binary; size=200000; digest=[0-9a-f]{24}$/);
  });
});

describe('headers', () => {
  it('answers 400 to a request with two Host headers and forwards nothing (RFC 9112 §3.2)', async () => {
    const before = upstream.seen.length;
    const raw = await rawRequest(['GET /echo HTTP/1.1', 'Host: tap.example', 'Host: other.example', 'Connection: close'].join('\r\n'));
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"code":"bad_request"');
    expect(upstream.seen.length).toBe(before);
  });

  it('strips forged x-understudy-* and hop-by-hop headers, adds version headers and x-forwarded-*', async () => {
    // A raw request: HTTP clients refuse to send some of these headers themselves.
    const raw = await rawRequest(
      [
        'GET /echo HTTP/1.1',
        'Host: tap.example',
        'X-Understudy-Shadow: 1',
        'X-Understudy-Exchange: forged',
        'x-understudy-version: candidate',
        'Connection: close, X-Drop-Me',
        'X-Drop-Me: gone',
        'Keep-Alive: timeout=5',
        'TE: trailers',
        'Upgrade: h2c',
        'X-Keep-Me: kept',
        'X-Forwarded-For: 10.0.0.1',
      ].join('\r\n'),
    );
    const echoed = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { headers: Record<string, string> };
    const seen = echoed.headers;
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.toLowerCase()).toContain('x-understudy-version: stable');
    // Only the tap's own correlation header gets through: the id of this exchange, never the client's.
    expect(Object.keys(seen).filter((k) => k.startsWith('x-understudy-'))).toEqual(['x-understudy-exchange']);
    expect(seen['x-understudy-exchange']).toMatch(/^[A-Za-z0-9._-]+; sig=[A-Za-z0-9_-]{22}$/);
    expect(seen['x-understudy-exchange']).not.toBe('forged');
    expect(seen['x-drop-me']).toBeUndefined();
    expect(seen.te).toBeUndefined();
    expect(seen.upgrade).toBeUndefined();
    expect(seen['keep-alive']).toBeUndefined();
    expect(seen['x-keep-me']).toBe('kept');
    expect(seen['x-prompt-version']).toBe('13');
    expect(seen['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-host']).toBe('tap.example');
    expect(seen.host).toBe(new URL(upstream.url).host);
    // The capture does not keep forged reserved headers either.
    const ex = await lastCaptured('/echo');
    expect(Object.keys(ex.requestHeaders).filter((k) => k.startsWith('x-understudy-'))).toEqual([]);
  });

  it('forwards an absolute-form request to the configured upstream, never the named host', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(h.url);
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'GET', path: 'http://evil.example:9/echo?via=absolute', headers: { host: 'evil.example:9' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(upstream.seen.at(-1)?.url).toBe('/echo?via=absolute');
  });
});

describe('upstream failures', () => {
  it('answers 502 upstream_unreachable for a closed port and records the failure', async () => {
    const dead = await startTap('http://127.0.0.1:1');
    try {
      const body = JSON.stringify({ messages: [{ role: 'user', content: 'refund order 7' }] });
      const res = await request(`${dead.url}/v1/chat/completions`, { method: 'POST', body, dispatcher });
      expect(res.statusCode).toBe(502);
      expect(((await res.body.json()) as { error: { code: string } }).error.code).toBe('upstream_unreachable');
      // The request body is kept even though the upstream never read it, so the capture can be replayed.
      let items: Awaited<ReturnType<typeof dead.store.exchanges.list>>['items'] = [];
      for (let i = 0; i < 200 && items.length === 0; i++) {
        await dead.tap.flush();
        items = (await dead.store.exchanges.list()).items;
        if (items.length === 0) await new Promise((r) => setTimeout(r, 10));
      }
      const [ex] = items;
      expect(ex?.status).toBeNull();
      expect(ex?.error?.code).toBe('upstream_unreachable');
      expect(new TextDecoder().decode(ex?.requestBody.bytes)).toBe(body);
      expect(ex?.requestBody).toMatchObject({ size: body.length, truncated: false });
    } finally {
      await dead.close();
    }
  });

  it('answers 504 upstream_timeout when headers do not arrive in time', async () => {
    const slow = await startTap(upstream.url, { tap: { timeouts: { headersMs: 150 } } });
    try {
      const t0 = performance.now();
      const res = await request(`${slow.url}/slow`, { dispatcher });
      expect(res.statusCode).toBe(504);
      expect(((await res.body.json()) as { error: { code: string } }).error.code).toBe('upstream_timeout');
      expect(performance.now() - t0).toBeLessThan(5_000);
      await slow.tap.flush();
      const [ex] = (await slow.store.exchanges.list()).items;
      expect(ex?.error?.code).toBe('upstream_timeout');
    } finally {
      await slow.close();
    }
  });

  it('cuts the client response when the upstream dies mid-stream, and records the error', async () => {
    const res = await request(`${h.url}/die`, { dispatcher });
    expect(res.statusCode).toBe(200);
    await expect(res.body.text()).rejects.toThrow();
    const ex = await lastCaptured('/die');
    expect(ex.error?.code).toBe('upstream_error');
    expect(Buffer.from(ex.responseBody.bytes).toString()).toBe('partial ');
  });

  it('cancels the upstream request when the client disconnects, recording it on the exchange', async () => {
    const { port } = new URL(h.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /sse/gated HTTP/1.1\r\nhost: x\r\n\r\n');
    // Leave as soon as the first event arrived; the upstream is still holding the stream open.
    await new Promise<void>((resolve) => socket.on('data', (d: Buffer) => d.toString().includes('data: one') && resolve()));
    socket.destroy();
    for (let i = 0; i < 200; i++) {
      await h.tap.flush();
      const ex = (await h.store.exchanges.list({ path: '/sse/gated' })).items[0];
      if (ex?.error?.code === 'client_disconnected') {
        expect(ex.sseEvents?.[0]).toMatchObject({ event: 'first', id: '1', data: 'one' });
        return;
      }
      await new Promise((r) => setImmediate(r));
    }
    throw new Error('the disconnect was never recorded');
  });
});

describe('own endpoints', () => {
  it('serves health and Prometheus metrics under the reserved prefix', async () => {
    const health = await request(`${h.url}/_understudy/healthz`, { dispatcher });
    expect(await health.body.json()).toMatchObject({ status: 'ok', version: 'stable', capture: { healthy: true, lastError: null } });
    const metrics = await request(`${h.url}/_understudy/metrics`, { dispatcher });
    const text = await metrics.body.text();
    expect(text).toContain('understudy_tap_requests_total{version="stable",status="200"}');
    expect(text).toContain('understudy_tap_request_duration_seconds_bucket');
    expect(text).toContain('understudy_tap_ttfb_seconds_bucket');
    expect(text).toContain('understudy_tap_capture_queue_depth');
    expect(text).toContain('understudy_tap_captured_total');
    const other = await request(`${h.url}/_understudy/nope`, { dispatcher });
    expect(other.statusCode).toBe(404);
    await other.body.dump();
  });
});

/** Sends `path` exactly as given (a WHATWG URL would resolve its dot segments first). */
function rawPathGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dot segments', () => {
  it('resolves . and .. (also %2e) before forwarding, and refuses a path that climbs above the base with 400', async () => {
    const based = await startTap(`${upstream.url}/base`);
    try {
      const before = upstream.seen.length;
      for (const path of ['/../admin', '/v1/../../admin', '/%2e%2e/admin', '/v1/.%2E/%2e%2E/admin?x=1']) {
        const res = await rawPathGet(based.url, path);
        expect([path, res.status, JSON.parse(res.body).error?.code]).toEqual([path, 400, 'bad_request']);
      }
      expect(upstream.seen.length).toBe(before);
      // Forwarded resolved (the test upstream answers 404 for paths it does not serve).
      expect((await rawPathGet(based.url, '/v1/./x/../echo?q=1')).status).toBe(404);
      expect(upstream.seen.at(-1)?.url).toBe('/base/v1/echo?q=1');
    } finally {
      await based.close();
    }
  });
});
