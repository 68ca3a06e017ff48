import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureBatch } from './capture-batch.js';
import { forward } from './forward.js';
import type { ForwardResult } from './forward-result.js';
import { createUpstreamPools, type UpstreamPools } from './upstream-pools.js';

const listen = async (handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> => {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
};
const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('forward: a response chunk reaches the client before any capture work on it', () => {
  const servers: Server[] = [];
  let pools: UpstreamPools | undefined;
  afterEach(async () => {
    await pools?.close();
    for (const s of servers.splice(0)) await close(s);
  });

  it('captures a chunk only when the turn batch runs, and every chunk (in order) by the time onEnd reads the capture', async () => {
    // The upstream sends one event, then the rest when told.
    let sendRest: (() => void) | undefined;
    const upstream = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n');
      sendRest = () => {
        res.write('data: {"n":2}\n\n');
        res.end('data: [DONE]\n\n');
      };
    });
    servers.push(upstream);
    pools = createUpstreamPools({ timeouts: { connectMs: 2_000, headersMs: 5_000, bodyMs: 5_000 } });
    const target = pools.target({ name: 'stable', upstream: urlOf(upstream), headers: {} });
    // Turns run by hand: the capture work of a turn waits until the test runs it.
    const turns: (() => void)[] = [];
    const batch = new CaptureBatch((run) => turns.push(run));
    // What the capture reserved, in order: each reservation is a chunk being copied for capture.
    const taken: number[] = [];
    const budget = {
      take: (bytes: number) => {
        taken.push(bytes);
        return bytes;
      },
      release: () => {},
    };
    const ended: ForwardResult[] = [];
    const front = await listen((incoming, outgoing) =>
      forward({
        incoming,
        outgoing,
        target,
        captureBytes: 65_536,
        budget,
        clock: systemClock,
        captureBatch: batch,
        onEnd: (r) => ended.push(r),
      }),
    );
    servers.push(front);

    const requestBody = '{"q":1}';
    const firstEvent = 'data: {"n":1}\n\n';
    // What the capture had reserved when the client got the first event, and after that turn's batch ran.
    let atClient: { taken: number[]; turns: number } | undefined;
    let afterTurn: number[] | undefined;
    const done = new Promise<void>((resolve, reject) => {
      const req = request(`${urlOf(front)}/v1/chat`, { method: 'POST' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', () => {
          if (atClient !== undefined) return;
          atClient = { taken: [...taken], turns: turns.length };
          for (const run of turns.splice(0)) run();
          afterTurn = [...taken];
          sendRest?.();
        });
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end(requestBody);
    });
    await done;
    // The first event was at the client while its capture still waited for the turn's batch (only the request body was taken).
    expect(atClient).toEqual({ taken: [requestBody.length], turns: 1 });
    expect(afterTurn).toEqual([requestBody.length, Buffer.byteLength(firstEvent)]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The last chunks' turn never ran: the forward took them itself before handing over its capture.
    const capture = ended[0]?.capture;
    expect(capture).toBeTruthy();
    expect(Buffer.from(capture?.response.body().bytes ?? []).toString()).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
    expect(capture?.sseEvents()?.map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}', '[DONE]']);
    expect(capture?.sseArrivals === undefined).toBe(false);
    // A batch that runs after the forward ended finds nothing left to take.
    const before = taken.length;
    for (const run of turns.splice(0)) run();
    expect(taken).toHaveLength(before);
  });
});
