import Database from 'better-sqlite3';
import type { BenchPlan } from './bench-plan.js';
import type { ContenderFigures, DropFigures } from './bench-results.js';
import type { StartedChild } from './child-set.js';
import { type ContenderName, tapStats } from './contenders.js';
import type { LoadClient } from './load-client.js';
import type { Target } from './load-jobs.js';
import { procCpuMs } from './proc-stats.js';
import { sleep } from './sleep.js';
import type { TapStatsReply } from './tap-messages.js';

/** What every phase needs: the load generator, the live contenders in order, and where to log. */
export interface PhaseContext {
  readonly plan: BenchPlan;
  readonly load: LoadClient;
  readonly targets: ReadonlyMap<ContenderName, Target>;
  readonly pids: ReadonlyMap<ContenderName, number | undefined>;
  /** The upstream's and the load generator's processes: the work every contender's request also costs. */
  readonly rigPids: readonly (number | undefined)[];
  readonly figures: ReadonlyMap<ContenderName, ContenderFigures>;
  readonly log: (line: string) => void;
  /**
   * The taps that capture, by contender: after each saturation window the bench waits until the
   * tap's writer has stored what the window queued, and counts that CPU too (see `saturation`).
   */
  readonly capturing?: ReadonlyMap<ContenderName, StartedChild>;
}

/** The live contenders in the order their targets were added. */
const active = (ctx: PhaseContext): ContenderName[] => [...ctx.targets.keys()];

/** Unmeasured closed loop per contender: JIT, connection pools, SQLite pages. */
export async function warmUp(ctx: PhaseContext): Promise<void> {
  for (const name of active(ctx)) {
    const target = ctx.targets.get(name);
    if (target !== undefined)
      await ctx.load.closed({ target, connections: ctx.plan.connections, warmupMs: 0, durationMs: ctx.plan.warmupMs });
  }
}

/**
 * The A/B pair (`tap` and its `tap@…` variants) in the slots the rotation gave them, `tap` first in
 * even rounds and last in odd ones: rotated alone, `tap` ran right before `tap@against` in three
 * rounds of four, so whatever the previous window leaves the machine (the other's backlog, dirty
 * pages) fell on one side of the A/B more often.
 */
export function alternatePair<N extends string>(order: readonly N[], round: number): N[] {
  const isPair = (n: N): boolean => n === 'tap' || n.startsWith('tap@');
  const members = order.filter(isPair).sort((a, b) => (a === 'tap' ? -1 : b === 'tap' ? 1 : a.localeCompare(b)));
  if (round % 2 === 1) members.reverse();
  let next = 0;
  return order.map((n) => (isPair(n) ? (members[next++] as N) : n));
}

/**
 * Closed-loop rounds, one contender at a time, the order rotating each round so that none always
 * runs first or last (and the A/B pair alternating, see {@link alternatePair}). Records req/s per
 * round and the process's CPU time per request.
 */
export async function saturation(ctx: PhaseContext): Promise<void> {
  const names = active(ctx);
  for (let r = 0; r < ctx.plan.rounds; r++) {
    const rotated = names.map((_, i) => names[(i + r) % names.length]).filter((n) => n !== undefined);
    const order = alternatePair(rotated, r);
    ctx.log(`saturation round ${r + 1}/${ctx.plan.rounds}: ${order.join(', ')}`);
    for (const name of order) {
      const target = ctx.targets.get(name);
      const fig = ctx.figures.get(name);
      if (target === undefined || fig === undefined) continue;
      const pid = ctx.pids.get(name);
      const rigCpu = (): number => ctx.rigPids.reduce<number>((sum, p) => sum + procCpuMs(p), 0);
      const cpu0 = procCpuMs(pid);
      const rig0 = rigCpu();
      const res = await ctx.load.closed({ target, connections: ctx.plan.connections, warmupMs: 200, durationMs: ctx.plan.closedMs });
      // A tap's writer may still be storing the window's captures when the window ends (its thread
      // yields to the proxy's): that work is the window's too. Counted until the queue is empty and
      // the counters hold still, or a writer that falls behind would look cheaper than one that keeps up.
      const tap = ctx.capturing?.get(name);
      const windowMs = procCpuMs(pid) - cpu0;
      if (tap !== undefined) {
        await settle(tap);
        fig.cpu.catchUpMs = (fig.cpu.catchUpMs ?? 0) + (procCpuMs(pid) - cpu0 - windowMs);
      }
      // The CPU span holds the job's warm-up and tail too, so it is divided by every request sent.
      fig.cpu.ms += procCpuMs(pid) - cpu0;
      // direct's process is the upstream: counted once, as the contender.
      fig.cpu.rigMs += rigCpu() - rig0 - (name === 'direct' ? procCpuMs(pid) - cpu0 : 0);
      fig.cpu.requests += res.sent;
      fig.throughput.push(res.completed / res.seconds);
      fig.errors += res.errors;
    }
  }
}

/**
 * Open-loop rounds. direct, http-proxy and the taps share one job, request slot by request slot,
 * so a noisy moment lands on all of them alike; Portkey (over 1 ms of CPU per request) gets a job
 * of its own so that it does not load the machine under the others. Each `tap@…` variant gets a
 * job of its own beside http-proxy and the tap, so that no job offers the machine more than the
 * usual four lanes (six lanes at 500 req/s each overloaded it: a third of the slots late).
 */
export async function latency(ctx: PhaseContext): Promise<void> {
  const names = active(ctx);
  const isVariant = (n: ContenderName): boolean => n.startsWith('tap@');
  const mixed = names.filter((n) => n !== 'portkey' && !isVariant(n));
  const variantJobs = names.filter(isVariant).map((v) => names.filter((n) => n === 'http-proxy' || n === 'tap' || n === v));
  for (let r = 0; r < ctx.plan.rounds; r++) {
    const jobs = [mixed, names.filter((n) => n === 'portkey'), ...variantJobs].filter((j) => j.length > 0);
    if (r % 2 === 1) jobs.reverse();
    for (const job of jobs) {
      const targets = job.map((n) => ctx.targets.get(n)).filter((t): t is Target => t !== undefined);
      ctx.log(`latency round ${r + 1}/${ctx.plan.rounds}, ${ctx.plan.openRate} req/s each: ${job.join(' + ')}`);
      const res = await ctx.load.open({
        targets,
        rate: ctx.plan.openRate,
        connections: ctx.plan.openConnections,
        warmupMs: ctx.plan.openWarmupMs,
        durationMs: ctx.plan.openMs,
      });
      for (const lane of res.targets) {
        const fig = ctx.figures.get(lane.name as ContenderName);
        if (fig === undefined) continue;
        fig.latency.push(lane.latencies);
        fig.errors += lane.errors;
        fig.late += res.late;
      }
    }
  }
}

/** Rows in the tap's SQLite file, read over a separate read-only connection (WAL allows it). */
export function countRows(db: string): number {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM exchanges').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** Polls `tap.stats()` until the queue is empty and the counters hold still (bounded: ~10 s). */
export async function settle(tap: StartedChild): Promise<TapStatsReply> {
  let previous = await tapStats(tap);
  let still = 0;
  for (let i = 0; i < 100 && still < 2; i++) {
    await sleep(100);
    const next = await tapStats(tap);
    const same = next.stats.captured === previous.stats.captured && next.stats.dropped === previous.stats.dropped;
    still = next.stats.queueDepth === 0 && same ? still + 1 : 0;
    previous = next;
  }
  return previous;
}

/**
 * A steady `dropRate` through the tap, with `tap.stats()` and the SQLite row count taken once
 * earlier captures have landed and again once this phase's have.
 */
export async function drops(ctx: PhaseContext, tap: StartedChild, target: Target, db: string): Promise<DropFigures> {
  ctx.log(`drops: ${ctx.plan.dropRate} req/s for ${ctx.plan.dropMs} ms through the tap`);
  const before = await settle(tap);
  const rows0 = countRows(db);
  const res = await ctx.load.open({
    targets: [target],
    rate: ctx.plan.dropRate,
    connections: ctx.plan.openConnections,
    warmupMs: 0,
    durationMs: ctx.plan.dropMs,
  });
  const lane = res.targets[0];
  if (lane === undefined) throw new Error('the load generator returned no result for the tap');
  const waitStart = performance.now();
  const after = await settle(tap);
  return {
    sent: lane.sent,
    ok: lane.ok,
    errors: lane.errors,
    late: res.late,
    latencies: lane.latencies,
    before,
    after,
    rows: countRows(db) - rows0,
    settledMs: performance.now() - waitStart,
  };
}
