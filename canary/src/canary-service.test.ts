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
});
