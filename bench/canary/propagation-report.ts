import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdEventLoop, seededRandom } from '@understudy/core';
import { openStore } from '@understudy/store';
import { startThrowawayPostgres } from '../../packages/store/test/throwaway-postgres.js';
import { measureInProcess, measureRemote, type Propagation, type PropagationOptions, seedRouting } from './routing-propagation.js';

const taps = Number(process.env.TAPS ?? 3);
const changes = Number(process.env.CHANGES ?? 100);
/** The taps' poll when the push is what is measured: longer than the run, so it never fires. */
const noPoll = 3_600_000;

function row(label: string, p: Propagation, target: string): string {
  const sorted = [...p.delays].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
  const onReturn = p.appliedOnReturn === undefined ? '—' : `${p.appliedOnReturn}/${p.delays.length}`;
  return `| ${label} | ${sorted.length} | ${at(0.5)} | ${at(0.99)} | ${at(1)} | ${p.missed} | ${onReturn} | ${target} |`;
}

/**
 * Routing propagation, from just before a controller's write to the new routing in force in a
 * tap: taps in the writer's process (SQLite and PostgreSQL), taps in their own processes on
 * PostgreSQL (LISTEN/NOTIFY, their poll an hour away) and, for comparison, taps in their own
 * processes polling a SQLite file every 250 ms (the default).
 */
export async function reportRoutingPropagation(): Promise<void> {
  // The clock's timers are unref'd: without this, a pause between changes would end the process.
  const hold = holdEventLoop();
  const dir = mkdtempSync(join(tmpdir(), 'us-bench-routing-'));
  const pg = await startThrowawayPostgres();
  const sqliteUrl = join(dir, 'routing.db');
  try {
    const seedStore = async (url: string) => {
      const store = await openStore({ url });
      await seedRouting(store);
      await store.close();
    };
    await seedStore(sqliteUrl);
    if (pg !== undefined) await seedStore(pg.adminUrl);
    const options = (url: string, pollMs: number, seed: number): PropagationOptions => ({
      url,
      taps,
      changes,
      pollMs,
      random: seededRandom(seed),
    });
    console.log(
      `\nrouting change → taps (${taps} taps, ${changes} changes alternating step/rollback, 20–120 ms apart; ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at start)`,
    );
    console.log('| taps | observations | p50 ms | p99 ms | max ms | missed (5 s) | applied when the write returned | target |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(
      row("in the writer's process, SQLite (pushed in memory)", await measureInProcess(options(sqliteUrl, noPoll, 1)), 'at once'),
    );
    if (pg === undefined) {
      console.log('| (no PostgreSQL binaries: the PostgreSQL rows are not measured) | | | | | | | |');
    } else {
      console.log(
        row("in the writer's process, PostgreSQL (pushed in memory)", await measureInProcess(options(pg.adminUrl, noPoll, 2)), 'at once'),
      );
      console.log(
        row('own processes, PostgreSQL LISTEN/NOTIFY (poll off)', await measureRemote(options(pg.adminUrl, noPoll, 3)), 'p99 ≤ 100 ms'),
      );
    }
    console.log(row('own processes, SQLite polling every 250 ms', await measureRemote(options(sqliteUrl, 250, 4)), 'p99 ≤ 1 000 ms'));
    console.log(
      `load at end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
    hold.release();
  }
}
