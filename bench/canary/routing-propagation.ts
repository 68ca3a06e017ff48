import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A ref'd timer: the system clock's are unref'd, and this bench has nothing else keeping Node alive.
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger, systemClock } from '@understudy/core';
import { openStore } from '@understudy/store';
import { createRoutingWatcher } from '@understudy/tap';

/**
 * How long a routing change takes to reach taps: `taps` routing watchers (what each tap runs,
 * default poll 250 ms), each with its own connection to one SQLite file, see `changes` writes
 * (steps and rollbacks alternating). Returns the delay per (change, tap) in ms.
 */
export async function measureRoutingPropagation(taps = 4, changes = 40): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'us-bench-routing-'));
  const file = join(dir, 'db.sqlite');
  const writer = await openStore({ url: file });
  await writer.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:1', headers: {} });
  await writer.versions.upsert({ name: 'v2', upstream: 'http://127.0.0.1:2', headers: {} });
  const readers = await Promise.all(Array.from({ length: taps }, () => openStore({ url: file, migrate: false })));
  const watchers = readers.map((store) =>
    createRoutingWatcher({ source: store, route: 'stable', clock: systemClock, logger: silentLogger }),
  );
  await Promise.all(watchers.map((w) => w.start()));
  const delays: number[] = [];
  try {
    for (let i = 0; i < changes; i++) {
      const rollback = i % 2 === 1;
      const t0 = performance.now();
      const written = await writer.routing.set(
        {
          route: 'stable',
          primary: 'stable',
          candidate: rollback ? null : 'v2',
          weight: rollback ? 0 : 5 + i,
          sticky: null,
          fallback: true,
          canaryId: 'bench',
        },
        systemClock.now(),
      );
      const pending = new Set(watchers.keys());
      // Checked every millisecond for at most 5 s: a miss shows as a 5 000 ms delay.
      while (pending.size > 0 && performance.now() - t0 < 5000) {
        for (const k of [...pending]) {
          if ((watchers[k]?.current()?.revision ?? -1) >= written.revision) {
            delays.push(performance.now() - t0);
            pending.delete(k);
          }
        }
        await sleep(1);
      }
      for (const _ of pending) delays.push(5000);
      // Spread the writes over the poll phase.
      await sleep(37);
    }
  } finally {
    for (const w of watchers) w.stop();
    await Promise.all(readers.map((s) => s.close()));
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return delays;
}
