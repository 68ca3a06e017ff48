import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { queryObjects } from 'node:v8';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTap, type TapHarness } from './tap-harness.js';

/** An upstream that reads each request body to its end before answering, as agents do. */
async function startUpstream(): Promise<{ url: string; arrived: () => number; completed: () => number; close(): Promise<void> }> {
  let arrived = 0;
  let completed = 0;
  const server: Server = createServer((req, res) => {
    arrived++;
    req.resume();
    req.on('end', () => {
      completed++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived: () => arrived,
    completed: () => completed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opens a connection and sends a request head plus the first byte of a body it never finishes. */
function slowUpload(tapUrl: string, head: string): Promise<{ socket: Socket; received: () => string; closed: () => boolean }> {
  const { port } = new URL(tapUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (b: Buffer) => {
      received += b.toString('latin1');
    });
    socket.on('close', () => {
      closed = true;
    });
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${head}a`, () => resolve({ socket, received: () => received, closed: () => closed })));
  });
}

const sizedHead = 'POST /upload HTTP/1.1\r\nhost: tap\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\n';
const chunkedHead = 'POST /upload HTTP/1.1\r\nhost: tap\r\ntransfer-encoding: chunked\r\n\r\n1\r\n';

/** Resolves when `check` holds; bounded by the test's own timeout. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setImmediate(r));
}

describe('slow clients cannot starve the tap', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: TapHarness;
  const dispatcher = new Agent({ connections: 4 });

  beforeAll(async () => {
    upstream = await startUpstream();
    // A small upstream pool makes exhaustion cheap to reach; the body idle timeout is long so
    // that the slow uploads are certainly still open when the normal request is sent.
    h = await startTap(upstream.url, { tap: { connections: 16, timeouts: { clientBodyIdleMs: 120_000 } } });
  });
  afterAll(async () => {
    await dispatcher.close();
    await h.close();
    await upstream.close();
  });

  it('answers a normal request while 1 000 slow uploads are open, none of which holds an upstream connection', async () => {
    const uploads = [];
    for (let i = 0; i < 1000; i++) uploads.push(await slowUpload(h.url, sizedHead));
    try {
      const res = await request(`${h.url}/normal`, { dispatcher });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toEqual({ ok: true });
      // Causal, not timed: every slow upload is still open and unanswered, and none reached the upstream.
      expect(uploads.filter((u) => u.closed() || u.received() !== '')).toHaveLength(0);
      expect(upstream.arrived()).toBe(1);
    } finally {
      for (const u of uploads) u.socket.destroy();
    }
  }, 60_000);

  it('holds a body that trickles in byte by byte as its declared bytes, not one buffer per chunk (soak: +42 000 buffers with 1 000 such uploads)', async () => {
    const length = 3_000;
    const upload = await slowUpload(h.url, sizedHead.replace('content-length: 100', `content-length: ${length}`));
    try {
      upload.socket.setNoDelay(true);
      const buffers = (): number => queryObjects(Uint8Array, { format: 'count' });
      const before = buffers();
      // Each byte its own TCP segment, read by the tap (in this process) before the next is sent.
      for (let i = 1; i < length - 1; i++) {
        await new Promise<void>((resolve) => upload.socket.write('b', () => resolve()));
        await new Promise((r) => setImmediate(r));
        await new Promise((r) => setImmediate(r));
      }
      const held = buffers() - before;
      // Before the fix the gate kept every chunk: about 3 000 more buffers here.
      expect(held).toBeLessThan(300);
      upload.socket.write('c');
      await until(() => upload.received().includes('200 OK'));
      expect(upstream.completed()).toBeGreaterThanOrEqual(1);
    } finally {
      upload.socket.destroy();
    }
  }, 60_000);
});

describe('idle timeouts', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: TapHarness;

  beforeAll(async () => {
    upstream = await startUpstream();
    h = await startTap(upstream.url, { tap: { connections: 4, timeouts: { clientHeadersMs: 200, clientBodyIdleMs: 200 } } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('answers 408 and closes a body that stops arriving, before any upstream connection is taken', async () => {
    const before = upstream.arrived();
    const u = await slowUpload(h.url, sizedHead);
    await until(() => u.closed());
    expect(u.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(u.received()).toContain('"code":"request_timeout"');
    expect(upstream.arrived()).toBe(before);
  });

  it('cuts a streamed (chunked) upload that stops arriving and frees its upstream connection', async () => {
    const u = await slowUpload(h.url, chunkedHead);
    await until(() => u.closed());
    expect(u.received()).toMatch(/^HTTP\/1\.1 408 /);
    // The pool has 4 connections; were they held by dead uploads, these would wait forever.
    const stalled = await Promise.all([0, 1, 2, 3].map(() => slowUpload(h.url, chunkedHead)));
    await until(() => stalled.every((s) => s.closed()));
    const res = await request(`${h.url}/after`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
  });

  it('closes a connection whose request head never completes (slowloris)', async () => {
    const u = await slowUpload(h.url, 'GET / HTTP/1.1\r\nhost: tap\r\nx-slow: ');
    await until(() => u.closed());
    expect(u.received()).toMatch(/^(HTTP\/1\.1 408 [\s\S]*)?$/);
  });
});
