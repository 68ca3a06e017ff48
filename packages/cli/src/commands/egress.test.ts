import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { correlationSigner, createRedactor } from '@understudy/capture';
import { parseConfig } from '@understudy/core';
import { createDemoToolsApp } from '@understudy/demo-agent';
import { openStore } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { type CapturedIo, captureIo } from '../../test/capture-io.js';
import { parseDestinationFlag } from '../egress-wiring.js';
import { run } from '../run.js';

const capture = (): CapturedIo => captureIo();

async function eventually<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 1000 && performance.now() < deadline; i++) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('understudy egress', () => {
  it('parses NAME=URL[:policy] flags', () => {
    expect(parseDestinationFlag('orders=http://127.0.0.1:9000/api')).toEqual({
      name: 'orders',
      baseUrl: 'http://127.0.0.1:9000/api',
      policy: 'record',
    });
    expect(parseDestinationFlag('llm=https://api.openai.com:passthrough')).toEqual({
      name: 'llm',
      baseUrl: 'https://api.openai.com',
      policy: 'passthrough',
    });
    expect(parseDestinationFlag('mail=http://mail:8025:block').policy).toBe('block');
    expect(() => parseDestinationFlag('nourl')).toThrow(/--destination must be NAME=URL/);
    expect(() => parseDestinationFlag('x=ftp://host')).toThrow(/--destination must be NAME=URL/);
  });

  it('is a usage error without destinations', async () => {
    const c = capture();
    expect(await run(['egress', '--port', '0'], c.io)).toBe(2);
    expect(c.err()).toBe('understudy egress: no destinations: pass --destination NAME=URL or set egress.destinations in the config\n');
  });

  it('records live tool calls and refuses unmatched shadow writes until aborted', async () => {
    const tools = createDemoToolsApp();
    const server = serve({ fetch: tools.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const c = capture();
    try {
      const abort = new AbortController();
      const done = run(['egress', '--port', '0', '--destination', `orders=http://127.0.0.1:${port}`], c.io, abort.signal);
      const url = await eventually(() =>
        /"msg":"egress proxy listening"/.test(c.out()) ? /"url":"(http:[^"]+)"/.exec(c.out())?.[1] : undefined,
      );
      const refund = (headers: Record<string, string>, orderId: string) =>
        fetch(`${url}/d/orders/refunds`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ order_id: orderId, amount: 10 }),
        });
      // Loopback unless egress.host says otherwise.
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The proxy verifies correlation values signed with the data directory's redaction key.
      const key = readFileSync(join(c.dir, 'data', 'redaction.key'), 'utf8').trim();
      const signer = correlationSigner(createRedactor(parseConfig({}).tap.redaction, key).correlationKey());
      const guessed = await refund({ 'x-understudy-exchange': 'EXLIVE' }, 'A-1');
      expect(guessed.status).toBe(403);
      expect(((await guessed.json()) as { error: { code: string } }).error.code).toBe('correlation_unverified');
      const live = await refund({ 'x-understudy-exchange': signer.value('EXLIVE') }, 'A-1');
      expect(live.status).toBe(201);
      const liveBody = await live.text();
      const replayed = await refund({ 'x-understudy-exchange': signer.value('EXLIVE', 'AT1'), 'x-understudy-shadow': '1' }, 'A-1');
      expect(await replayed.text()).toBe(liveBody);
      const blocked = await refund({ 'x-understudy-exchange': signer.value('EXLIVE', 'AT1'), 'x-understudy-shadow': '1' }, 'A-2');
      expect(blocked.status).toBe(409);
      expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('shadow_blocked');
      expect(tools.counts()).toMatchObject({ refunds: 1, refundedOrders: ['A-1'] });
      abort.abort();
      expect(await done).toBe(0);
      const store = await openStore({ url: c.io.env.UNDERSTUDY_DB ?? '' });
      const recorded = await store.toolCalls.recorded('EXLIVE');
      const attempt = await store.toolCalls.ofAttempt('AT1');
      await store.close();
      expect(recorded.map((r) => r.outcome)).toEqual(['forwarded']);
      expect(attempt.map((r) => r.outcome)).toEqual(['replayed', 'blocked']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
