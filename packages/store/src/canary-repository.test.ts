import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingCanary } from '../test/canary-fixture.js';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { until } from '../test/until.js';
import type { RoutingChange } from './routing-changes.js';
import { openStore, type Store, storeDatabase } from './store.js';

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-canary-')), 'x.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
] as const;

const base = pendingCanary;

/** A step to weight `weight` from `generation`, with its routing. */
const step = (generation: number, weight: number) => ({
  generation,
  action: `step:${generation}`,
  patch: { state: 'progressing', stepIndex: generation, weight },
  events: [{ type: 'step', actor: 'controller', data: { weight } }],
  routing: { route: 'stable', primary: 'stable', candidate: 'v2', weight, sticky: null, fallback: true, canaryId: 'C1' },
  at: 2000 + generation,
});

for (const d of dialects) {
  describe.skipIf(d.skip)(`canary repository on ${d.kind}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('applies a change once per generation, with its events and routing in one transaction', async () => {
      store = await openStore({ url: await d.url() });
      const created = await store.canaries.create(base, { type: 'created', actor: 'test', data: { a: 1 } });
      expect(created.generation).toBe(0);
      const routing = { route: 'stable', primary: 'stable', candidate: 'v2', weight: 1, sticky: null, fallback: true, canaryId: 'C1' };
      const change = {
        generation: 0,
        action: 'step:0',
        patch: { state: 'progressing', stepIndex: 0, weight: 1 },
        events: [{ type: 'step', actor: 'controller', data: { weight: 1 } }],
        routing,
        at: 2000,
      };
      const first = await store.canaries.apply('C1', change);
      expect(first?.canary).toMatchObject({ state: 'progressing', stepIndex: 0, generation: 1 });
      expect(first?.routing).toMatchObject({ revision: 1, weight: 1, candidate: 'v2', fallback: true });
      // The same action at the same (now stale) generation is a no-op.
      expect(await store.canaries.apply('C1', change)).toBeNull();
      expect(await store.routing.revision('stable')).toBe(1);
      const again = await store.canaries.apply('C1', {
        ...change,
        generation: 1,
        action: 'rollback',
        routing: { ...routing, weight: 0, candidate: null },
      });
      expect(again?.routing?.revision).toBe(2);
      expect((await store.canaries.events('C1')).map((e) => e.type)).toEqual(['created', 'step', 'step']);
    });

    it('holds one live canary per route even when two creates race, and frees the route once the canary ends', async () => {
      store = await openStore({ url: await d.url() });
      const created = { type: 'created', actor: 'test', data: {} };
      const racing = await Promise.allSettled([
        store.canaries.create({ ...base, id: 'C1', route: 'stable' }, created),
        store.canaries.create({ ...base, id: 'C2', route: 'stable' }, created),
      ]);
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = racing.find((r) => r.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/route stable/) });
      expect(await store.canaries.list()).toHaveLength(1);
      // Another route is free, and so is this one once its canary is final.
      await store.canaries.create({ ...base, id: 'C3', route: 'other' }, created);
      const winner = (await store.canaries.list({ states: ['pending'] })).find((c) => c.id !== 'C3');
      expect(winner).toBeDefined();
      const id = winner?.id ?? '';
      await store.canaries.apply(id, { generation: 0, action: 'rollback', patch: { state: 'rolled_back' }, events: [], at: 2000 });
      await store.canaries.create({ ...base, id: 'C4', route: 'stable' }, created);
      expect((await store.canaries.list()).map((c) => c.id)).toEqual(['C4', 'C3', id]);
    });

    it('verifies the hash chain and detects tampering', async () => {
      store = await openStore({ url: await d.url() });
      await store.canaries.create(base, { type: 'created', actor: 'test', data: {} });
      for (let g = 0; g < 3; g++) {
        await store.canaries.apply('C1', {
          generation: g,
          action: `a${g}`,
          patch: { looks: g + 1 },
          events: [{ type: 'analysis', actor: 'controller', data: { g } }],
          at: 2000 + g,
        });
      }
      expect(await store.canaries.verify('C1')).toMatchObject({ ok: true, events: 4 });
      await storeDatabase(store)
        .updateTable('canary_events')
        .set({ data: '{"g":99}' })
        .where('canary_id', '=', 'C1')
        .where('seq', '=', 3)
        .execute();
      expect(await store.canaries.verify('C1')).toMatchObject({ ok: false, brokenAt: 3 });
    });

    it('grants the lease to one holder until it expires, bumping the fence on takeover', async () => {
      store = await openStore({ url: await d.url() });
      expect(await store.leases.tryAcquire('canary', 'a', 1000, 0)).toMatchObject({ held: true, fence: 1 });
      expect((await store.leases.tryAcquire('canary', 'b', 1000, 500)).held).toBe(false);
      expect(await store.leases.tryAcquire('canary', 'a', 1000, 600)).toMatchObject({ held: true, fence: 1 });
      expect(await store.leases.tryAcquire('canary', 'b', 1000, 1700)).toMatchObject({ held: true, fence: 2 });
      await store.leases.release('canary', 'b');
      expect((await store.leases.tryAcquire('canary', 'a', 1000, 1800)).held).toBe(true);
    });

    it('a committed canary change is handed to this process before apply returns, reading as committed; a stale one is not', async () => {
      const own = await openStore({ url: await d.url() });
      store = own;
      await own.canaries.create(base, { type: 'created', actor: 'test', data: {} });
      const heard: { change: RoutingChange; revision: number }[] = [];
      own.routingChanges.subscribe(async (change) => {
        // What a tap does on hearing: read. The write it heard of must be visible already.
        heard.push({ change, revision: await own.routing.revision('stable') });
      });
      const routeEvents = () => heard.filter((h) => 'route' in h.change);
      await own.canaries.apply('C1', step(0, 5));
      expect(routeEvents()).toContainEqual({ change: { route: 'stable' }, revision: 1 });
      // Stale generation: nothing written, nothing published.
      expect(await own.canaries.apply('C1', step(0, 25))).toBeNull();
      // A change without routing (an analysis) publishes nothing either.
      await own.canaries.apply('C1', { ...step(1, 5), routing: undefined });
      // (On PostgreSQL this store also LISTENs, so its own NOTIFY comes back as well: counted in
      // the cross-process test, where the writer does not listen.)
      if (d.kind === 'sqlite') expect(routeEvents()).toHaveLength(1);
      await own.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
      expect(heard.map((h) => h.change)).toContainEqual({ version: 'v2' });
    });
  });
}

describe.skipIf(!hasPostgres())('routing changes across processes (PostgreSQL LISTEN/NOTIFY)', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('another store hears every committed change, each readable when heard, and nothing for a write that changed nothing', async () => {
    const url = (await freshPostgresUrl()) ?? '';
    const writer = await openStore({ url });
    const reader = await openStore({ url });
    opened.push(writer, reader);
    const heard: { change: RoutingChange; revision: number }[] = [];
    reader.routingChanges.subscribe(async (change) => {
      heard.push({ change, revision: await reader.routing.revision('stable') });
    });
    await until(() => reader.routingChanges.pushed());
    expect(writer.routingChanges.pushed()).toBe(false); // nobody subscribed there: no LISTEN connection

    await writer.routing.ensure('stable', 'stable', 0);
    await writer.routing.ensure('stable', 'stable', 0); // exists: no change, no notification
    await writer.canaries.create(base, { type: 'created', actor: 'test', data: {} });
    const changes = 20;
    for (let g = 0; g < changes; g++) await writer.canaries.apply('C1', step(g, g + 1));
    await writer.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    await until(() => heard.some((h) => 'version' in h.change));
    const routes = heard.filter((h) => 'route' in h.change);
    expect(routes).toHaveLength(1 + changes);
    // The NOTIFY is sent by the writing transaction, so it arrives after its commit: the k-th
    // notification reads at least the k-th revision (listeners run concurrently, hence sorted).
    const revisions = routes.map((h) => h.revision).sort((a, b) => a - b);
    for (const [k, revision] of revisions.entries()) expect(revision).toBeGreaterThanOrEqual(k + 1);
    expect(heard.filter((h) => 'version' in h.change).map((h) => h.change)).toEqual([{ version: 'v2' }]);
  });
});
