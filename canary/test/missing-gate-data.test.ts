import { ManualClock, seededRandom } from '@understudy/core';
import type { Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanaryController } from '../src/canary-controller.js';
import { createCanaryService } from '../src/canary-service.js';
import { tempStore, traffic } from './fixtures.js';

// A step whose gate data never arrives: an agent that reports no usage leaves a cost gate without a
// single sample, while the step counted the candidate's requests toward that gate's minimum.
describe('a gate whose data never arrives holds the step, it does not wave it through', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('does not promote on a cost gate that never saw a priced request', async () => {
    store = await tempStore();
    const clock = new ManualClock(30_000_000);
    const random = seededRandom(21);
    const service = createCanaryService({ store, clock, random });
    const canary = await service.create(
      {
        candidate: 'v2',
        intervalMs: 1000,
        steps: [
          { weight: 50, minRequests: 20 },
          { weight: 100, minRequests: 20 },
        ],
        gates: [{ kind: 'cost', threshold: 0.1, minSamples: 20, critical: true }],
      },
      'alice',
    );
    const controller = createCanaryController({ store, clock, holder: 'h' });
    await controller.tick();
    for (let i = 0; i < 4; i++) {
      // Both arms answer, neither reports usage or cost.
      await store.exchanges.insertMany([
        ...traffic(random, { version: 'stable', n: 40, at: clock.now(), errorRate: 0, latencyMs: 100 }),
        ...traffic(random, { version: 'v2', n: 40, at: clock.now(), errorRate: 0, latencyMs: 100 }),
      ]);
      clock.advance(1000);
      await controller.tick();
    }
    const after = await store.canaries.get(canary.id);
    expect(after).toMatchObject({ state: 'progressing', stepIndex: 0 });
    const last = (await store.canaries.events(canary.id)).filter((e) => e.type === 'analysis').at(-1)?.data as
      | { decision: { reason?: string } }
      | undefined;
    expect(last?.decision.reason).toMatch(/waiting for evidence: cost 0\/20/);
    // Once the agent reports its cost, the gate has its samples and the ramp goes on.
    const priced = (version: string) =>
      traffic(random, { version, n: 40, at: clock.now(), errorRate: 0, latencyMs: 100 }).map((x) => ({
        ...x,
        usage: { inputTokens: 30, outputTokens: 20, costUsd: 0.001 },
      }));
    for (let i = 0; i < 4 && (await store.canaries.get(canary.id))?.state === 'progressing'; i++) {
      await store.exchanges.insertMany([...priced('stable'), ...priced('v2')]);
      clock.advance(1000);
      await controller.tick();
    }
    expect((await store.canaries.get(canary.id))?.state).toBe('promoted');
    await service.close();
  });
});
