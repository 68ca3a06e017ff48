import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock, seededRandom } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanaryController } from '../src/canary-controller.js';
import { createCanaryService } from '../src/canary-service.js';
import { tempStore } from './fixtures.js';

/** A webhook receiver that holds every answer until released, counting what it was sent. */
async function slowHook(): Promise<{ url: string; kinds: string[]; release(): void; close(): Promise<void> }> {
  const kinds: string[] = [];
  const waiting: (() => void)[] = [];
  let released = false;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      kinds.push((JSON.parse(body) as { kind: string }).kind);
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"pass":true}');
      if (released) answer();
      else waiting.push(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    kinds,
    release() {
      released = true;
      for (const answer of waiting.splice(0)) answer();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Lets pending store reads and writes (promises over SQLite) finish; bounded, no clock time passes. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the controller lease', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('defect 10: a slow pre-rollout webhook outlasting the lease is not called again by a second controller; a stale fence applies nothing', async () => {
    const store = await tempStore();
    closers.push(() => store.close());
    const hook = await slowHook();
    closers.push(() => hook.close());
    const clock = new ManualClock(1_000_000);
    const service = createCanaryService({ store, clock, random: seededRandom(7) });
    const canary = await service.create(
      {
        candidate: 'v2',
        steps: [{ weight: 10 }, { weight: 100 }],
        webhooks: [{ url: hook.url, kinds: ['pre-rollout'], timeoutMs: 60_000 }],
      },
      'alice',
    );
    const a = createCanaryController({ store, clock, holder: 'a', leaseTtlMs: 1_000 });
    const b = createCanaryController({ store, clock, holder: 'b', leaseTtlMs: 1_000 });
    closers.push(
      () => a.stop(),
      () => b.stop(),
    );

    const first = a.tick();
    for (let i = 0; i < 500 && hook.kinds.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(hook.kinds).toEqual(['pre-rollout']);
    // The webhook takes 5 lease lengths; the second controller ticks all along.
    for (let step = 0; step < 25; step++) {
      clock.advance(200);
      await settle();
      expect(await b.tick()).toEqual({ leader: false, acted: 0 });
    }
    hook.release();
    expect(await first).toEqual({ leader: true, acted: 1 });
    expect((await store.canaries.get(canary.id))?.state).toBe('progressing');

    // A's lease runs out; B takes over (a new fence) and carries on without calling the hook again.
    clock.advance(2_000);
    expect((await b.tick()).leader).toBe(true);
    expect(hook.kinds).toEqual(['pre-rollout']);

    // A change made under A's old fence is a no-op.
    const now = await store.canaries.get(canary.id);
    if (now === undefined) throw new Error('no canary');
    const stale = await store.canaries.apply(
      canary.id,
      { generation: now.generation, action: 'pause', at: clock.now(), patch: { state: 'paused' }, events: [] },
      { name: 'canary-controller', holder: 'a', fence: 1 },
    );
    expect(stale).toBeNull();
    expect((await store.canaries.get(canary.id))?.state).toBe('progressing');
  });
});
