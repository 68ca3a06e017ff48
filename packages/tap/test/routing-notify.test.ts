/**
 * Routing across taps on PostgreSQL: a tap with its own store (its own pool and LISTEN
 * connection, as in another process) applies a change written elsewhere through NOTIFY, not
 * the poll; when the LISTEN connection dies the poll covers, and the connection comes back.
 */
import { parseConfig, seededRandom, silentLogger, systemClock } from '@understudy/core';
import { listenerApplicationName, openStore, type Store, storeDatabase } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../../store/test/postgres.js';
import { until } from '../../store/test/until.js';
import { createCanarySplit, createRoutingWatcher, createTap, type RoutingWatcher, storeSink } from '../src/index.js';

const hour = 3_600_000;

/** Ends this database's LISTEN connections (what a network cut or a server restart does to them). */
async function killListeners(store: Store): Promise<number> {
  const rows = await storeDatabase(store)
    .withTables<{ pg_stat_activity: { pid: number; application_name: string; datname: string } }>()
    .selectFrom('pg_stat_activity')
    .select((eb) => eb.fn<boolean>('pg_terminate_backend', ['pid']).as('ended'))
    .where('application_name', '=', listenerApplicationName)
    .where((eb) => eb('datname', '=', eb.fn<string>('current_database', [])))
    .execute();
  return rows.length;
}

describe.skipIf(!hasPostgres())('routing across taps over PostgreSQL', () => {
  const stores: Store[] = [];
  const watchers: RoutingWatcher[] = [];
  afterEach(async () => {
    for (const w of watchers.splice(0)) w.stop();
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  const setUp = async (tap: { pollMs: number; listenBackoffMs?: number }) => {
    const url = (await freshPostgresUrl()) ?? '';
    const controller = await openStore({ url });
    const tapStore = await openStore({ url, ...(tap.listenBackoffMs === undefined ? {} : { listenBackoffMs: tap.listenBackoffMs }) });
    stores.push(controller, tapStore);
    await controller.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await controller.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    await controller.routing.ensure('stable', 'stable', 0);
    const watcher = createRoutingWatcher({
      source: tapStore,
      route: 'stable',
      clock: systemClock,
      logger: silentLogger,
      pollMs: tap.pollMs,
    });
    watchers.push(watcher);
    await watcher.start();
    await until(() => tapStore.routingChanges.pushed());
    const write = (weight: number) =>
      controller.routing.set(
        { route: 'stable', primary: 'stable', candidate: weight === 0 ? null : 'v2', weight, sticky: null, fallback: true, canaryId: 'C1' },
        systemClock.now(),
      );
    return { controller, tapStore, watcher, write };
  };

  it('a tap with its own connection applies each change through NOTIFY although its poll is an hour away', async () => {
    const { controller, watcher, write } = await setUp({ pollMs: hour });
    expect(watcher.current()?.revision).toBe(1);
    for (const weight of [1, 5, 25, 0, 50]) {
      const written = await write(weight);
      await until(() => watcher.current()?.revision === written.revision);
      expect(watcher.current()?.weight).toBe(weight);
    }
    // A version the route serves gets a new upstream: pushed too.
    await controller.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:3', headers: {} });
    await until(() => watcher.current()?.candidate?.upstream === 'http://127.0.0.1:3');
  });

  it('when the LISTEN connection dies the poll still applies changes, and the connection comes back with a resync', async () => {
    // Reconnection held off for a while, so what happens meanwhile is the poll's doing.
    const { tapStore, watcher, write } = await setUp({ pollMs: 100, listenBackoffMs: 3000 });
    expect(await killListeners(tapStore)).toBe(1);
    await until(() => !tapStore.routingChanges.pushed());
    const written = await write(10);
    await until(() => watcher.current()?.revision === written.revision);
    expect(tapStore.routingChanges.pushed()).toBe(false);
    // Back after the backoff.
    await until(() => tapStore.routingChanges.pushed());
  });

  it('a change made while the LISTEN connection was down is applied on reconnection, with no poll', async () => {
    const { tapStore, watcher, write } = await setUp({ pollMs: hour, listenBackoffMs: 1500 });
    expect(await killListeners(tapStore)).toBe(1);
    await until(() => !tapStore.routingChanges.pushed());
    // Its NOTIFY goes to nobody: only the resync on reconnection can bring it.
    const missed = await write(20);
    expect(tapStore.routingChanges.pushed()).toBe(false);
    await until(() => watcher.current()?.revision === missed.revision);
    expect(tapStore.routingChanges.pushed()).toBe(true);
    // And pushes flow again.
    const next = await write(30);
    await until(() => watcher.current()?.revision === next.revision);
  });

  it("the tap's metrics show the routing revision it serves and whether changes are pushed to it", async () => {
    const { tapStore, watcher, write } = await setUp({ pollMs: hour, listenBackoffMs: 60_000 });
    const tap = createTap({
      config: parseConfig({}).tap,
      version: { name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} },
      sink: storeSink(tapStore),
      redactionKey: 'test-redaction-key-0123456789abcdef',
      random: seededRandom(3),
      split: createCanarySplit({ watcher, random: seededRandom(4) }),
    });
    try {
      const scrape = async () => {
        const text = await (await tap.app.request('/_understudy/metrics')).text();
        const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
        return { revision: value('understudy_tap_routing_revision'), pushed: value('understudy_tap_routing_pushed') };
      };
      expect(await scrape()).toEqual({ revision: 1, pushed: 1 });
      const written = await write(5);
      await until(() => watcher.current()?.revision === written.revision);
      expect(await scrape()).toEqual({ revision: written.revision, pushed: 1 });
      await killListeners(tapStore);
      await until(() => !tapStore.routingChanges.pushed());
      expect(await scrape()).toEqual({ revision: written.revision, pushed: 0 });
    } finally {
      await tap.close();
    }
  });
});
