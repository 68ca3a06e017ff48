// npm run bench:streams — thousands of long SSE streams through the tap (100 % capture into SQLite
// through the writer thread) and through http-proxy, side by side in one run. Each stream: 200
// events 50 ms apart (~10 s). Scenarios: N = 1 000, 3 000, 10 000 streams of 200-byte events
// (40 KB each) and 1 000 streams of 25 KB events (5 MB each). Reports completion, TTFB p50/p99,
// per-event delay p50/p99 (from the upstream's send time), how late each server's main thread ran
// its event loop meanwhile (perf_hooks.monitorEventLoopDelay in both contenders), the server's peak
// RSS and, for the tap, captures stored and dropped. Every run is bounded by a deadline.
// `npm run bench:streams` raises `ulimit -n` for itself and its children (10 000 streams need
// ~20 000 descriptors in the proxy). Options: --only 1000,3000,10000,limit,5mb (limit: the most streams the
// descriptor limit allows one proxy, at most 10 000)  --ramp-ms 5000
// --contender http-proxy,tap@base,tap (a subset, comma-separated)  --profile-dir DIR (a V8 CPU profile of the tap while
// the client runs, written there; with --profile-kind heap, a sampling heap profile of every allocation instead)  --heap-snapshot-ms N (a heap snapshot of the tap's main thread N ms
// after the client starts, summarised per stream; it stalls the tap for seconds: an investigation, not a figure)
// --tap-stdout PREFIX (what each tap prints, e.g. V8's --trace-gc through --tap-flags, to PREFIX.<scenario>.<contender>.<round>.log)
// --memory-log PREFIX (the tap's memory split and capture backlog every second, to PREFIX.<scenario>.jsonl)
// --sink worker|process|store (the tap's capture writer: a thread by default; see bench/tap/tap-server.ts)
// --redaction JSON (more of the tap's `tap.redaction` config, e.g. '{"builtinPatterns":false}': what the writer's redaction costs the proxy, an A/B only)
// --tap-flags=--a,--b (Node/V8 flags for the tap's process, e.g. --single-threaded-gc: an A/B of its runtime)
// --helpers-nice N (the tap's V8 helper threads at nice N, see lowerRuntimeHelpers: an A/B)
// --capture JSON (more of the tap's `tap.capture` config, e.g. '{"inFlightMaxBytes":67108864}' or '{"writerNiceness":0}': an A/B of capture settings)
// --variant NAME=JSON or NAME=--a,--b (repeatable: one more contender, `tap@NAME`, this checkout's tap with these `tap.capture`
// overrides instead of --capture's, or with these tap-server arguments after the run's (tap-server reads the first of a repeated one: give it here only), run
// beside the tap in the same rounds: e.g. --variant='nocap={"rate":0}' (capture on against off in one run) or
// --variant=proc=--sink=process (the writer child process `understudy tap` uses, against the thread))
// --against DIR (a second tap contender, `tap@base`: DIR's checkout of bench/tap/tap-server.ts, built there with its own
// packages, without --tap-flags; run just before this checkout's tap, so a change is measured against main in one run)
// --base-flags=--a,--b (Node/V8 flags for tap@base, e.g. --trace-gc with --tap-stdout: an A/B of GC counts)
// --rounds N (each scenario's contenders N times, the order reversed every other round: an A/B that drifts with the load shows it)
// --under-tsx (run the tap and http-proxy through tsx, as before 2026-12-01 23:15: each process then also holds tsx's
// module-loader thread, an isolate no deployed process has; by default both run on plain node, see bench/tap/plain-entry.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openFileLimit } from './process-probes.js';
import { type Contender, type RunOptions, runContender } from './run-contender.js';
import { printRow, printTables } from './stream-report.js';
import type { Row, Scenario } from './stream-rows.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'ramp-ms': { type: 'string' },
    contender: { type: 'string' },
    'profile-dir': { type: 'string' },
    'profile-kind': { type: 'string' },
    'heap-snapshot-ms': { type: 'string' },
    'memory-log': { type: 'string' },
    'tap-stdout': { type: 'string' },
    sink: { type: 'string' },
    capture: { type: 'string' },
    redaction: { type: 'string' },
    'tap-flags': { type: 'string' },
    'base-flags': { type: 'string' },
    'helpers-nice': { type: 'string' },
    'under-tsx': { type: 'boolean' },
    against: { type: 'string' },
    rounds: { type: 'string' },
    variant: { type: 'string', multiple: true },
  },
});
const plain = values['under-tsx'] !== true;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const rampMs = Number(values['ramp-ms'] ?? 5000);
const tapFlags = values['tap-flags'] === undefined ? [] : values['tap-flags'].split(',').filter((f) => f !== '');
const baseFlags = values['base-flags'] === undefined ? [] : values['base-flags'].split(',').filter((f) => f !== '');
const rounds = Math.max(1, Number(values.rounds ?? 1));
const options: RunOptions = {
  plain,
  rampMs,
  ...(values['heap-snapshot-ms'] === undefined ? {} : { heapSnapshotMs: Number(values['heap-snapshot-ms']) }),
  ...(values['profile-dir'] === undefined ? {} : { profileDir: values['profile-dir'] }),
  ...(values['profile-kind'] === undefined ? {} : { profileKind: values['profile-kind'] }),
  ...(values.sink === undefined ? {} : { sink: values.sink }),
  ...(values.capture === undefined ? {} : { capture: values.capture }),
  ...(values.redaction === undefined ? {} : { redaction: values.redaction }),
  ...(values['helpers-nice'] === undefined ? {} : { helpersNice: values['helpers-nice'] }),
  ...(values['memory-log'] === undefined ? {} : { memoryLog: values['memory-log'] }),
  ...(values['tap-stdout'] === undefined ? {} : { tapStdout: values['tap-stdout'] }),
};
const contenders: Contender[] = [
  { name: 'http-proxy', flags: [] },
  ...(values.against === undefined
    ? []
    : [{ name: 'tap@base', tapModule: join(values.against, 'bench/tap/tap-server.ts'), flags: baseFlags }]),
  { name: 'tap', tapModule: here('../tap/tap-server.ts'), flags: tapFlags },
  ...(values.variant ?? []).map((spec) => {
    const eq = spec.indexOf('=');
    if (eq < 1) throw new Error(`--variant ${spec}: expected NAME=JSON or NAME=--a,--b`);
    const name = `tap@${spec.slice(0, eq)}`;
    const value = spec.slice(eq + 1);
    const tapModule = here('../tap/tap-server.ts');
    if (!value.startsWith('{')) return { name, tapModule, flags: tapFlags, args: value.split(',').filter((a) => a !== '') };
    JSON.parse(value);
    return { name, tapModule, flags: tapFlags, capture: value };
  }),
].filter((c) => values.contender === undefined || values.contender.split(',').includes(c.name));

const fileLimit = openFileLimit();
// The most streams this machine's descriptor limit lets one proxy hold (two per stream, 200 spare), in hundreds: where
// the limit is under 10 000's ~20 100, `--only=limit` measures the largest N it allows instead.
const atLimit = Number.isFinite(fileLimit) ? Math.min(10_000, Math.floor((fileLimit - 200) / 200) * 100) : 10_000;
const scenarios: Scenario[] = [
  { name: '1000', streams: 1000, chunkBytes: 200 },
  { name: '3000', streams: 3000, chunkBytes: 200 },
  { name: '10000', streams: 10_000, chunkBytes: 200 },
  { name: 'limit', streams: atLimit, chunkBytes: 200 },
  { name: '5mb', streams: 1000, chunkBytes: 25_000 },
].filter((s) => (values.only === undefined ? s.name !== 'limit' : values.only.split(',').includes(s.name)));

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
    for (let round = 0; round < rounds; round++)
      for (const who of round % 2 === 0 ? contenders : [...contenders].reverse()) {
        const row = await runContender(scenario, who, round, dir, options);
        rows.push(row);
        printRow(row);
      }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

printTables(rows, scenarios);
