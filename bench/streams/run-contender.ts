// One contender of bench:streams: a fresh SSE upstream and server (http-proxy or a checkout's tap), the stream client
// run through it, and what the server spent meanwhile (CPU per thread, system calls, loop lateness, peak RSS, captures).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heapTop } from '../soak/heap-diff.js';
import { ask, ChildSet } from '../tap/child-set.js';
import { tapProfile, tapStats } from '../tap/contenders.js';
import type { LoopDelayReply } from '../tap/loop-delay-reply.js';
import { childPids, procCpuMs, procCpuSplitMs, procMemory, procSyscalls, procThreadCpuMs } from '../tap/proc-stats.js';
import { sleep } from '../tap/sleep.js';
import { listenDrops } from './listen-drops.js';
import { heapSnapshot, otherThreads } from './process-probes.js';
import type { ClientReport, Row, Scenario } from './stream-rows.js';

/** One server under test: http-proxy, this checkout's tap, or another checkout's (`--against`). */
export interface Contender {
  readonly name: string;
  /** The tap's server module (undefined: http-proxy). */
  readonly tapModule?: string;
  readonly flags: readonly string[];
  /** `tap.capture` overrides of this contender alone (a `--variant`), in place of the run's `--capture`. */
  readonly capture?: string;
  /** More tap-server arguments of this contender alone (a `--variant`, e.g. `--sink=process`), after the run's. */
  readonly args?: readonly string[];
}

/** The run's options that reach a contender (see run.ts's header for each). */
export interface RunOptions {
  readonly plain: boolean;
  readonly rampMs: number;
  readonly heapSnapshotMs?: number;
  readonly profileDir?: string;
  readonly profileKind?: string;
  readonly sink?: string;
  readonly capture?: string;
  readonly redaction?: string;
  readonly helpersNice?: string;
  readonly memoryLog?: string;
  /** Where the tap writes what it prints (V8's `--trace-gc` through `--tap-flags`): PREFIX.<scenario>.<contender>.<round>.log. */
  readonly tapStdout?: string;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

function runClient(port: number, scenario: Scenario, rampMs: number): Promise<ClientReport> {
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

/** Runs the stream client through `who` (a fresh upstream and server, stopped afterwards) and measures the server meanwhile. */
export async function runContender(scenario: Scenario, who: Contender, round: number, dir: string, opts: RunOptions): Promise<Row> {
  const contender = who.name;
  const children = new ChildSet();
  const stdout =
    opts.tapStdout === undefined || who.tapModule === undefined
      ? undefined
      : openSync(`${opts.tapStdout}.${scenario.name}.${contender}.${round}.log`, 'w');
  try {
    const upstream = await children.fork('upstream', here('./sse-upstream.ts'), [`--chunk-bytes=${scenario.chunkBytes}`]);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const server =
      who.tapModule === undefined
        ? await children.fork(
            'http-proxy',
            here('../tap/http-proxy-server.ts'),
            [`--upstream=${upstreamUrl}`, '--max-sockets=0', '--backlog=65535'],
            { shipped: true, plain: opts.plain },
          )
        : await children.fork(
            contender,
            who.tapModule,
            [
              `--upstream=${upstreamUrl}`,
              `--db=${join(dir, `${scenario.name}-${contender}-${Date.now()}.db`)}`,
              ...(opts.profileDir === undefined ? [] : [`--profile-dir=${opts.profileDir}`]),
              ...(opts.profileKind === undefined ? [] : [`--profile-kind=${opts.profileKind}`]),
              ...(opts.sink === undefined ? [] : [`--sink=${opts.sink}`]),
              ...((who.capture ?? opts.capture) === undefined ? [] : [`--capture=${who.capture ?? opts.capture}`]),
              ...(opts.redaction === undefined ? [] : [`--redaction=${opts.redaction}`]),
              ...(opts.helpersNice === undefined ? [] : [`--helpers-nice=${opts.helpersNice}`]),
              ...(opts.memoryLog === undefined ? [] : [`--memory-log=${opts.memoryLog}.${scenario.name}.jsonl`]),
              ...(who.args ?? []),
            ],
            {
              shipped: true,
              plain: opts.plain,
              ...(stdout === undefined ? {} : { stdout }),
              execArgv: [
                ...who.flags,
                ...(opts.heapSnapshotMs === undefined ? [] : ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${join(dir, 'heap')}`]),
              ],
            },
          );
    const isTap = who.tapModule !== undefined;
    const profiling = isTap && opts.profileDir !== undefined;
    if (profiling) await tapProfile(server, 'profile-start');
    const cpuBefore = procCpuMs(server.child.pid);
    const pid = server.child.pid;
    const systemBefore = procCpuSplitMs(pid).system;
    const callsBefore = procSyscalls(pid);
    const mainBefore = procCpuSplitMs(pid, pid);
    const mainCallsBefore = procSyscalls(pid, pid);
    const threadsBefore = procThreadCpuMs(pid);
    const upstreamCpuBefore = procCpuMs(upstream.child.pid);
    // The writer child process (`--sink=process`) is started with the tap, so its pid is known by now.
    const childCpu = (): number => childPids(pid).reduce((sum, child) => sum + (procCpuMs(child) || 0), 0);
    const childCpuBefore = childCpu();
    const overflowsBefore = listenDrops().overflows;
    await ask(server.child, { type: 'loop-delay-reset' }, (m) => isType(m, 'loop-delay-reset'), 15_000);
    const clientRun = runClient(server.port, scenario, opts.rampMs);
    if (isTap && opts.heapSnapshotMs !== undefined) {
      const { heapSnapshotMs } = opts;
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
    const childCpuS = (childCpu() - childCpuBefore) / 1000;
    const peakRssMb = procMemory(server.child.pid).peak / 1024 / 1024;
    const common = { scenario, contender, round, client, peakRssMb, cpuS, systemS, perEvent, main, others, upstreamCpuS, childCpuS };
    if (!isTap) return { ...common, loopDelay, listenOverflows };
    // Counted before closing: a close that flushes thousands of captures may outlast the IPC timeout.
    const counted = await tapStats(server, 'stats');
    const { stats } = counted;
    const closed = await tapStats(server, 'close').catch(() => undefined);
    const final = closed?.stats ?? stats;
    const capture = closed?.capture ?? counted.capture;
    const mb = (n: number): number => Math.round(n / 1024 / 1024);
    const { atPeak } = closed ?? counted;
    return {
      ...common,
      atPeakMb: { heapUsed: mb(atPeak.heapUsed), external: mb(atPeak.external), arrayBuffers: mb(atPeak.arrayBuffers) },
      loopDelay,
      listenOverflows,
      captured: final.captured,
      dropped: final.dropped,
      queued: closed === undefined ? stats.queueDepth : 0,
      ...(capture === undefined ? {} : { capture }),
    };
  } finally {
    await children.stopAll();
    if (stdout !== undefined) closeSync(stdout);
  }
}

/** True when `m` is an IPC message of that type (undefined otherwise, as `ask` wants). */
function isType(m: unknown, type: string): true | undefined {
  return typeof m === 'object' && m !== null && 'type' in m && m.type === type ? true : undefined;
}
