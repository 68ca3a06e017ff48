/**
 * `npm run bench:tap:profile`: where every microsecond of a captured request goes, on both of
 * the tap's threads. Starts the bench's upstream, its load generator and two tap contenders in
 * turn (100 % capture, then capture off), each under `node --cpu-prof` (worker threads inherit
 * it, so the SQLite writer thread writes a profile of its own), drives each with the saturation
 * closed loop for `--seconds=` (default 6), and prints the self time per request, grouped
 * (forwarding, capture build, redaction, hashing, metrics, hand-off, writer, GC), for the
 * measured window only (the profiles' timestamps and `process.hrtime` share the monotonic clock).
 * The process's CPU per request from /proc is printed beside it: the profile counts time on the
 * thread (descheduled time included), /proc the CPU actually used.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { announcedChild } from '../soak/announced-child.js';
import { plan } from './bench-plan.js';
import { ChildSet, type StartedChild, waitForExit } from './child-set.js';
import { paths, tapStats, target } from './contenders.js';
import { LoadClient } from './load-client.js';
import { childPids, procCpuMs, procMemory, procThreadCpuMs } from './proc-stats.js';
import { type Group, type GroupedProfile, groupProfile, groups, readProfile } from './profile-groups.js';

const argNumber = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
};
const seconds = argNumber('seconds', 6);
const top = argNumber('top', 25);
const sink = process.argv.includes('--sink=process') ? 'process' : 'worker';
/** `--keep`: leave the `.cpuprofile` files (their directory is printed) for a profiler UI. */
const keep = process.argv.includes('--keep');
/**
 * `--against=DIR`: also profile the tap of another checkout (built, with its node_modules), in
 * the same run and in alternating order, `--rounds=` times: an A/B on a shared machine.
 */
const against = process.argv.find((a) => a.startsWith('--against='))?.slice('--against='.length);
const rounds = argNumber('rounds', 1);
/**
 * `--shipped`: then, unprofiled, the shipped `understudy tap` (the CLI from dist/, plain node, its
 * SQLite writer in a child process) under the same loop: its CPU and peak RSS, and its writer's.
 */
const shipped = process.argv.includes('--shipped');
const children = new ChildSet();
process.once('exit', () => children.killAllNow());
const log = (line: string): void => console.error(`[bench:tap:profile] ${line}`);
const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

interface Measured {
  readonly name: string;
  readonly requests: number;
  readonly reqPerSec: number;
  readonly cpuUsPerRequest: number;
  readonly peakRssMb: number;
  /** One per thread that wrote a profile, the main thread first (lowest thread id). */
  readonly threads: GroupedProfile[];
  /** CPU µs per request from /proc, per thread: the main one, the busiest other one (the writer), all the rest (V8's GC and compiler helpers, libuv). */
  readonly threadCpu: { readonly main: number; readonly writer: number; readonly rest: number };
}

/** Per-thread CPU between two /proc readings: the main thread, the busiest other, and the rest. */
function splitThreads(pid: number, before: Map<number, number>, after: Map<number, number>, requests: number): Measured['threadCpu'] {
  const deltas = [...after].map(([tid, ms]) => ({ tid, us: ((ms - (before.get(tid) ?? 0)) * 1000) / requests }));
  const main = deltas.find((d) => d.tid === pid)?.us ?? 0;
  const others = deltas.filter((d) => d.tid !== pid).sort((a, b) => b.us - a.us);
  const writer = others[0]?.us ?? 0;
  return { main, writer, rest: others.slice(1).reduce((sum, d) => sum + d.us, 0) };
}

async function measure(
  name: string,
  load: LoadClient,
  upstreamUrl: string,
  dir: string,
  captureRate: number,
  tapModule: string = paths.tap,
): Promise<Measured> {
  const profileDir = mkdtempSync(join(dir, `${name}-`));
  const db = join(dir, `${name}-${profileDir.slice(-6)}.db`);
  const tap: StartedChild = await children.fork(
    name,
    tapModule,
    [`--upstream=${upstreamUrl}`, `--db=${db}`, `--sink=${sink}`, `--capture-rate=${captureRate}`],
    { shipped: true, execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250'] },
  );
  const t = target('tap', tap.port);
  await load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: 1_500 });
  const pid = tap.child.pid;
  if (pid === undefined) throw new Error(`${name} has no pid`);
  const cpu0 = procCpuMs(pid);
  const threads0 = procThreadCpuMs(pid);
  const from = nowUs();
  const res = await load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: seconds * 1000 });
  const to = nowUs();
  const cpuMs = procCpuMs(pid) - cpu0;
  const threadCpu = splitThreads(pid, threads0, procThreadCpuMs(pid), res.sent);
  const peak = procMemory(pid).peak;
  log(`${name}: ${res.sent} requests in ${((to - from) / 1e6).toFixed(2)} s, ${res.errors} errors; closing to write the profiles`);
  await tapStats(tap, 'close').catch(() => undefined);
  await waitForExit(tap.child, 15_000);
  const files = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: the main thread is thread 0.
    .sort((a, b) => Number(a.split('.')[4]) - Number(b.split('.')[4]));
  return {
    name,
    requests: res.sent,
    reqPerSec: res.completed / res.seconds,
    cpuUsPerRequest: (cpuMs * 1000) / res.sent,
    peakRssMb: peak / 2 ** 20,
    threads: files.map((f) => groupProfile(readProfile(join(profileDir, f)), from, to)),
    threadCpu,
  };
}

const perRequest = (us: number, requests: number): string => (us / requests).toFixed(1).padStart(7);

/** One contender's rounds as one measurement: requests, CPU and profile times added up. */
function combine(runs: readonly Measured[]): Measured {
  const [first, ...rest] = runs;
  if (first === undefined) throw new Error('nothing measured');
  if (rest.length === 0) return first;
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const weighted = (f: (r: Measured) => number): number => runs.reduce((sum, r) => sum + f(r) * r.requests, 0) / requests;
  const addThreads = (pick: (r: Measured) => GroupedProfile | undefined): GroupedProfile => {
    const byGroup = new Map<Group, number>();
    const byFunction = new Map<string, { group: Group; us: number }>();
    let busyUs = 0;
    let idleUs = 0;
    for (const r of runs) {
      const t = pick(r);
      if (t === undefined) continue;
      busyUs += t.busyUs;
      idleUs += t.idleUs;
      for (const [g, us] of t.byGroup) byGroup.set(g, (byGroup.get(g) ?? 0) + us);
      for (const [k, v] of t.byFunction) byFunction.set(k, { group: v.group, us: (byFunction.get(k)?.us ?? 0) + v.us });
    }
    return { busyUs, idleUs, byGroup, byFunction };
  };
  return {
    name: `${first.name} (${runs.length} rounds)`,
    requests,
    reqPerSec: runs.reduce((sum, r) => sum + r.reqPerSec, 0) / runs.length,
    cpuUsPerRequest: weighted((r) => r.cpuUsPerRequest),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    threads: [addThreads((r) => r.threads[0]), addThreads(writerProfile)],
    threadCpu: {
      main: weighted((r) => r.threadCpu.main),
      writer: weighted((r) => r.threadCpu.writer),
      rest: weighted((r) => r.threadCpu.rest),
    },
  };
}

/** The profiled thread that is the writer: the busiest one besides the main thread (tsx keeps an idle one too). */
const writerProfile = (m: Measured): GroupedProfile | undefined =>
  m.threads.slice(1).reduce<GroupedProfile | undefined>((best, t) => (best === undefined || t.busyUs > best.busyUs ? t : best), undefined);

/**
 * µs of CPU per request per group: each thread's profile shares scaled to that thread's CPU from
 * /proc (a profile counts time on the thread, descheduled time included), and the threads that
 * write no profile (V8's GC and compiler helpers, libuv) as one row.
 */
function cpuByGroup(m: Measured): Map<Group | 'helper threads', number> {
  const out = new Map<Group | 'helper threads', number>();
  const add = (thread: GroupedProfile | undefined, cpu: number): void => {
    if (thread === undefined || thread.busyUs === 0) return;
    for (const [g, us] of thread.byGroup) out.set(g, (out.get(g) ?? 0) + (us / thread.busyUs) * cpu);
  };
  add(m.threads[0], m.threadCpu.main);
  add(writerProfile(m), m.threadCpu.writer);
  out.set('helper threads', m.threadCpu.rest);
  return out;
}

function report(runs: readonly Measured[]): string {
  const lines: string[] = [];
  for (const run of runs) {
    const { main, writer, rest } = run.threadCpu;
    lines.push(
      `\n## ${run.name}: ${run.requests} requests, ${run.reqPerSec.toFixed(0)} req/s, ` +
        `process CPU ${run.cpuUsPerRequest.toFixed(1)} µs/request (/proc: main ${main.toFixed(1)}, writer ${writer.toFixed(1)}, ` +
        `other threads ${rest.toFixed(1)}), peak RSS ${run.peakRssMb.toFixed(1)} MB`,
    );
    const shown = [run.threads[0], writerProfile(run)];
    shown.forEach((thread, i) => {
      if (thread === undefined) return;
      lines.push(
        `${i === 0 ? 'main thread' : 'writer thread'} profile: on the thread ${perRequest(thread.busyUs, run.requests)} µs/request ` +
          `(idle ${perRequest(thread.idleUs, run.requests)})`,
      );
      for (const g of groups) {
        const us = thread.byGroup.get(g);
        if (us !== undefined && us > 0) lines.push(`  ${perRequest(us, run.requests)} µs  ${g}`);
      }
      const fns = [...thread.byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, top);
      lines.push('  top functions (self µs/request on the thread, group):');
      for (const [key, { us }] of fns) {
        const [group, fn] = key.split('\t');
        lines.push(`    ${perRequest(us, run.requests)}  [${group}] ${fn}`);
      }
    });
  }
  const bare = runs.at(-1);
  if (runs.length >= 2 && bare !== undefined) {
    const captured = runs.slice(0, -1);
    const tables = captured.map(cpuByGroup);
    const off = cpuByGroup(bare);
    lines.push(
      `\n## CPU µs per request by group (profile shares × /proc thread CPU): ${captured.map((m) => m.name).join(', ')}, ${bare.name}; ` +
        `then each minus ${bare.name}`,
    );
    const sums = new Array<number>(captured.length + 1).fill(0);
    const row = (values: readonly number[], label: string): string => {
      const b = values.at(-1) ?? 0;
      const cells = [...values, ...values.slice(0, -1).map((a) => a - b)];
      return `  ${cells.map((v) => v.toFixed(1).padStart(7)).join(' ')}  ${label}`;
    };
    for (const g of [...groups, 'helper threads'] as const) {
      const values = [...tables.map((t) => t.get(g) ?? 0), off.get(g) ?? 0];
      values.forEach((v, i) => {
        sums[i] = (sums[i] ?? 0) + v;
      });
      if (values.some((v) => v >= 0.05)) lines.push(row(values, g));
    }
    lines.push(row(sums, 'total'));
  }
  return lines.join('\n');
}

/** The shipped `understudy tap` under the closed loop: req/s, and CPU and peak RSS of the tap and of its writer process. */
async function measureShipped(load: LoadClient, upstreamUrl: string, dir: string): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tap = announcedChild(
    [join(root, 'packages/cli/dist/main.js'), 'tap', '--upstream', upstreamUrl, '--port', '0'],
    { UNDERSTUDY_DB: join(dir, 'shipped.db'), UNDERSTUDY_REDACTION_KEY: 'bench-redaction-key-'.padEnd(32, 'x') },
    dir,
  );
  try {
    const url = new URL(await tap.url);
    const t = target('tap', Number(url.port));
    await load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: 1_500 });
    const pid = tap.proc.pid;
    const writer = childPids(pid)[0];
    const cpu0 = [procCpuMs(pid), procCpuMs(writer)];
    const res = await load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: seconds * 1000 });
    const cpu = [procCpuMs(pid) - (cpu0[0] ?? 0), procCpuMs(writer) - (cpu0[1] ?? 0)].map((ms) => ((ms * 1000) / res.sent).toFixed(1));
    const [tapPeak, writerPeak] = [procMemory(pid).peak, procMemory(writer).peak].map((b) => b / 2 ** 20);
    return (
      `\n## shipped \`understudy tap\` (dist, no profiler): ${res.sent} requests, ${(res.completed / res.seconds).toFixed(0)} req/s, ` +
      `CPU µs/request tap ${cpu[0]} + writer process ${cpu[1]}; peak RSS tap ${tapPeak?.toFixed(1)} MB, writer process ${writerPeak?.toFixed(1)} MB, ` +
      `together ${((tapPeak ?? 0) + (writerPeak ?? 0)).toFixed(1)} MB`
    );
  } finally {
    tap.proc.kill('SIGTERM');
    await waitForExit(tap.proc, 10_000);
    if (tap.proc.exitCode === null && tap.proc.signalCode === null) tap.proc.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const dir = mkdtempSync(join(tmpdir(), 'understudy-bench-tap-profile-'));
  try {
    const upstream = await children.fork('upstream', paths.upstream, [`--chunk-ms=${plan.sseChunkMs}`]);
    const load = new LoadClient((await children.fork('load-generator', paths.loadGenerator, [])).child);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const measured = new Map<string, Measured[]>();
    const add = (m: Measured): void => {
      measured.set(m.name, [...(measured.get(m.name) ?? []), m]);
    };
    const ours = (): Promise<Measured> => measure('tap', load, upstreamUrl, dir, 1);
    const other =
      against === undefined
        ? undefined
        : (): Promise<Measured> => measure('tap@against', load, upstreamUrl, dir, 1, join(against, 'bench/tap/tap-server.ts'));
    for (let round = 0; round < rounds; round++) {
      // Alternating which goes first, so neither always meets the quieter (or busier) moment.
      for (const next of round % 2 === 0 ? [ours, other] : [other, ours]) if (next !== undefined) add(await next());
      add(await measure('tap-no-capture', load, upstreamUrl, dir, 0));
    }
    const runs = [...measured.values()].map(combine);
    const shippedLine = shipped ? await measureShipped(load, upstreamUrl, dir) : '';
    console.log(
      `bench:tap:profile, ${plan.connections} connections, ${seconds} s per tap per round, ${rounds} round(s)${against === undefined ? '' : `, against ${against}`}, sink ${sink}; load ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? Number.NaN).toFixed(2)}`,
    );
    console.log(report(runs) + shippedLine);
  } finally {
    await children.stopAll();
    if (keep) log(`profiles kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench:tap:profile] failed:', error);
    children.killAllNow();
    process.exit(1);
  },
);
