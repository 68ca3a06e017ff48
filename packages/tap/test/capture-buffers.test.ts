import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from '@understudy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTap, type TapHarness } from './tap-harness.js';

const completion = JSON.stringify({ id: 'c1', choices: [{ message: { role: 'assistant', content: 'done '.repeat(300) } }] });

/**
 * A small body is an allocation from Node's shared 8 KB pool (the upload gate's concat, a
 * redacted body's `Buffer.from`): a view into it makes the writer hand-off (a structured clone)
 * copy the whole pool per body, and keeps the pool alive while the exchange waits in the queue.
 */
describe('the exchanges a tap hands its sink', () => {
  let upstream: Server;
  let harness: TapHarness;
  const written: Exchange[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(completion));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    harness = await startTap(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, {
      sink: () => ({
        write: async (batch) => {
          written.push(...(batch as readonly Exchange[]));
        },
      }),
    });
  });
  afterAll(async () => {
    await harness.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('hold each body in a buffer at most twice its size (never the shared pool), redacted or not', async () => {
    const bodies = [
      JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hello' }] }),
      JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'write to alice@example.com' }] }),
    ];
    for (const body of bodies) {
      const reply = await fetch(`${harness.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await reply.text();
    }
    await harness.tap.flush();
    expect(written).toHaveLength(2);
    const sizes = written.flatMap((e) => [e.requestBody, e.responseBody].map((b) => [b.bytes.byteLength, b.bytes.buffer.byteLength]));
    expect(Buffer.from(written[1]?.requestBody.bytes ?? []).toString()).toContain('[redacted:email');
    for (const [bytes = 0, buffer] of sizes) expect(buffer).toBeLessThanOrEqual(2 * bytes);
  });
});
