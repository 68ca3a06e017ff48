import { type Logger, ManualClock, silentLogger } from '@understudy/core';
import { openStore } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { createRoutingWatcher } from './routing-watcher.js';

describe('createRoutingWatcher', () => {
  it('polls the revision every 250 ms, so a rollback applies on the next tick (well within 1 s)', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    const write = (weight: number, candidate: string | null) =>
      store.routing.set({ route: 'stable', primary: 'stable', candidate, weight, sticky: null, fallback: false, canaryId: 'C1' }, 0);
    await write(50, 'v2');

    let reads = 0;
    const source = {
      routing: {
        stamp: (route: string) => {
          reads++;
          return store.routing.stamp(route);
        },
        get: (route: string) => store.routing.get(route),
      },
      versions: store.versions,
    };
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source, route: 'stable', clock, logger: silentLogger });
    await watcher.start();
    expect(watcher.current()).toMatchObject({ weight: 50, candidate: { name: 'v2' } });

    await write(0, null);
    clock.advance(249);
    expect(reads).toBe(1);
    expect(watcher.current()?.candidate?.name).toBe('v2');
    clock.advance(1);
    expect(reads).toBe(2);
    await watcher.refresh(); // joins the read the tick started
    expect(watcher.current()).toMatchObject({ weight: 0, candidate: null });

    // No change: the tick reads the revision only, and the routing stays.
    clock.advance(250);
    await watcher.refresh();
    expect(watcher.current()?.candidate).toBeNull();
    watcher.stop();
    clock.advance(10_000);
    expect(reads).toBe(3);
    await store.close();
  });

  it('logs an unknown version once per revision, yet keeps checking so a version added later applies', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.routing.set(
      { route: 'stable', primary: 'stable', candidate: 'v2', weight: 30, sticky: null, fallback: false, canaryId: 'C1' },
      0,
    );
    const errors: unknown[] = [];
    const logger: Logger = { ...silentLogger, error: (obj: object | string) => void errors.push(obj), child: () => logger };
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source: store, route: 'stable', clock, logger });
    await watcher.start();
    expect(watcher.current()).toBeNull();
    for (let tick = 0; tick < 8; tick++) {
      clock.advance(250);
      await watcher.refresh();
    }
    expect(errors).toHaveLength(1);

    // The version appears without a revision bump: the next tick picks it up.
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    clock.advance(250);
    await watcher.refresh();
    expect(watcher.current()).toMatchObject({ weight: 30, candidate: { name: 'v2' } });
    expect(errors).toHaveLength(1);
    watcher.stop();
    await store.close();
  });

  it('applies a change to a version the route serves (versions add stable --upstream NEW) on the next poll, without a routing change', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    await store.routing.set(
      { route: 'stable', primary: 'stable', candidate: 'v2', weight: 10, sticky: null, fallback: false, canaryId: 'C1' },
      0,
    );
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source: store, route: 'stable', clock, logger: silentLogger });
    await watcher.start();
    expect(watcher.current()?.primary.upstream).toBe('http://127.0.0.1:1');

    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:3', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: { 'x-prompt-version': '14' } });
    clock.advance(250);
    await watcher.refresh();
    expect(watcher.current()?.primary.upstream).toBe('http://127.0.0.1:3');
    expect(watcher.current()?.candidate?.headers).toEqual({ 'x-prompt-version': '14' });
    expect(watcher.current()?.revision).toBe(1);
    watcher.stop();
    await store.close();
  });
});
