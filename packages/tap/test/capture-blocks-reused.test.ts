import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureBlocks } from '@understudy/capture';
import type { Store } from '@understudy/store';
import { sqliteWorkerSink } from '@understudy/store';
import { type CaptureSink, storeSink } from '@understudy/tap';
import { afterEach, describe, expect, it } from 'vitest';
import { within } from './sse-streams.js';
import { startTap } from './tap-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

const events = 120;

/** Stream `n`'s events: its own letter and number in each, ~200 bytes, so two streams' bytes never look alike. */
function streamEvent(n: number, i: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return `data: {"n":${n},"i":${i},"t":"${letter.repeat(150)}"}\n\n`;
}

/** An SSE upstream: `/s/N` streams stream N's events, one write a turn of its event loop, so streams interleave. */
async function upstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    const n = Number(req.url?.split('/')[2] ?? 0);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let i = 0;
    const next = (): void => {
      if (i === events) return void res.end();
      res.write(streamEvent(n, i++));
      setImmediate(next);
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One streamed POST; resolves with every byte the client got. */
function fetchStream(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve(text));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end('{"stream":true}');
  });
}

const sinks: [string, ((store: Store, file: string) => CaptureSink) | undefined][] = [
  // The writer thread builds: the tap packs each finished stream (deferred: each is over 16 KB).
  ['the writer thread builds', (_store, file) => sqliteWorkerSink({ url: file })],
  // The proxy's thread builds each exchange from its captures.
  ['the proxy builds', (store) => storeSink(store)],
];

describe.each(sinks)('capture blocks reused across streams (%s)', (_name, sink) => {
  it('never put one stream’s bytes in another’s exchange', async () => {
    const up = await upstream();
    cleanup.push(up.close);
    const h = await startTap(up.url, sink === undefined ? {} : { sink });
    cleanup.push(() => h.close());
    const reusedBefore = captureBlocks.reused;
    // 24 streams, four at a time: each starts as one ends, so the blocks a finished stream gives
    // back are taken by streams still under way while its exchange is built.
    const got = new Map<number, string>();
    let started = 0;
    const lane = async (): Promise<void> => {
      while (started < 24) {
        const n = started++;
        got.set(n, await fetchStream(`${h.url}/s/${n}`));
      }
    };
    await within(Promise.all([lane(), lane(), lane(), lane()]), 20_000, '24 streams');
    await h.tap.flush();
    expect(h.tap.stats()).toMatchObject({ captured: 24, dropped: 0 });
    expect(captureBlocks.reused).toBeGreaterThan(reusedBefore);
    const { items } = await h.store.exchanges.list({}, { limit: 100 });
    expect(items).toHaveLength(24);
    for (const e of items) {
      const n = Number(e.path.split('/')[2]);
      const sent = Array.from({ length: events }, (_, i) => streamEvent(n, i)).join('');
      expect(got.get(n)).toBe(sent);
      expect(Buffer.from(e.responseBody.bytes).toString('latin1')).toBe(sent);
      expect(e.sseEvents?.map((event) => event.data)).toEqual(Array.from({ length: events }, (_, i) => streamEvent(n, i).slice(6, -2)));
    }
  }, 30_000);
});
