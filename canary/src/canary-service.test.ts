import { ManualClock, seededRandom } from '@understudy/core';
import type { Store } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../test/fixtures.js';
import { createCanaryService } from './canary-service.js';

describe('canary service: manual actions', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('records the reason given with every manual action in the ledger', async () => {
    store = await tempStore();
    const clock = new ManualClock(1_000_000);
    const service = createCanaryService({ store, clock, random: seededRandom(1) });
    const canary = await service.create({ candidate: 'v2', steps: [{ weight: 10, approval: true }, { weight: 100 }] }, 'alice');
    await store.canaries.apply(canary.id, {
      generation: canary.generation,
      action: 'await:0',
      at: clock.now(),
      patch: { state: 'awaiting_approval' },
      events: [],
    });
    await service.act(canary.id, 'pause', 'bob', 'lunch');
    await service.act(canary.id, 'resume', 'bob', 'back from lunch');
    await service.act(canary.id, 'approve', 'carol', 'QA signed off');
    const reasons = (await service.events(canary.id))
      .filter((e) => ['paused', 'resumed', 'approved'].includes(e.type))
      .map((e) => [e.type, e.actor, (e.data as { reason?: unknown }).reason]);
    expect(reasons).toEqual([
      ['paused', 'bob', 'lunch'],
      ['resumed', 'bob', 'back from lunch'],
      ['approved', 'carol', 'QA signed off'],
    ]);
    expect(await service.verify(canary.id)).toMatchObject({ ok: true });
  });

  it('refuses an action the current state cannot take, naming the state, but repeats of one that applied are no-ops', async () => {
    store = await tempStore();
    const clock = new ManualClock(1_000_000);
    const service = createCanaryService({ store, clock, random: seededRandom(1) });
    const canary = await service.create({ candidate: 'v2', steps: [{ weight: 10, approval: true }, { weight: 100 }] }, 'alice');
    await store.canaries.apply(canary.id, {
      generation: canary.generation,
      action: 'await:0',
      at: clock.now(),
      patch: { state: 'awaiting_approval' },
      events: [],
    });
    // Never paused: nothing to resume.
    await expect(service.act(canary.id, 'resume', 'bob')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/awaiting_approval/),
    });
    const paused = await service.act(canary.id, 'pause', 'bob');
    expect(await service.act(canary.id, 'pause', 'bob')).toEqual(paused);
    // Paused: an approval cannot apply; the user must hear so rather than think it took.
    await expect(service.act(canary.id, 'approve', 'carol')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/paused/),
    });
    expect((await service.get(canary.id)).state).toBe('paused');
    const resumed = await service.act(canary.id, 'resume', 'bob');
    expect(resumed.state).toBe('awaiting_approval');
    // A retried resume (say the first answer was lost) is the same action again: unchanged, no error.
    expect(await service.act(canary.id, 'resume', 'bob')).toEqual(resumed);
    const approved = await service.act(canary.id, 'approve', 'carol');
    expect(approved).toMatchObject({ state: 'progressing', stepIndex: 0 });
    expect(await service.act(canary.id, 'approve', 'carol')).toEqual(approved);
    // Progressing with no approval pending, and not because of an approval just made: refuse.
    await store.canaries.apply(canary.id, {
      generation: approved.generation,
      action: 'analysis:1',
      at: clock.now(),
      patch: { looks: 1 },
      events: [],
    });
    await expect(service.act(canary.id, 'approve', 'carol')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/progressing/),
    });
    await expect(service.act(canary.id, 'resume', 'bob')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/progressing/),
    });
    const rolledBack = await service.act(canary.id, 'rollback', 'bob');
    expect(await service.act(canary.id, 'rollback', 'bob')).toEqual(rolledBack);
    for (const action of ['pause', 'resume', 'approve', 'promote'] as const)
      await expect(service.act(canary.id, action, 'bob')).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/rolled_back/),
      });
    expect(await service.verify(canary.id)).toMatchObject({ ok: true });
  });

  it('lets only one of two racing creates on the same route through', async () => {
    store = await tempStore();
    const clock = new ManualClock(1_000_000);
    const service = createCanaryService({ store, clock, random: seededRandom(2) });
    const results = await Promise.allSettled([service.create({ candidate: 'v2' }, 'alice'), service.create({ candidate: 'v2' }, 'bob')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({ code: 'conflict' });
    expect(await service.list()).toHaveLength(1);
  });
});

describe('canary service: evidence at start', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('defect 8: refuses a divergence gate with no data source, in one line, until one exists or weak evidence is allowed', async () => {
    store = await tempStore();
    const service = createCanaryService({ store, clock: new ManualClock(1_000_000), random: seededRandom(2) });
    const spec = { candidate: 'v2', gates: [{ kind: 'error_rate' }, { kind: 'divergence', threshold: 0.05 }] };
    const refused = service.create(spec, 'alice');
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(refused).rejects.toThrow(
      /^gates\.1: the divergence gate has no data source: no live shadow of v2 and no replay run against it/,
    );
    expect(await store.canaries.list()).toEqual([]);
    // Allowed on purpose: recorded in the spec (and so in the ledger).
    const weak = await service.create({ ...spec, allowWeakEvidence: true }, 'alice');
    expect(weak.spec).toMatchObject({ allowWeakEvidence: true });
    await service.act(weak.id, 'rollback', 'alice');
    // A replay run against the candidate is a source: accepted.
    await store.replays.createRun({ id: 'R1', createdAt: 1, spec: {}, target: 'v2', baseline: null, planned: 0 });
    expect((await service.create(spec, 'alice')).state).toBe('pending');
  });
});
