/**
 * `npm run bench:tap`: the tap against direct calls, http-proxy and the Portkey gateway, in one
 * run, each server in its own process and the load generator in another. Prints throughput,
 * latency, SSE time to first byte, the tap's RSS and captures dropped at 2 000 req/s, then the
 * ratios beside their targets. `--cpu-prof` adds a CPU profile of the tap's saturation rounds;
 * `--sink=store` captures through `storeSink` on the proxy's thread instead of a writer thread.
 *
 * Fairness on a shared 2-core machine: saturation runs one contender at a time, in rounds whose
 * order rotates, averaged; latency interleaves direct, http-proxy and the taps request by request
 * in one open-loop job per round (Portkey alone); SSE streams alternate direct/tap. CPU time per
 * request, read from /proc, is reported beside req/s because it barely depends on the noise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from './bench-plan.js';
import type { ContenderFigures, DropFigures } from './bench-results.js';
import { sseChunks } from './chat-fixture.js';
import { ChildSet, type StartedChild } from './child-set.js';
import { type ContenderName, paths, startPortkey, tapProfile, tapStats, target } from './contenders.js';
import { LoadClient } from './load-client.js';
import type { Target } from './load-jobs.js';
import { countRows, drops, latency, type PhaseContext, saturation, warmUp } from './phases.js';
import { preflight } from './preflight.js';
import { formatReport } from './print-report.js';
import { procMemory } from './proc-stats.js';

const profile = process.argv.includes('--cpu-prof');
/**
 * `--sink=store` benches the contract's `storeSink` on the proxy's thread instead of a writer
 * thread; `--sink=process` the writer child process `understudy tap` uses (sqliteWriterProcess).
 */
const sink = process.argv.includes('--sink=store') ? 'store' : process.argv.includes('--sink=process') ? 'process' : 'worker';
/**
 * `--tap-flags=--a,--b`: Node/V8 flags for both tap contenders' processes (an experiment such as
 * `--max-semi-space-size=4`; the shipped tap runs with none).
 */
const tapFlags = (process.argv.find((a) => a.startsWith('--tap-flags='))?.slice('--tap-flags='.length) ?? '')
  .split(',')
  .filter((f) => f !== '');
/**
 * `--under-tsx`: run the tap and http-proxy contenders through tsx as passes 1-5 did (each process
 * then also holds tsx's loader thread, ≈ 33 MB). By default they run on plain node (`plainEntry`).
 */
const plain = !process.argv.includes('--under-tsx');
/**
 * Tap variants: besides the tap, one more tap contender per variant, `tap@NAME`, with more
 * tap-server arguments, through every phase the tap goes through, in the same run (an A/B).
 * `--tap-variant=NAME=ARG,ARG` (e.g. `pages-4k=--sqlite-page-size=4096`); `--young-generation=4,8`
 * is short for `--tap-variant=yg-4=--young-generation=4 --tap-variant=yg-8=--young-generation=8`
 * (each semi-space capped at 4 or 8 MB by `capYoungGeneration`; `v8`: V8's own sizing, as the tap);
 * `--against=DIR` adds `tap@against`, the tap of another checkout (built, with its node_modules);
 * `--node-variant=NAME=--a,--b` adds `tap@NAME`, the tap's process started with these Node/V8 flags
 * (e.g. `stgc=--single-threaded-gc`, as a launcher would start it; V8 flags are per process).
 */
const against = process.argv.find((a) => a.startsWith('--against='))?.slice('--against='.length);
/** `NAME=A,B` of a variant option, split at the first `=`. */
const variantSpec = (spec: string): { name: string; list: string[] } => {
  const eq = spec.indexOf('=');
  return { name: spec.slice(0, eq), list: spec.slice(eq + 1).split(',') };
};
const tapVariants: { name: string; args: string[]; module?: string; execArgv?: string[] }[] = [
  ...(against === undefined ? [] : [{ name: 'against', args: [], module: join(against, 'bench/tap/tap-server.ts') }]),
  ...(process.argv.find((a) => a.startsWith('--young-generation='))?.slice('--young-generation='.length) ?? '')
    .split(',')
    .filter((v) => v !== '')
    .map((yg) => ({ name: `yg-${yg}`, args: [`--young-generation=${yg}`] })),
  ...process.argv
    .filter((a) => a.startsWith('--tap-variant='))
    .map((a) => {
      const { name, list } = variantSpec(a.slice('--tap-variant='.length));
      return { name, args: list };
    }),
  ...process.argv
    .filter((a) => a.startsWith('--node-variant='))
    .map((a) => {
      const { name, list } = variantSpec(a.slice('--node-variant='.length));
      return { name, args: [], execArgv: list };
    }),
];
const children = new ChildSet();
/** Holds the SQLite files; removed on the way out, interrupted or not. */
let tempDir: string | undefined;
process.once('exit', () => children.killAllNow());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    children.killAllNow();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
    process.exit(130);
  });
}

const log = (line: string): void => console.error(`[bench:tap] ${line}`);
const firstLines = (error: unknown, n: number): string => String(error).split('\n').slice(0, n).join(' | ');

/** Which sources were measured: the commit, and whether tap, core or store had uncommitted changes. */
function sourceRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages/tap', 'packages/core', 'packages/store'], {
      encoding: 'utf8',
    }).trim();
    return `${head}${dirty === '' ? '' : ' + uncommitted changes in packages/{tap,core,store}'}`;
  } catch {
    return 'unknown (no git)';
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const dir = mkdtempSync(join(tmpdir(), 'understudy-bench-tap-'));
  tempDir = dir;
  const db = join(dir, 'tap.db');
  let tap: StartedChild | undefined;
  let tapClosed = false;
  try {
    const upstream = await children.fork('upstream', paths.upstream, [`--chunk-ms=${plan.sseChunkMs}`]);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const loadGenerator = await children.fork('load-generator', paths.loadGenerator, []);
    const load = new LoadClient(loadGenerator.child);
    const proxy = await children.fork('http-proxy', paths.httpProxy, [`--upstream=${upstreamUrl}`], { shipped: true, plain });
    const profileDir = join(tmpdir(), 'understudy-bench-tap-profiles');
    if (profile) mkdirSync(profileDir, { recursive: true });
    const unavailable = new Map<ContenderName, string>();
    tap = await children
      .fork(
        'tap',
        paths.tap,
        [`--upstream=${upstreamUrl}`, `--db=${db}`, `--sink=${sink}`, ...(profile ? [`--profile-dir=${profileDir}`] : [])],
        { shipped: true, plain, execArgv: tapFlags },
      )
      .catch((error: unknown) => {
        unavailable.set('tap', firstLines(error, 6));
        return undefined;
      });
    const bareTap = await children
      .fork(
        'tap-no-capture',
        paths.tap,
        [`--upstream=${upstreamUrl}`, `--db=${join(dir, 'no-capture.db')}`, `--sink=${sink}`, '--capture-rate=0'],
        { shipped: true, plain, execArgv: tapFlags },
      )
      .catch((error: unknown) => {
        unavailable.set('tap-no-capture', firstLines(error, 6));
        return undefined;
      });
    const variants: { name: ContenderName; tap: StartedChild; db: string }[] = [];
    for (const variant of tapVariants) {
      const name: ContenderName = `tap@${variant.name}`;
      const variantDb = join(dir, `${variant.name}.db`);
      const started = await children
        .fork(name, variant.module ?? paths.tap, [`--upstream=${upstreamUrl}`, `--db=${variantDb}`, `--sink=${sink}`, ...variant.args], {
          shipped: true,
          plain,
          execArgv: [...tapFlags, ...(variant.execArgv ?? [])],
        })
        .catch((error: unknown) => {
          unavailable.set(name, firstLines(error, 6));
          return undefined;
        });
      if (started !== undefined) variants.push({ name, tap: started, db: variantDb });
    }
    const portkey = await startPortkey(children, 20_000).catch((error: unknown) => {
      unavailable.set('portkey', firstLines(error, 1));
      return undefined;
    });
    // Idle footprint after start-up, before any request: separates the load-driven part of the peak.
    const tapIdle = tap === undefined ? undefined : await tapStats(tap);

    const targets = new Map<ContenderName, Target>([
      ['direct', target('direct', upstream.port)],
      ['http-proxy', target('http-proxy', proxy.port)],
    ]);
    if (tap !== undefined) targets.set('tap', target('tap', tap.port));
    for (const v of variants) targets.set(v.name, target(v.name, v.tap.port));
    if (bareTap !== undefined) targets.set('tap-no-capture', target('tap-no-capture', bareTap.port));
    if (portkey !== undefined) {
      const headers = {
        'x-portkey-provider': 'openai',
        'x-portkey-custom-host': `${upstreamUrl}/v1`,
        authorization: 'Bearer sk-bench-not-a-key',
      };
      targets.set('portkey', target('portkey', portkey.port, headers));
    }
    for (const [name, t] of [...targets]) {
      const problem = await preflight(load, t, upstream.port).catch((error: unknown) => String(error));
      if (problem === undefined) log(`${name}: preflight ok (reaches the upstream, returns its completion)`);
      else {
        unavailable.set(name, `preflight: ${problem}`);
        targets.delete(name);
      }
    }
    for (const [name, why] of unavailable) log(`${name}: UNAVAILABLE — ${why}`);

    const pids = new Map<ContenderName, number | undefined>([
      ['direct', upstream.child.pid],
      ['http-proxy', proxy.child.pid],
      ['tap', tap?.child.pid],
      ['tap-no-capture', bareTap?.child.pid],
      ['portkey', portkey?.pid],
      ...variants.map((v): [ContenderName, number | undefined] => [v.name, v.tap.child.pid]),
    ]);
    const figures = new Map<ContenderName, ContenderFigures>(
      [...targets.keys()].map((n) => [n, { throughput: [], cpu: { ms: 0, rigMs: 0, requests: 0 }, latency: [], errors: 0, late: 0 }]),
    );
    const rigPids = [upstream.child.pid, loadGenerator.child.pid];
    const capturing = new Map<ContenderName, StartedChild>([
      ...(tap === undefined ? [] : [['tap', tap] as const]),
      ...variants.map((v) => [v.name, v.tap] as const),
    ]);
    const ctx: PhaseContext = { plan, load, targets, pids, rigPids, figures, log, capturing };

    await warmUp(ctx);
    // The profile covers the saturation rounds only; the tap idles through the other contenders' turns.
    if (profile && tap !== undefined) await tapProfile(tap, 'profile-start');
    await saturation(ctx);
    const profiled = profile && tap !== undefined ? await tapProfile(tap, 'profile-stop') : undefined;
    for (const name of capturing.keys()) {
      const cpu = figures.get(name)?.cpu;
      if (cpu !== undefined && cpu.requests > 0)
        log(
          `${name}: after its saturation windows, storing their captures took ${(cpu.catchUpMs ?? 0).toFixed(0)} ms of CPU more (${(((cpu.catchUpMs ?? 0) * 1000) / cpu.requests).toFixed(1)} µs per request, counted in its CPU µs/req)`,
        );
    }
    await latency(ctx);

    const sseTargets = [targets.get('direct'), targets.get('tap'), ...variants.map((v) => targets.get(v.name))].filter(
      (x): x is Target => x !== undefined,
    );
    log(`SSE: ${plan.sseStreams} streams each, alternating ${sseTargets.map((x) => x.name).join('/')}`);
    const sse = await load.sse({ targets: sseTargets, streamsPerTarget: plan.sseStreams, expectedEvents: sseChunks.length });

    const tapTarget = targets.get('tap');
    const drop = tap !== undefined && tapTarget !== undefined ? await drops(ctx, tap, tapTarget, db) : undefined;
    // Each variant goes through the same steady phase (its peak RSS then covers the same work as the tap's).
    const variantDrops = new Map<ContenderName, DropFigures>();
    for (const v of variants) {
      const t = targets.get(v.name);
      if (t !== undefined) variantDrops.set(v.name, await drops(ctx, v.tap, t, v.db));
    }
    const memory = new Map([...pids.keys()].map((n) => [n, procMemory(pids.get(n))]));
    tapClosed = true;
    const tapFinal = tap === undefined ? undefined : await tapStats(tap, 'close').catch(() => undefined);

    const report = formatReport(plan, {
      revision: sourceRevision(),
      sink:
        (sink === 'store'
          ? 'storeSink on the proxy thread'
          : sink === 'process'
            ? 'sqliteWriterProcess (writer child process, as `understudy tap` uses)'
            : 'sqliteWorkerSink (writer thread, as `understudy start` uses)') +
        (tapFlags.length === 0 ? '' : `, taps run with ${tapFlags.join(' ')}`) +
        (plain ? ', tap and http-proxy on plain node' : ', tap and http-proxy through tsx'),
      figures,
      unavailable,
      sse,
      drop,
      variantDrops,
      tapIdle,
      tapFinal,
      tapRows: tap === undefined ? Number.NaN : countRows(db),
      memory,
      profiled,
      loadBefore,
      loadAfter: loadavg()[0] ?? Number.NaN,
      seconds: (performance.now() - started) / 1000,
    });
    console.log(report);
  } finally {
    if (tap !== undefined && !tapClosed && tap.child.connected) await tapStats(tap, 'close').catch(() => undefined);
    await children.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench:tap] failed:', error);
    children.killAllNow();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
    process.exit(1);
  },
);
