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
import { systemClock } from '@understudy/core';
import { announcedChild } from '../soak/announced-child.js';
import { plan } from './bench-plan.js';
import { argValue } from './child-ipc.js';
import { ChildSet, type StartedChild, waitForExit } from './child-set.js';
import { paths, tapStats, target } from './contenders.js';
import { LoadClient } from './load-client.js';
import { childPids, procCpuMs, procMemory, procPss, procThreadCpuMs } from './proc-stats.js';
import { groupProfile, readProfile } from './profile-groups.js';
import { combine, type Measured, report } from './profile-report.js';

const argNumber = (name: string, fallback: number): number => Number(argValue(name, String(fallback)));
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
    // The host's cost of the tap is both processes: their RSS summed counts the pages they share
    // (node itself) twice, so the peak of their summed PSS is sampled too (the kernel keeps no PSS peak).
    let peakPss = 0;
    const sampler = systemClock.setInterval(() => {
      peakPss = Math.max(peakPss, procPss(pid) + procPss(writer));
    }, 100);
    const res = await load
      .closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: seconds * 1000 })
      .finally(() => sampler.cancel());
    const cpu = [procCpuMs(pid) - (cpu0[0] ?? 0), procCpuMs(writer) - (cpu0[1] ?? 0)].map((ms) => ((ms * 1000) / res.sent).toFixed(1));
    const [tapPeak, writerPeak] = [procMemory(pid).peak, procMemory(writer).peak].map((b) => b / 2 ** 20);
    return (
      `\n## shipped \`understudy tap\` (dist, no profiler): ${res.sent} requests, ${(res.completed / res.seconds).toFixed(0)} req/s, ` +
      `CPU µs/request tap ${cpu[0]} + writer process ${cpu[1]}; peak RSS tap ${tapPeak?.toFixed(1)} MB, writer process ${writerPeak?.toFixed(1)} MB, ` +
      `together ${((tapPeak ?? 0) + (writerPeak ?? 0)).toFixed(1)} MB; peak PSS of both ${(peakPss / 2 ** 20).toFixed(1)} MB`
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
    console.log(report(runs, top) + shippedLine);
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
