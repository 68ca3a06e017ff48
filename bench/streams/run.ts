// npm run bench:streams — thousands of long SSE streams through the tap (100 % capture into SQLite
// through the writer thread) and through http-proxy, side by side in one run. Each stream: 200
// events 50 ms apart (~10 s). Scenarios: N = 1 000, 3 000, 10 000 streams of 200-byte events
// (40 KB each) and 1 000 streams of 25 KB events (5 MB each). Reports completion, TTFB p50/p99,
// per-event delay p50/p99 (from the upstream's send time), how late each server's main thread ran
// its event loop meanwhile (perf_hooks.monitorEventLoopDelay in both contenders), the server's peak
// RSS and, for the tap, captures stored and dropped. Every run is bounded by a deadline.
// `npm run bench:streams` raises `ulimit -n` for itself and its children (10 000 streams need
// ~20 000 descriptors in the proxy). Options: --only 1000,3000,10000,5mb  --ramp-ms 5000
// --contender http-proxy,tap@base,tap (a subset, comma-separated)  --profile-dir DIR (a V8 CPU profile of the tap while
// the client runs, written there; with --profile-kind heap, a sampling heap profile of every allocation instead)  --heap-snapshot-ms N (a heap snapshot of the tap's main thread N ms
// after the client starts, summarised per stream; it stalls the tap for seconds: an investigation, not a figure)
// --memory-log PREFIX (the tap's memory split and capture backlog every second, to PREFIX.<scenario>.jsonl)
// --sink worker|process|store (the tap's capture writer: a thread by default; see bench/tap/tap-server.ts)
// --redaction JSON (more of the tap's `tap.redaction` config, e.g. '{"builtinPatterns":false}': what the writer's redaction costs the proxy, an A/B only)
// --tap-flags=--a,--b (Node/V8 flags for the tap's process, e.g. --single-threaded-gc: an A/B of its runtime)
// --helpers-nice N (the tap's V8 helper threads at nice N, see lowerRuntimeHelpers: an A/B)
// --capture JSON (more of the tap's `tap.capture` config, e.g. '{"inFlightMaxBytes":67108864}' or '{"writerNiceness":0}': an A/B of capture settings)
// --against DIR (a second tap contender, `tap@base`: DIR's checkout of bench/tap/tap-server.ts, built there with its own
// packages, without --tap-flags; run just before this checkout's tap, so a change is measured against main in one run)
// --rounds N (each scenario's contenders N times, the order reversed every other round: an A/B that drifts with the load shows it)
// --under-tsx (run the tap and http-proxy through tsx, as before 2026-12-01 23:15: each process then also holds tsx's
// module-loader thread, an isolate no deployed process has; by default both run on plain node, see bench/tap/plain-entry.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { heapTop } from '../soak/heap-diff.js';
import { ask, ChildSet } from '../tap/child-set.js';
import { tapProfile, tapStats } from '../tap/contenders.js';
import type { LoopDelayReply } from '../tap/loop-delay-reply.js';
import { procCpuMs, procCpuSplitMs, procMemory, procSyscalls, procThreadCpuMs } from '../tap/proc-stats.js';
import { sleep } from '../tap/sleep.js';
import { listenDrops } from './listen-drops.js';
import { heapSnapshot, openFileLimit, otherThreads } from './process-probes.js';
import type { ClientReport, Row, Scenario } from './stream-rows.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'ramp-ms': { type: 'string' },
    contender: { type: 'string' },
    'profile-dir': { type: 'string' },
    'profile-kind': { type: 'string' },
    'heap-snapshot-ms': { type: 'string' },
    'memory-log': { type: 'string' },
    sink: { type: 'string' },
    capture: { type: 'string' },
    redaction: { type: 'string' },
    'tap-flags': { type: 'string' },
    'helpers-nice': { type: 'string' },
    'under-tsx': { type: 'boolean' },
    against: { type: 'string' },
    rounds: { type: 'string' },
  },
});
const plain = values['under-tsx'] !== true;
const profileDir = values['profile-dir'];
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const rampMs = Number(values['ramp-ms'] ?? 5000);
const heapSnapshotMs = values['heap-snapshot-ms'] === undefined ? undefined : Number(values['heap-snapshot-ms']);
const tapFlags = values['tap-flags'] === undefined ? [] : values['tap-flags'].split(',').filter((f) => f !== '');
const rounds = Math.max(1, Number(values.rounds ?? 1));

/** One server under test: http-proxy, this checkout's tap, or another checkout's (`--against`). */
interface Contender {
  readonly name: string;
  /** The tap's server module (undefined: http-proxy). */
  readonly tapModule?: string;
  readonly flags: readonly string[];
}
const contenders: Contender[] = [
  { name: 'http-proxy', flags: [] },
  ...(values.against === undefined ? [] : [{ name: 'tap@base', tapModule: join(values.against, 'bench/tap/tap-server.ts'), flags: [] }]),
  { name: 'tap', tapModule: here('../tap/tap-server.ts'), flags: tapFlags },
].filter((c) => values.contender === undefined || values.contender.split(',').includes(c.name));

const scenarios: Scenario[] = [
  { name: '1000', streams: 1000, chunkBytes: 200 },
  { name: '3000', streams: 3000, chunkBytes: 200 },
  { name: '10000', streams: 10_000, chunkBytes: 200 },
  { name: '5mb', streams: 1000, chunkBytes: 25_000 },
].filter((s) => values.only === undefined || values.only.split(',').includes(s.name));

function runClient(port: number, scenario: Scenario): Promise<ClientReport> {
  // Time to ramp up, ~10 s of streaming, and slack for a slow machine; past it the client aborts.
  const deadlineMs = rampMs + (scenario.chunkBytes > 1000 ? 120_000 : 60_000);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      here('./stream-client.ts'),
      `--target=http://127.0.0.1:${port}/v1/chat/completions`,
      `--streams=${scenario.streams}`,
      `--ramp-ms=${rampMs}`,
      `--deadline-ms=${deadlineMs}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || line === '') reject(new Error(`stream client exited ${code}`));
      else resolve(JSON.parse(line) as ClientReport);
    }),
  );
}

async function runOne(scenario: Scenario, who: Contender, dir: string): Promise<Row> {
  const contender = who.name;
  const children = new ChildSet();
  try {
    const upstream = await children.fork('upstream', here('./sse-upstream.ts'), [`--chunk-bytes=${scenario.chunkBytes}`]);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const server =
      who.tapModule === undefined
        ? await children.fork(
            'http-proxy',
            here('../tap/http-proxy-server.ts'),
            [`--upstream=${upstreamUrl}`, '--max-sockets=0', '--backlog=65535'],
            { shipped: true, plain },
          )
        : await children.fork(
            contender,
            who.tapModule,
            [
              `--upstream=${upstreamUrl}`,
              `--db=${join(dir, `${scenario.name}-${contender}-${Date.now()}.db`)}`,
              ...(profileDir === undefined ? [] : [`--profile-dir=${profileDir}`]),
              ...(values['profile-kind'] === undefined ? [] : [`--profile-kind=${values['profile-kind']}`]),
              ...(values.sink === undefined ? [] : [`--sink=${values.sink}`]),
              ...(values.capture === undefined ? [] : [`--capture=${values.capture}`]),
              ...(values.redaction === undefined ? [] : [`--redaction=${values.redaction}`]),
              ...(values['helpers-nice'] === undefined ? [] : [`--helpers-nice=${values['helpers-nice']}`]),
              ...(values['memory-log'] === undefined ? [] : [`--memory-log=${values['memory-log']}.${scenario.name}.jsonl`]),
            ],
            {
              shipped: true,
              plain,
              execArgv: [
                ...who.flags,
                ...(heapSnapshotMs === undefined ? [] : ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${join(dir, 'heap')}`]),
              ],
            },
          );
    const isTap = who.tapModule !== undefined;
    const profiling = isTap && profileDir !== undefined;
    if (profiling) await tapProfile(server, 'profile-start');
    const cpuBefore = procCpuMs(server.child.pid);
    const pid = server.child.pid;
    const systemBefore = procCpuSplitMs(pid).system;
    const callsBefore = procSyscalls(pid);
    const mainBefore = procCpuSplitMs(pid, pid);
    const mainCallsBefore = procSyscalls(pid, pid);
    const threadsBefore = procThreadCpuMs(pid);
    const upstreamCpuBefore = procCpuMs(upstream.child.pid);
    const overflowsBefore = listenDrops().overflows;
    await ask(server.child, { type: 'loop-delay-reset' }, (m) => isType(m, 'loop-delay-reset'), 15_000);
    const clientRun = runClient(server.port, scenario);
    if (isTap && heapSnapshotMs !== undefined) {
      await sleep(heapSnapshotMs);
      console.log(
        `tap heap at ${heapSnapshotMs} ms:\n${heapTop(await heapSnapshot(server.child, join(dir, 'heap')), 25, scenario.streams)}`,
      );
    }
    const client = await clientRun;
    const loopDelay = await ask(
      server.child,
      { type: 'loop-delay' },
      (m) => (isType(m, 'loop-delay') ? (m as LoopDelayReply) : undefined),
      15_000,
    );
    if (profiling) console.log(`tap CPU profile: ${JSON.stringify(await tapProfile(server, 'profile-stop'))}`);
    const cpuS = (procCpuMs(server.child.pid) - cpuBefore) / 1000;
    const systemS = (procCpuSplitMs(server.child.pid).system - systemBefore) / 1000;
    const calls = procSyscalls(pid);
    const events = Math.max(1, client.delayMs.samples);
    const perEvent = {
      writes: (calls.writes - callsBefore.writes) / events,
      reads: (calls.reads - callsBefore.reads) / events,
      mainWrites: (procSyscalls(pid, pid).writes - mainCallsBefore.writes) / events,
    };
    const mainAfter = procCpuSplitMs(pid, pid);
    const others = otherThreads(pid, threadsBefore);
    const main = {
      cpuS: (mainAfter.user + mainAfter.system - mainBefore.user - mainBefore.system) / 1000,
      systemS: (mainAfter.system - mainBefore.system) / 1000,
    };
    const listenOverflows = listenDrops().overflows - overflowsBefore;
    const upstreamCpuS = (procCpuMs(upstream.child.pid) - upstreamCpuBefore) / 1000;
    const peakRssMb = procMemory(server.child.pid).peak / 1024 / 1024;
    if (!isTap)
      return { scenario, contender, client, peakRssMb, cpuS, systemS, perEvent, main, others, upstreamCpuS, loopDelay, listenOverflows };
    // Counted before closing: a close that flushes thousands of captures may outlast the IPC timeout.
    const counted = await tapStats(server, 'stats');
    const { stats } = counted;
    const closed = await tapStats(server, 'close').catch(() => undefined);
    const final = closed?.stats ?? stats;
    const capture = closed?.capture ?? counted.capture;
    const mb = (n: number): number => Math.round(n / 1024 / 1024);
    const { atPeak } = closed ?? counted;
    return {
      atPeakMb: { heapUsed: mb(atPeak.heapUsed), external: mb(atPeak.external), arrayBuffers: mb(atPeak.arrayBuffers) },
      scenario,
      contender,
      client,
      peakRssMb,
      cpuS,
      systemS,
      perEvent,
      main,
      others,
      upstreamCpuS,
      loopDelay,
      listenOverflows,
      captured: final.captured,
      dropped: final.dropped,
      queued: closed === undefined ? stats.queueDepth : 0,
      ...(capture === undefined ? {} : { capture }),
    };
  } finally {
    await children.stopAll();
  }
}

/** True when `m` is an IPC message of that type (undefined otherwise, as `ask` wants). */
function isType(m: unknown, type: string): true | undefined {
  return typeof m === 'object' && m !== null && 'type' in m && m.type === type ? true : undefined;
}

/** ` (queue_full 12, closed 1)` when any were dropped. */
const droppedWhy = (r: Row): string => {
  const why = Object.entries(r.capture?.droppedBy ?? {}).filter(([, n]) => n > 0);
  return why.length === 0 ? '' : ` (${why.map(([reason, n]) => `${reason} ${n}`).join(', ')})`;
};
/** The server main thread's loop lateness (past its 10 ms timer) while the client ran. */
const loopLine = (d: LoopDelayReply | undefined): string =>
  d === undefined
    ? 'loop delay -'
    : `main-thread loop late p50 ${fmt(d.p50, 2)} p90 ${fmt(d.p90, 2)} p99 ${fmt(d.p99, 2)} p99.9 ${fmt(d.p999, 2)} max ${fmt(d.max, 2)} ms (${fmt(d.lateMs / 1000, 2)} s late over ${d.samples} samples)`;
const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const fileLimit = openFileLimit();
const loads = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  `streams bench: node ${process.version}, ${cpus().length} cores, load average ${loads}, ramp ${rampMs} ms, 200 events 50 ms apart per stream, open-file limit ${fileLimit} per process, tap and http-proxy ${plain ? 'on plain node' : 'through tsx'}`,
);
for (const s of scenarios)
  if (2 * s.streams + 100 > fileLimit)
    console.log(
      `warning: ${s.streams} streams need ~${2 * s.streams + 100} descriptors in the proxy (one to the client and one to the upstream per stream) against a limit of ${fileLimit}: past it, both contenders fail accepts or upstream connects (EMFILE)`,
    );
const dir = mkdtempSync(join(tmpdir(), 'us-bench-streams-'));
const rows: Row[] = [];
try {
  for (const scenario of scenarios) {
    const order = Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? contenders : [...contenders].reverse())).flat();
    for (const who of order) {
      const contender = who.name;
      const row = await runOne(scenario, who, dir);
      rows.push(row);
      const c = row.client;
      console.log(
        `${scenario.name} ${contender}: ${c.completed}/${c.streams} complete in ${fmt(c.seconds)} s, errors ${JSON.stringify(c.errors)}${c.late === undefined || c.errors.deadline === undefined ? '' : ` (late: ${JSON.stringify(c.late)})`}, listen-queue overflows ${row.listenOverflows}; ${loopLine(row.loopDelay)}; TTFB p50 ${fmt(c.ttfbMs.p50)} p99 ${fmt(c.ttfbMs.p99)} ms; event delay p50 ${fmt(c.delayMs.p50)} p99 ${fmt(c.delayMs.p99)} ms; peak RSS ${fmt(row.peakRssMb, 0)} MB; CPU ${fmt(row.cpuS)} s (kernel ${fmt(row.systemS)} s; main thread ${fmt(row.main.cpuS)} s, kernel ${fmt(row.main.systemS)} s; busiest other thread ${fmt(row.others.busiestS)} s, the rest ${fmt(row.others.restS)} s over ${row.others.threads} threads; upstream ${fmt(row.upstreamCpuS)} s), per event ${fmt(row.perEvent.writes, 2)} writes (main thread ${fmt(row.perEvent.mainWrites, 2)}) ${fmt(row.perEvent.reads, 2)} reads${row.captured === undefined ? '' : `; captured ${row.captured}, dropped ${row.dropped}, still queued ${row.queued}${row.capture === undefined ? '' : ` (dropped by reason ${JSON.stringify(row.capture.droppedBy)}, cut by the in-flight budget ${row.capture.cutByBudget}, SSE events not kept ${row.capture.sseEventsDropped})`}; at peak heap ${row.atPeakMb?.heapUsed} MB, external ${row.atPeakMb?.external} MB (array buffers ${row.atPeakMb?.arrayBuffers} MB)`}; load ${loadavg()[0]?.toFixed(1)}`,
      );
      if (c.delayBySecond !== undefined)
        console.log(
          `  ${scenario.name} ${contender} event delay p99 by second of the run (ms): ${c.delayBySecond.map((d) => (d.samples === 0 ? '-' : fmt(d.p99, 0))).join(' ')}`,
        );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  '\n| streams | contender | complete | TTFB p50 / p99 ms | event delay p50 / p99 ms | main-thread loop late p50 / p99 / max ms | peak RSS MB | captured / dropped |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const c = r.client;
  console.log(
    `| ${r.scenario.streams} × ${r.scenario.chunkBytes > 1000 ? '5 MB' : '40 KB'} | ${r.contender} | ${c.completed}/${c.streams} | ${fmt(c.ttfbMs.p50)} / ${fmt(c.ttfbMs.p99)} | ${fmt(c.delayMs.p50)} / ${fmt(c.delayMs.p99)} | ${r.loopDelay === undefined ? '-' : `${fmt(r.loopDelay.p50)} / ${fmt(r.loopDelay.p99)} / ${fmt(r.loopDelay.max)}`} | ${fmt(r.peakRssMb, 0)} | ${r.captured === undefined ? '-' : `${r.captured} / ${r.dropped}${droppedWhy(r)}`} |`,
  );
}
console.log(
  '\n| streams | contender | TTFB p50: tap − http-proxy | event delay p99: tap − http-proxy | RSS: tap vs 2 × http-proxy + 150 MB | main thread CPU s: tap / http-proxy | other threads CPU s (writer + rest) |',
);
console.log('|---|---|---|---|---|---|---|');
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
for (const scenario of scenarios) {
  const proxies = rows.filter((r) => r.scenario === scenario && r.contender === 'http-proxy');
  if (proxies.length === 0) continue;
  // Against the mean of the run's http-proxy rows of this scenario (one per round).
  const proxy = {
    ttfb: mean(proxies.map((r) => r.client.ttfbMs.p50)),
    p99: mean(proxies.map((r) => r.client.delayMs.p99)),
    rss: mean(proxies.map((r) => r.peakRssMb)),
    main: mean(proxies.map((r) => r.main.cpuS)),
  };
  for (const tap of rows.filter((r) => r.scenario === scenario && r.contender !== 'http-proxy'))
    console.log(
      `| ${scenario.name} | ${tap.contender} | ${fmt(tap.client.ttfbMs.p50 - proxy.ttfb, 2)} ms | ${fmt(tap.client.delayMs.p99 - proxy.p99, 2)} ms | ${fmt(tap.peakRssMb, 0)} vs ${fmt(2 * proxy.rss + 150, 0)} MB | ${fmt(tap.main.cpuS)} / ${fmt(proxy.main)} (×${fmt(tap.main.cpuS / proxy.main, 2)}) | ${fmt(tap.others.busiestS)} + ${fmt(tap.others.restS)} |`,
    );
}
