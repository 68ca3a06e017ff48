import { ManualClock, seededRandom } from '@understudy/core';
import type { Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanaryController } from '../src/canary-controller.js';
import { createCanaryService } from '../src/canary-service.js';
import { storeComparisons, tempStore, traffic } from './fixtures.js';

// User audit 3: a candidate switched mid-ramp from "$35" to "$53" moved from 30 % to 60 % of the
// traffic and was rolled back 63 s after the switch, because the divergence gate pooled every
// comparison since the canary began (1 702) and the good early ones diluted the bad later ones.
const spec = {
  candidate: 'v2',
  intervalMs: 1000,
  steps: [
    { weight: 10, minRequests: 20 },
    { weight: 30, minRequests: 20, minDurationMs: 6000 },
    { weight: 60, minRequests: 20, minDurationMs: 6000 },
    { weight: 100, minRequests: 20 },
  ],
  gates: [{ kind: 'divergence', threshold: 0.1, minSamples: 30, critical: true }],
};

interface Analysis {
  step: number;
  gates: { gate: string; outcome: string; evidence: Record<string, unknown> }[];
}

describe('the divergence gate judges the current step (user audit 3)', () => {
  let opened: Store | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  /** A store whose candidate is shadowed already, the canary created and a controller for it. */
  const begin = async (seed: number) => {
    const store = await tempStore();
    opened = store;
    const clock = new ManualClock(seed * 1_000_000);
    const random = seededRandom(seed);
    const service = createCanaryService({ store, clock, random });
    await storeComparisons(store, { version: 'v2', n: 1, over: 0, at: clock.now() - 60_000 });
    const canary = await service.create(spec, 'alice');
    return { store, clock, random, service, canary, controller: createCanaryController({ store, clock, holder: 'h' }) };
  };

  it('rolls a candidate that turns bad mid-step back in that step, not one step later', async () => {
    const { store, clock, random, service, canary, controller } = await begin(11);
    const weights: number[] = [];
    const tick = async (comparisons: { n: number; over: number }, live = 10) => {
      await store.exchanges.insertMany(traffic(random, { version: 'v2', n: live, at: clock.now(), errorRate: 0, latencyMs: 100 }));
      await storeComparisons(store, { version: 'v2', ...comparisons, at: clock.now() });
      clock.advance(1000);
      await controller.tick();
      const now = await store.canaries.get(canary.id);
      weights.push(now?.weight ?? -1);
      return now;
    };
    await controller.tick();
    // Step 1 (10 %): a long clean run, 3 000 comparisons, none beyond the noise floor.
    for (let i = 0; i < 3; i++) await tick({ n: 1000, over: 0 }, 7);
    expect(weights).toEqual([10, 10, 30]);
    const stepTwoFrom = clock.now();
    // Step 2 (30 %, at least 6 s): three clean seconds, then every answer differs.
    for (let i = 0; i < 3; i++) await tick({ n: 60, over: 0 });
    for (let i = 0; i < 3; i++) {
      const now = await tick({ n: 60, over: 60 });
      if (now?.state !== 'progressing') break;
    }
    const after = await store.canaries.get(canary.id);
    // Pooled since the canary began it stepped to 60 % at the step's end (the 3rd bad second) and
    // was rolled back there; judged on step 2's comparisons, the 2nd bad second rolls it back.
    expect(weights).toEqual([10, 10, 30, 30, 30, 30, 30, 0]);
    expect(after).toMatchObject({ state: 'rolled_back', stepIndex: 1, weight: 0 });
    const analyses = (await store.canaries.events(canary.id)).filter((e) => e.type === 'analysis');
    const last = analyses.at(-1)?.data as Analysis | undefined;
    // The ledger says which comparisons the verdict was taken on: step 2's, from its start.
    expect(last?.gates[0]).toMatchObject({
      gate: 'divergence',
      outcome: 'fail',
      evidence: { window: 'step 2', windowFrom: stepTwoFrom },
    });
    expect(Number(last?.gates[0]?.evidence.nCandidate)).toBeLessThanOrEqual(360);
    await service.close();
  });

  it('holds, never fails, on the first handful of bad comparisons of a new step', async () => {
    const { store, clock, random, service, canary, controller } = await begin(12);
    await controller.tick();
    await store.exchanges.insertMany(traffic(random, { version: 'v2', n: 30, at: clock.now(), errorRate: 0, latencyMs: 100 }));
    await storeComparisons(store, { version: 'v2', n: 200, over: 0, at: clock.now() });
    clock.advance(1000);
    await controller.tick();
    expect(await store.canaries.get(canary.id)).toMatchObject({ stepIndex: 1, weight: 30 });
    await storeComparisons(store, { version: 'v2', n: 8, over: 8, at: clock.now() });
    clock.advance(1000);
    await controller.tick();
    expect(await store.canaries.get(canary.id)).toMatchObject({ state: 'progressing', stepIndex: 1 });
    const last = (await store.canaries.events(canary.id)).filter((e) => e.type === 'analysis').at(-1)?.data as Analysis | undefined;
    expect(last?.gates[0]).toMatchObject({ outcome: 'hold', evidence: { window: 'step 2', nCandidate: 8 } });
    await service.close();
  });
});
