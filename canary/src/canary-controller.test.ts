import { ManualClock, seededRandom } from '@understudy/core';
import type { Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, traffic } from '../test/fixtures.js';
import { createCanaryController } from './canary-controller.js';
import { createCanaryService } from './canary-service.js';

const spec = {
  candidate: 'v2',
  intervalMs: 1000,
  steps: [
    { weight: 10, minRequests: 20 },
    { weight: 50, minRequests: 20, approval: true },
    { weight: 100, minRequests: 20 },
  ],
  gates: [{ kind: 'error_rate', threshold: 0.01, minSamples: 20 }],
  failureThreshold: 2,
};

describe('canary controller', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('ramps a good candidate, waits for approval, survives a restart and promotes', async () => {
    store = await tempStore();
    const clock = new ManualClock(1_000_000);
    const random = seededRandom(3);
    const service = createCanaryService({ store, clock, random });
    const canary = await service.create(spec, 'alice');
    const first = createCanaryController({ store, clock, holder: 'host:1' });
    await first.tick();
    expect(await store.canaries.get(canary.id)).toMatchObject({ state: 'progressing', stepIndex: 0, weight: 10 });
    expect(await store.routing.get('stable')).toMatchObject({ revision: 1, primary: 'stable', candidate: 'v2', weight: 10 });

    await store.exchanges.insertMany([
      ...traffic(random, { version: 'stable', n: 300, at: clock.now(), errorRate: 0.02, latencyMs: 100 }),
      ...traffic(random, { version: 'v2', n: 40, at: clock.now(), errorRate: 0.02, latencyMs: 100 }),
    ]);
    clock.advance(500);
    expect((await first.tick()).acted).toBe(0); // the timer is a stored timestamp, not yet due
    clock.advance(500);
    await first.tick();
    expect(await store.canaries.get(canary.id)).toMatchObject({ state: 'awaiting_approval', stepIndex: 0, weight: 10 });
    clock.advance(5000);
    await first.tick();
    expect((await store.canaries.get(canary.id))?.state).toBe('awaiting_approval');

    await service.act(canary.id, 'approve', 'bob');
    // Approving twice is a no-op.
    const again = await service.act(canary.id, 'approve', 'bob');
    expect(again).toMatchObject({ state: 'progressing', stepIndex: 1, weight: 50 });

    // The first controller dies without releasing its lease; a second one (another holder) waits it out.
    const second = createCanaryController({ store, clock, holder: 'host:2', leaseTtlMs: 10_000 });
    await store.exchanges.insertMany(traffic(random, { version: 'v2', n: 40, at: clock.now(), errorRate: 0.02, latencyMs: 100 }));
    clock.advance(1000);
    expect((await second.tick()).leader).toBe(false);
    clock.advance(10_000);
    expect((await second.tick()).leader).toBe(true);
    expect(await store.canaries.get(canary.id)).toMatchObject({ state: 'progressing', stepIndex: 2, weight: 100 });
    await store.exchanges.insertMany(traffic(random, { version: 'v2', n: 40, at: clock.now(), errorRate: 0.02, latencyMs: 100 }));
    clock.advance(1000);
    await second.tick();
    expect((await store.canaries.get(canary.id))?.state).toBe('promoted');
    expect(await store.routing.get('stable')).toMatchObject({ primary: 'v2', candidate: null, weight: 0 });

    const events = await service.events(canary.id);
    const steps = events.filter((e) => e.type === 'step').map((e) => (e.data as { toStep: number }).toStep);
    expect(steps).toEqual([1, 2, 3]); // each step entered exactly once
    expect(events.find((e) => e.type === 'approved')?.actor).toBe('bob');
    expect(await service.verify(canary.id)).toMatchObject({ ok: true });
    await service.close();
  });

  it('acts on every due canary in one tick, past the first page of them', async () => {
    store = await tempStore();
    const clock = new ManualClock(1_000_000);
    const service = createCanaryService({ store, clock, random: seededRandom(4) });
    const n = 130;
    for (let i = 0; i < n; i++) await service.create({ ...spec, stable: 'stable', route: `route-${i}` }, 'alice');
    const controller = createCanaryController({ store, clock, holder: 'host:1' });
    expect(await controller.tick()).toEqual({ leader: true, acted: n });
    const states = (await store.canaries.list({ limit: 1000 })).map((c) => c.state);
    expect(states.filter((s) => s === 'progressing')).toHaveLength(n);
    await controller.stop();
  });

  it('rolls a regressed candidate back, with the failing gate and its numbers in the ledger', async () => {
    store = await tempStore();
    const clock = new ManualClock(2_000_000);
    const random = seededRandom(4);
    const service = createCanaryService({ store, clock, random });
    const canary = await service.create({ ...spec, steps: [{ weight: 50, minRequests: 10_000 }, { weight: 100 }] }, 'alice');
    const controller = createCanaryController({ store, clock, holder: 'host:1' });
    await controller.tick();
    for (let i = 0; i < 5; i++) {
      await store.exchanges.insertMany([
        ...traffic(random, { version: 'stable', n: 200, at: clock.now(), errorRate: 0.02, latencyMs: 100 }),
        ...traffic(random, { version: 'v2', n: 200, at: clock.now(), errorRate: 0.2, latencyMs: 100 }),
      ]);
      clock.advance(1000);
      await controller.tick();
    }
    const after = await store.canaries.get(canary.id);
    expect(after).toMatchObject({ state: 'rolled_back', weight: 0 });
    expect(after?.reason).toMatch(/error_rate/);
    expect(await store.routing.get('stable')).toMatchObject({ candidate: null, weight: 0 });
    const events = await store.canaries.events(canary.id);
    const analyses = events.filter((e) => e.type === 'analysis');
    expect(analyses).toHaveLength(2); // failureThreshold 2: the second failing window rolls back
    type Analysis = { gates: { gate: string; outcome: string; evidence: { nCandidate: number; lower: number } }[] };
    const gate = (analyses[1]?.data as Analysis | undefined)?.gates[0];
    expect(gate).toMatchObject({ gate: 'error_rate', outcome: 'fail' });
    expect(gate?.evidence.nCandidate).toBe(400);
    expect(gate?.evidence.lower).toBeGreaterThan(0.01);
    expect(events.at(-1)?.type).toBe('rolled_back');
    // Manual actions after the end: rollback again is a no-op, promote is refused.
    expect((await service.act(canary.id, 'rollback', 'bob')).state).toBe('rolled_back');
    await expect(service.act(canary.id, 'promote', 'bob')).rejects.toMatchObject({ code: 'conflict' });
    await service.close();
  });

  it('keeps watching while it waits for approval, and rolls back if the candidate breaks meanwhile', async () => {
    store = await tempStore();
    const clock = new ManualClock(4_000_000);
    const random = seededRandom(6);
    const service = createCanaryService({ store, clock, random });
    const canary = await service.create(
      {
        ...spec,
        steps: [
          { weight: 20, minRequests: 10 },
          { weight: 100, approval: true },
        ],
      },
      'alice',
    );
    const controller = createCanaryController({ store, clock, holder: 'h' });
    await controller.tick();
    await store.exchanges.insertMany([
      ...traffic(random, { version: 'stable', n: 100, at: clock.now(), errorRate: 0, latencyMs: 100 }),
      ...traffic(random, { version: 'v2', n: 20, at: clock.now(), errorRate: 0, latencyMs: 100 }),
    ]);
    clock.advance(1000);
    await controller.tick();
    expect((await store.canaries.get(canary.id))?.state).toBe('awaiting_approval');
    for (let i = 0; i < 4; i++) {
      await store.exchanges.insertMany([
        ...traffic(random, { version: 'stable', n: 200, at: clock.now(), errorRate: 0.01, latencyMs: 100 }),
        ...traffic(random, { version: 'v2', n: 200, at: clock.now(), errorRate: 0.3, latencyMs: 100 }),
      ]);
      clock.advance(1000);
      await controller.tick();
    }
    expect(await store.canaries.get(canary.id)).toMatchObject({ state: 'rolled_back', weight: 0 });
    await service.close();
  });

  it('holds instead of failing on tiny samples', async () => {
    store = await tempStore();
    const clock = new ManualClock(3_000_000);
    const random = seededRandom(5);
    const service = createCanaryService({ store, clock, random });
    const canary = await service.create({ ...spec, steps: [{ weight: 1, minRequests: 100 }, { weight: 100 }] }, 'alice');
    const controller = createCanaryController({ store, clock, holder: 'h' });
    await controller.tick();
    await store.exchanges.insertMany([
      ...traffic(random, { version: 'stable', n: 500, at: clock.now(), errorRate: 0, latencyMs: 100 }),
      ...traffic(random, { version: 'v2', n: 3, at: clock.now(), errorRate: 1, latencyMs: 100 }),
    ]);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await controller.tick();
    }
    expect((await store.canaries.get(canary.id))?.state).toBe('progressing');
    const analysis = (await store.canaries.events(canary.id)).filter((e) => e.type === 'analysis').at(-1);
    const data = analysis?.data as { gates: { outcome: string }[] } | undefined;
    expect(data?.gates[0]?.outcome).toBe('hold');
    await service.close();
  });
});
