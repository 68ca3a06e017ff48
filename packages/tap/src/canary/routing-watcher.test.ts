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
    // This source pushes nothing: only the poll can see the next write.

    await write(0, null);
    clock.advance(249);
    expect(reads).toBe(1);
    expect(watcher.current()?.candidate?.name).toBe('v2');
    clock.advance(1);
    expect(reads).toBe(2);
    await watcher.refresh(); // a read that starts after the one the tick started
    expect(reads).toBe(3);
    expect(watcher.current()).toMatchObject({ weight: 0, candidate: null });

    // No change: the tick reads the revision only, and the routing stays.
    clock.advance(250);
    expect(reads).toBe(4);
    await watcher.refresh();
    expect(watcher.current()?.candidate).toBeNull();
    watcher.stop();
    clock.advance(10_000);
    expect(reads).toBe(5);
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

  it('warns of a failed read while it runs, not of one that was in flight when it stopped (its source closing)', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.routing.ensure('stable', 'stable', 0);
    const warnings: unknown[] = [];
    const logger: Logger = { ...silentLogger, warn: (obj: object | string) => void warnings.push(obj), child: () => logger };
    let fail: ((e: Error) => void) | undefined;
    let failing = false;
    const source = {
      routing: {
        stamp: (route: string) => (failing ? new Promise<string>((_resolve, reject) => (fail = reject)) : store.routing.stamp(route)),
        get: (route: string) => store.routing.get(route),
      },
      versions: store.versions,
    };
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source, route: 'stable', clock, logger });
    await watcher.start();
    failing = true;
    const running = watcher.refresh();
    fail?.(new Error('capture writer closed'));
    await running;
    expect(warnings).toHaveLength(1);

    const inFlight = watcher.refresh();
    watcher.stop();
    fail?.(new Error('capture writer closed'));
    await inFlight;
    expect(warnings).toHaveLength(1);
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

  it('a change written in this process is in force when the write returns, with no poll (the poll is an hour)', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source: store, route: 'stable', clock, logger: silentLogger, pollMs: 3_600_000 });
    const other = createRoutingWatcher({ source: store, route: 'other', clock, logger: silentLogger, pollMs: 3_600_000 });
    await watcher.start();
    await other.start();
    expect(watcher.current()).toBeNull();

    await store.routing.ensure('stable', 'stable', 0);
    expect(watcher.current()).toMatchObject({ revision: 1, primary: { name: 'stable' }, candidate: null });
    await store.routing.set(
      { route: 'stable', primary: 'stable', candidate: 'v2', weight: 25, sticky: null, fallback: false, canaryId: 'C1' },
      0,
    );
    expect(watcher.current()).toMatchObject({ revision: 2, weight: 25, candidate: { name: 'v2' } });
    // A version the route serves changes: its new upstream is in force at once too.
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:3', headers: {} });
    expect(watcher.current()?.candidate?.upstream).toBe('http://127.0.0.1:3');
    expect(other.current()).toBeNull();

    // After stop, nothing is applied any more.
    watcher.stop();
    await store.routing.set(
      { route: 'stable', primary: 'stable', candidate: null, weight: 0, sticky: null, fallback: false, canaryId: 'C1' },
      0,
    );
    expect(watcher.current()?.revision).toBe(2);
    other.stop();
    await store.close();
  });

  it('a refresh asked while a read is running gets a read that starts after it, so a push during a poll is not lost', async () => {
    const store = await openStore({ url: ':memory:' });
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
    await store.routing.ensure('stable', 'stable', 0);
    let hold: Promise<void> | undefined;
    const source = {
      routing: {
        stamp: async (route: string) => {
          const stamp = await store.routing.stamp(route);
          await hold; // the read has its (old) stamp and is still running
          return stamp;
        },
        get: (route: string) => store.routing.get(route),
      },
      versions: store.versions,
    };
    const clock = new ManualClock(0);
    const watcher = createRoutingWatcher({ source, route: 'stable', clock, logger: silentLogger, pollMs: 1000 });
    await watcher.start();
    let release = (): void => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    clock.advance(1000); // a poll starts reading and is held
    await new Promise((resolve) => setImmediate(resolve));
    await store.routing.set(
      { route: 'stable', primary: 'stable', candidate: 'v2', weight: 5, sticky: null, fallback: false, canaryId: 'C1' },
      0,
    );
    const pushed = watcher.refresh();
    hold = undefined;
    release();
    await pushed;
    expect(watcher.current()).toMatchObject({ revision: 2, weight: 5 });
    watcher.stop();
    await store.close();
  });
});
