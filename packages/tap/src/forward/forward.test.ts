import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@understudy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from './forward.js';
import type { ForwardResult } from './forward-result.js';
import { createUpstreamPools, type UpstreamPools } from './upstream-pools.js';

const listen = async (handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> => {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};
const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('forward: the capture handed to onEnd', () => {
  let upstream: { server: Server; url: string };
  let front: { server: Server; url: string };
  let pools: UpstreamPools;
  const results: ForwardResult[] = [];

  beforeAll(async () => {
    upstream = await listen((req, res) => {
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"n":1}\n\n');
        res.end('event: done\ndata: [DONE]\n\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    pools = createUpstreamPools({ timeouts: { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000 } });
    const target = pools.target({ name: 'stable', upstream: upstream.url, headers: {} });
    front = await listen((incoming, outgoing) =>
      forward({
        incoming,
        outgoing,
        target,
        captureBytes: 65_536,
        clock: systemClock,
        // Kept: the test reads the capture after onEnd, when an unkept one is released (its blocks reused).
        onEnd: (r) => {
          r.capture?.keep();
          results.push(r);
        },
      }),
    );
  });
  afterAll(async () => {
    await close(front.server);
    await pools.close();
    await close(upstream.server);
  });

  const fetchCapture = async (path: string): Promise<NonNullable<ForwardResult['capture']>> => {
    results.length = 0;
    const reply = await fetch(`${front.url}${path}`, { method: 'POST', body: '{"q":1}' });
    await reply.text();
    const capture = results[0]?.capture;
    if (capture === null || capture === undefined) throw new Error(`no capture for ${path}`);
    return capture;
  };

  it('defines no accessor: a getter per request gives each capture its own hidden class, which keeps the request alive through young GCs', async () => {
    for (const path of ['/json', '/stream']) {
      const capture = await fetchCapture(path);
      const accessors = Object.entries(Object.getOwnPropertyDescriptors(capture))
        .filter(([, d]) => d.get !== undefined || d.set !== undefined)
        .map(([name]) => name);
      expect(accessors, path).toEqual([]);
    }
  });

  it("leaves a stream's end-of-stream scan to the first read of its results, not the tick its response ended in", async () => {
    const capture = await fetchCapture('/stream');
    // The scan reads the reply's held parts: counted from here, after onEnd.
    let scans = 0;
    const heldParts = capture.response.heldParts.bind(capture.response);
    capture.response.heldParts = () => {
      scans++;
      return heldParts();
    };
    expect(capture.streamUsage()).toBeUndefined();
    expect(scans).toBe(1);
    expect(capture.sseDropped()).toBe(0);
    expect(capture.sseArrivals()).toHaveLength(2);
    expect(scans).toBe(1);
  });

  it('parses the events of a stream from the held body when asked, once; none for a JSON reply', async () => {
    expect((await fetchCapture('/json')).sseEvents()).toBeNull();
    const capture = await fetchCapture('/stream');
    const events = capture.sseEvents();
    expect(events?.map((e) => [e.event ?? null, e.data])).toEqual([
      [null, '{"n":1}'],
      ['done', '[DONE]'],
    ]);
    expect(capture.sseEvents()).toBe(events);
    expect(Buffer.from(capture.response.body().bytes).toString()).toBe('data: {"n":1}\n\nevent: done\ndata: [DONE]\n\n');
  });
});
