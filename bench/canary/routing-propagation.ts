import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Random, silentLogger, systemClock } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { createRoutingWatcher } from '@understudy/tap';
import { sleep } from '../tap/sleep.js';
import type { RoutingTapMessage } from './routing-tap.js';

/** Delays of one scenario, in ms: one per (change, tap); a miss counts as `timeoutMs`. */
export interface Propagation {
  readonly delays: number[];
  /** Observations not applied within `timeoutMs`. */
  readonly missed: number;
  /** In-process only: observations already applied when the write returned. */
  readonly appliedOnReturn?: number;
}

export interface PropagationOptions {
  /** A SQLite file or a postgres:// URL, already migrated. */
  readonly url: string;
  readonly taps: number;
  readonly changes: number;
  /** The taps' poll interval (the fallback; on PostgreSQL the push comes first). */
  readonly pollMs: number;
  /** Spreads the writes over the poll's phase: a pause of 20..120 ms between changes. */
  readonly random: Random;
  readonly timeoutMs?: number;
}

const child = fileURLToPath(new URL('./routing-tap.ts', import.meta.url));

/** Seeds the two versions and the route the scenarios change. */
export async function seedRouting(store: Store): Promise<void> {
  await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
  await store.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
  await store.routing.ensure('stable', 'stable', systemClock.now());
}

/** Alternating steps and rollbacks, as a controller writes them. */
function change(store: Store, i: number) {
  const rollback = i % 2 === 1;
  return store.routing.set(
    {
      route: 'stable',
      primary: 'stable',
      candidate: rollback ? null : 'v2',
      weight: rollback ? 0 : 1 + (i % 99),
      sticky: null,
      fallback: true,
      canaryId: 'bench',
    },
    systemClock.now(),
  );
}

/**
 * Taps in the writer's process (what `understudy start` runs beside its controller): the
 * watchers share the writer's store, so a change is pushed to them in memory. The delay runs
 * from just before the write to the new routing being in force in the tap.
 */
export async function measureInProcess(o: PropagationOptions): Promise<Propagation> {
  const store = await openStore({ url: o.url, migrate: false });
  const watchers = Array.from({ length: o.taps }, () =>
    createRoutingWatcher({ source: store, route: 'stable', clock: systemClock, logger: silentLogger, pollMs: o.pollMs }),
  );
  await Promise.all(watchers.map((w) => w.start()));
  const timeoutMs = o.timeoutMs ?? 5000;
  const delays: number[] = [];
  let missed = 0;
  let appliedOnReturn = 0;
  try {
    for (let i = 0; i < o.changes; i++) {
      const t0 = performance.now();
      const written = await change(store, i);
      const pending = new Set(watchers.keys());
      for (const k of pending) {
        if ((watchers[k]?.current()?.revision ?? -1) < written.revision) continue;
        delays.push(performance.now() - t0);
        appliedOnReturn++;
        pending.delete(k);
      }
      while (pending.size > 0 && performance.now() - t0 < timeoutMs) {
        await sleep(1);
        for (const k of pending) {
          if ((watchers[k]?.current()?.revision ?? -1) < written.revision) continue;
          delays.push(performance.now() - t0);
          pending.delete(k);
        }
      }
      missed += pending.size;
      for (const _ of pending) delays.push(timeoutMs);
      await sleep(20 + Math.floor(o.random.next() * 100));
    }
  } finally {
    for (const w of watchers) w.stop();
    await store.close();
  }
  return { delays, missed, appliedOnReturn };
}

/**
 * Taps in processes of their own (`understudy tap`): each opens its own store and watcher and
 * reports over IPC the moment it applies a revision. The delay runs from just before the write
 * in this process to the report's arrival here (so it includes the IPC hop: an upper bound).
 */
export async function measureRemote(o: PropagationOptions): Promise<Propagation> {
  const writer = await openStore({ url: o.url, migrate: false });
  const arrivals: Map<number, number>[] = [];
  const children: ChildProcess[] = [];
  const timeoutMs = o.timeoutMs ?? 5000;
  try {
    const ready = Array.from({ length: o.taps }, (_, k) => {
      const arrived = new Map<number, number>();
      arrivals.push(arrived);
      const proc = fork(child, [`--url=${o.url}`, `--poll-ms=${o.pollMs}`], {
        execArgv: ['--conditions=source', '--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(proc);
      return new Promise<void>((resolve, reject) => {
        proc.once('exit', (code) => reject(new Error(`routing tap ${k} exited with ${code}`)));
        proc.on('message', (m: RoutingTapMessage) => {
          if (m.type === 'ready') resolve();
          else if (!arrived.has(m.revision)) arrived.set(m.revision, performance.now());
        });
      });
    });
    await Promise.all(ready);
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < o.changes; i++) {
      const t0 = performance.now();
      const written = await change(writer, i);
      // A tap may skip a revision (two changes in one read): the first revision at or past it counts.
      const appliedAt = (k: number): number | undefined => {
        let first: number | undefined;
        for (const [revision, at] of arrivals[k] ?? []) if (revision >= written.revision && (first === undefined || at < first)) first = at;
        return first;
      };
      const pending = new Set(arrivals.keys());
      while (pending.size > 0 && performance.now() - t0 < timeoutMs) {
        for (const k of pending) {
          const at = appliedAt(k);
          if (at === undefined) continue;
          delays.push(at - t0);
          pending.delete(k);
        }
        if (pending.size > 0) await sleep(1);
      }
      missed += pending.size;
      for (const _ of pending) delays.push(timeoutMs);
      await sleep(20 + Math.floor(o.random.next() * 100));
    }
    return { delays, missed };
  } finally {
    for (const proc of children) if (proc.connected) proc.disconnect();
    await Promise.all(children.map((proc) => (proc.exitCode === null ? new Promise((r) => proc.once('exit', r)) : undefined)));
    await writer.close();
  }
}
