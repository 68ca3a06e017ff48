import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTap, type TapHarness } from './tap-harness.js';

describe('an upstream that answers garbage', () => {
  let garbage: Server;
  let h: TapHarness;
  beforeAll(async () => {
    // Not HTTP at all: bytes, then a close, whatever was asked.
    garbage = createServer((socket) => {
      socket.once('data', () => socket.end('\u0000\u00ff SSH-2.0-OpenSSH garbage\r\n\r\n'));
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    h = await startTap(`http://127.0.0.1:${(garbage.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await h.close();
    await new Promise((resolve) => garbage.close(resolve));
  });

  it('is answered 502 with the JSON error shape, recorded, and the tap keeps serving', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await request(`${h.url}/v1/chat/completions`, { method: 'POST', body: '{"messages":[]}' });
      expect(res.statusCode).toBe(502);
      const body = (await res.body.json()) as { error: { code: string; message: string } };
      expect(['upstream_unreachable', 'upstream_error']).toContain(body.error.code);
    }
    await h.tap.flush();
    const { items } = await h.store.exchanges.list();
    expect(items).toHaveLength(3);
    expect(items.every((e) => e.status === null && e.error !== null)).toBe(true);
    const health = await request(`${h.url}/_understudy/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });
});
