/**
 * `npm run bench:tap:gc`: the tap's garbage collection under the saturation closed loop, as an
 * A/B. Each variant is the bench's tap contender (dist, no profiler) with `--trace-gc-nvp`, so V8
 * prints one line per collection; the tap's main isolate is told apart from the writer thread's
 * by its larger young generation. Variants, in alternating order for `--rounds=` rounds:
 * `--variant=NAME=JSON` (overrides of `tap.capture`, e.g. `small={"flushIntervalMs":5}`, or
 * `nocap={"rate":0}`), `--flags=NAME=--a,--b` (this checkout's tap under other Node/V8 flags, e.g.
 * `semi4=--max-semi-space-size=4`), plus `--against=DIR` (another checkout's tap) and always
 * `head` (this checkout, shipped defaults). Printed per variant: req/s, process CPU per request
 * (main, writer, other threads from /proc), peak RSS, the main heap (total/used) and the capture
 * backlog at their largest (the tap's once-a-second memory log), scavenges and mark-compacts per
 * 1 000 requests, their pause ms per 1 000 requests, and the median and 90th percentile bytes
 * promoted per scavenge (main isolate); then each round's req/s and CPU per request per thread.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from './bench-plan.js';
import { argValue } from './child-ipc.js';
import { ChildSet, waitForExit } from './child-set.js';
import { paths, tapStats, target } from './contenders.js';
import { LoadClient } from './load-client.js';
import { procMemory, procSystemMs, procThreadCpuMs, procThreadFaults } from './proc-stats.js';

const argNumber = (name: string, fallback: number): number => Number(argValue(name, String(fallback)));
const seconds = argNumber('seconds', 5);
const rounds = argNumber('rounds', 2);
const sink = process.argv.includes('--sink=process') ? 'process' : 'worker';
const against = argValue('against', '') || undefined;
/**
 * `--rate=N`: drive each variant at a fixed N requests a second (open loop) instead of the
 * saturation closed loop, so that CPU per request is compared at the same offered load: under
 * saturation a variant that happens to run slower (others' work on the machine) also spends more
 * per request (fewer requests per write and per wake-up), which swamps a difference of a few µs.
 */
const rate = argNumber('rate', 0);
/** `--under-tsx`: run the taps through tsx (its loader thread, ≈ 33 MB more), as before pass 6; by default on plain node. */
const plain = !process.argv.includes('--under-tsx');

interface Variant {
  readonly name: string;
  readonly module: string;
  readonly capture: string;
  /** Node/V8 flags for the tap's process besides the trace's own. */
  readonly flags?: readonly string[];
}

const variants: Variant[] = [{ name: 'head', module: paths.tap, capture: '{}' }];
if (against !== undefined) variants.push({ name: 'against', module: join(against, 'bench/tap/tap-server.ts'), capture: '{}' });
for (const arg of process.argv) {
  if (!arg.startsWith('--variant=')) continue;
  const spec = arg.slice('--variant='.length);
  const eq = spec.indexOf('=');
  variants.push({ name: spec.slice(0, eq), module: paths.tap, capture: spec.slice(eq + 1) });
}
for (const arg of process.argv) {
  if (!arg.startsWith('--flags=')) continue;
  const spec = arg.slice('--flags='.length);
  const eq = spec.indexOf('=');
  variants.push({ name: spec.slice(0, eq), module: paths.tap, capture: '{}', flags: spec.slice(eq + 1).split(',') });
}

const children = new ChildSet();
process.once('exit', () => children.killAllNow());

interface Gc {
  readonly kind: 'scavenge' | 'mark-compact' | 'other';
  readonly pauseMs: number;
  readonly promoted: number;
  /** V8's `[pid:isolate]` prefix: the main isolate is the first to collect (while the modules load). */
  readonly isolate: string;
}

/** `--trace-gc-nvp` lines (`pause=… gc=s … promoted=… semi_space_size=…`), one per collection. */
function parseTrace(text: string): Gc[] {
  const out: Gc[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes(' gc=')) continue;
    const field = (name: string): string | undefined => new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(line)?.[1];
    const gc = field('gc');
    out.push({
      kind: gc === 's' ? 'scavenge' : gc === 'ms' || gc === 'mmc' ? 'mark-compact' : 'other',
      pauseMs: Number(field('pause') ?? 0),
      promoted: Number(field('promoted') ?? 0),
      isolate: /^\[([^\]]+)\]/.exec(line)?.[1] ?? '',
    });
  }
  return out;
}

const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

interface Row {
  readonly requests: number;
  readonly reqPerSec: number;
  readonly main: number;
  readonly writer: number;
  readonly rest: number;
  /** Minor page faults per request: the main thread, the writer (the busiest other thread), the rest. */
  readonly faults: readonly [number, number, number];
  /** Kernel-mode CPU µs per request, all threads. */
  readonly systemUs: number;
  readonly peakRssMb: number;
  readonly gcs: Gc[];
  readonly mainIsolate: string;
  /** The capture backlog (queued plus waiting to be built) at its largest, from the tap's once-a-second memory log. */
  readonly maxBacklog: number;
  /** The main isolate's heap (total, used) MB at the largest RSS the memory log saw. */
  readonly heapAtPeak: readonly [number, number];
}

/** Faults per request of the main thread, of the thread that used the most CPU besides it (the writer), and of the rest. */
function byThread(
  pid: number | undefined,
  before: Map<number, number>,
  after: Map<number, number>,
  requests: number,
  cpu: readonly { tid: number; us: number }[],
): [number, number, number] {
  const of = (tid: number): number => ((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) / requests;
  const writer = cpu.filter((d) => d.tid !== pid).sort((a, b) => b.us - a.us)[0]?.tid;
  let rest = 0;
  for (const tid of after.keys()) if (tid !== pid && tid !== writer) rest += of(tid);
  return [pid === undefined ? 0 : of(pid), writer === undefined ? 0 : of(writer), rest];
}

/** The measured window: the closed loop, or (`--rate`) the open loop at that rate. */
async function drive(load: LoadClient, t: ReturnType<typeof target>): Promise<{ sent: number; completed: number; seconds: number }> {
  if (rate <= 0) return load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: seconds * 1000 });
  const res = await load.open({ targets: [t], rate, connections: plan.connections, warmupMs: 0, durationMs: seconds * 1000 });
  const one = res.targets[0];
  return { sent: one?.sent ?? 0, completed: one?.ok ?? 0, seconds };
}

async function measure(v: Variant, load: LoadClient, upstreamUrl: string, dir: string, round: number): Promise<Row> {
  const traceFile = join(dir, `${v.name}-${round}.gc`);
  const memoryLog = join(dir, `${v.name}-${round}.mem`);
  const fd = openSync(traceFile, 'w');
  const tap = await children.fork(
    `${v.name}-${round}`,
    v.module,
    [
      `--upstream=${upstreamUrl}`,
      `--db=${join(dir, `${v.name}-${round}.db`)}`,
      `--sink=${sink}`,
      `--capture=${v.capture}`,
      `--memory-log=${memoryLog}`,
    ],
    { shipped: true, plain, execArgv: ['--trace-gc-nvp', ...(v.flags ?? [])], stdout: fd },
  );
  closeSync(fd);
  const t = target('tap', tap.port);
  const pid = tap.child.pid;
  await load.closed({ target: t, connections: plan.connections, warmupMs: 0, durationMs: 1_500 });
  const warm = parseTrace(readFileSync(traceFile, 'utf8'));
  const skip = warm.length;
  const before = procThreadCpuMs(pid);
  const faults0 = procThreadFaults(pid);
  const system0 = procSystemMs(pid);
  const res = await drive(load, t);
  const after = procThreadCpuMs(pid);
  const faults1 = procThreadFaults(pid);
  const system1 = procSystemMs(pid);
  const gcs = parseTrace(readFileSync(traceFile, 'utf8')).slice(skip);
  const peakRssMb = procMemory(pid).peak / 2 ** 20;
  await tapStats(tap, 'close').catch(() => undefined);
  await waitForExit(tap.child, 15_000);
  const memory = memoryLines(memoryLog);
  const peak = memory.reduce((a, b) => (b.rss > a.rss ? b : a), { rss: 0, heapTotal: 0, heapUsed: 0, queueDepth: 0, building: 0 });
  const deltas = [...after].map(([tid, ms]) => ({ tid, us: ((ms - (before.get(tid) ?? 0)) * 1000) / res.sent }));
  const others = deltas.filter((d) => d.tid !== pid).sort((a, b) => b.us - a.us);
  return {
    requests: res.sent,
    reqPerSec: res.completed / res.seconds,
    main: deltas.find((d) => d.tid === pid)?.us ?? 0,
    writer: others[0]?.us ?? 0,
    rest: others.slice(1).reduce((s, d) => s + d.us, 0),
    faults: byThread(pid, faults0, faults1, res.sent, deltas),
    systemUs: ((system1 - system0) * 1000) / res.sent,
    peakRssMb,
    gcs,
    mainIsolate: warm[0]?.isolate ?? '',
    maxBacklog: Math.max(0, ...memory.map((m) => m.queueDepth + m.building)),
    heapAtPeak: [peak.heapTotal, peak.heapUsed],
  };
}

interface MemoryLine {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly queueDepth: number;
  readonly building: number;
}

function memoryLines(file: string): MemoryLine[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as MemoryLine);
  } catch {
    return [];
  }
}

function report(name: string, rows: readonly Row[]): string {
  const requests = rows.reduce((n, r) => n + r.requests, 0);
  const w = (f: (r: Row) => number): number => rows.reduce((s, r) => s + f(r) * r.requests, 0) / requests;
  const all = rows.flatMap((r) => r.gcs);
  const main = rows.flatMap((r) => r.gcs.filter((g) => g.isolate === r.mainIsolate));
  const scavenges = main.filter((g) => g.kind === 'scavenge');
  const majors = all.filter((g) => g.kind === 'mark-compact');
  const per1k = (n: number): string => ((n * 1000) / requests).toFixed(2);
  const pause = (gs: readonly Gc[]): number => gs.reduce((s, g) => s + g.pauseMs, 0);
  const kb = (b: number): string => (b / 1024).toFixed(0);
  const promoted = scavenges.map((g) => g.promoted);
  return (
    `${name.padEnd(12)} ${(rows.reduce((s, r) => s + r.reqPerSec, 0) / rows.length).toFixed(0).padStart(6)} req/s  ` +
    `CPU µs/req main ${w((r) => r.main).toFixed(1)} writer ${w((r) => r.writer).toFixed(1)} other ${w((r) => r.rest).toFixed(1)}  ` +
    `peak RSS ${Math.max(...rows.map((r) => r.peakRssMb)).toFixed(1)} MB ` +
    `(main heap at the logged peak ${rows.map((r) => r.heapAtPeak.join('/')).join(', ')} MB total/used), ` +
    `capture backlog max ${Math.max(...rows.map((r) => r.maxBacklog))}\n` +
    `${''.padEnd(12)} main scavenges ${per1k(scavenges.length)}/1k req (${per1k(pause(scavenges))} ms/1k), ` +
    `mark-compacts ${per1k(majors.length)}/1k req (${per1k(pause(majors))} ms/1k, both isolates), ` +
    `promoted per scavenge p50 ${kb(quantile(promoted, 0.5))} KB p90 ${kb(quantile(promoted, 0.9))} KB, ` +
    `total ${((promoted.reduce((s, b) => s + b, 0) / requests) | 0).toString()} B/req\n` +
    `${''.padEnd(12)} minor page faults per req main ${w((r) => r.faults[0]).toFixed(2)} writer ${w((r) => r.faults[1]).toFixed(2)} other ${w((r) => r.faults[2]).toFixed(2)}, ` +
    `kernel-mode CPU ${w((r) => r.systemUs).toFixed(1)} µs/req\n` +
    `${''.padEnd(12)} per round (req/s main/writer/other µs): ` +
    rows.map((r) => `${r.reqPerSec.toFixed(0)} ${r.main.toFixed(1)}/${r.writer.toFixed(1)}/${r.rest.toFixed(1)}`).join(', ')
  );
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const dir = mkdtempSync(join(tmpdir(), 'understudy-bench-tap-gc-'));
  try {
    const upstream = await children.fork('upstream', paths.upstream, [`--chunk-ms=${plan.sseChunkMs}`]);
    const load = new LoadClient((await children.fork('load-generator', paths.loadGenerator, [])).child);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const rows = new Map<string, Row[]>(variants.map((v) => [v.name, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) rows.get(v.name)?.push(await measure(v, load, upstreamUrl, dir, round));
    }
    console.log(
      `bench:tap:gc, ${plan.connections} connections, ${rate > 0 ? `${rate} req/s (open loop)` : 'closed loop'}, ${seconds} s per variant per round, ${rounds} round(s), sink ${sink}; ` +
        `load ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? Number.NaN).toFixed(2)}`,
    );
    for (const v of variants) console.log(`${report(v.name, rows.get(v.name) ?? [])}   [${v.capture}]`);
  } finally {
    await children.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench:tap:gc] failed:', error);
    children.killAllNow();
    process.exit(1);
  },
);
