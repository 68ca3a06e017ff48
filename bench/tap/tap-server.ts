/**
 * The tap contender, in its own process: `createTap` with 100 % capture (or `--capture-rate=`)
 * into a SQLite file, served with @hono/node-server on 127.0.0.1. The sink is the one
 * `understudy start` picks for a SQLite file, `sqliteWorkerSink` (a writer thread), with
 * `--sink=process` the writer child process `understudy tap` uses (`sqliteWriterProcess`), or
 * with `--sink=store` the contract's `storeSink(openStore(...))` on the proxy's own thread.
 * The bench forks it without `--conditions=source`, so `@understudy/*` are the compiled `dist/`
 * that ships (and the writer thread loads plain JS); only this file goes through tsx.
 * Answers `stats` with `tap.stats()` and its memory, `close` by closing the tap (which flushes
 * the capture queue) and exiting, and, with `--profile-dir=`, `profile-start`/`profile-stop`
 * with a V8 CPU profile of just that span. With `--memory-log=FILE` it appends its memory split and
 * capture backlog to FILE every second.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { capYoungGeneration, loadConfig, systemClock, youngGenerationSetByFlag } from '@understudy/core';
import type { Store } from '@understudy/store';
import type { CaptureSink } from '@understudy/tap';
import { announceReady, argValue } from './child-ipc.js';
import { answerLoopDelay } from './loop-delay-probe.js';
import { lowerRuntimeHelpers } from './lower-runtime-helpers.js';
import type { CaptureCounters, TapReply, TapRequest } from './tap-messages.js';

const upstream = argValue('upstream');
const db = argValue('db');
const profileDir = argValue('profile-dir', '');
const captureRate = Number(argValue('capture-rate', '1'));
const sinkKind = argValue('sink', 'worker');
const memoryLog = argValue('memory-log', '');
/** `--profile-kind=heap`: the profile is V8's sampling heap profile of every allocation (collected ones too), not a CPU profile. */
const profileKind = argValue('profile-kind', 'cpu');
/** `--capture=JSON`: more of `tap.capture` to override (an A/B of queue settings, e.g. `{"flushIntervalMs":5}`; it wins over `--capture-rate`). */
const captureOverrides = JSON.parse(argValue('capture', '{}')) as Record<string, unknown>;
/** `--redaction=JSON`: more of `tap.redaction` to override (an A/B of what the writer's redaction costs the proxy, e.g. `{"builtinPatterns":false}`). */
const redactionOverrides = JSON.parse(argValue('redaction', '{}')) as Record<string, unknown>;
/**
 * `--young-generation=N`: cap each semi-space of V8's young generation at N MB (`capYoungGeneration`,
 * an A/B; `capped`: its default, `proxySemiSpaceMb`); by default (`v8`) V8 sizes it, as `understudy tap` leaves it.
 */
const youngGeneration = argValue('young-generation', 'v8');
if (!['v8', 'capped'].includes(youngGeneration) && !(Number(youngGeneration) > 0))
  throw new Error(`--young-generation=${youngGeneration}: expected v8, capped or a size in MB`);
/**
 * `--sqlite-page-size=N`: make the SQLite file first, with pages of N bytes, as the store makes a
 * new one (incremental auto-vacuum, WAL) but for the page size; the store then keeps it (an A/B).
 */
const sqlitePageSize = Number(argValue('sqlite-page-size', '0'));
/** `--writer-semi-space=N`: the writer thread's young generation, N MB per semi-space (an A/B; 0: the shipped `writerSemiSpaceMb`). */
const writerSemiSpace = Number(argValue('writer-semi-space', '0'));
/** `--helpers-nice=N`: the runtime's helper threads at nice N (an A/B, see lowerRuntimeHelpers); 0 leaves them. */
const helpersNice = Number(argValue('helpers-nice', '0'));

// First, before anything starts a thread: only the threads the runtime started are lowered.
lowerRuntimeHelpers(helpersNice);

// A cap goes before the tap's modules load (they would grow the young generation past it).
if (youngGeneration !== 'v8' && !youngGenerationSetByFlag(process.execArgv))
  capYoungGeneration(youngGeneration === 'capped' ? undefined : Number(youngGeneration));
const { createAdaptorServer } = await import('@hono/node-server');
const { openStore, sqliteWorkerSink, sqliteWriterProcess } = await import('@understudy/store');
const { createTap, storeSink, tapListenBacklog, tapServerOptions } = await import('@understudy/tap');

// Shipped defaults (queue, batch, flush interval, redaction, writer niceness) except the capture rate: 1 unless told (by either argument).
if (sqlitePageSize > 0) {
  const { default: SQLite } = await import('better-sqlite3');
  const file = new SQLite(db);
  file.pragma(`page_size = ${sqlitePageSize}`);
  file.pragma('auto_vacuum = INCREMENTAL');
  file.pragma('journal_mode = WAL');
  file.close();
}
const config = loadConfig({
  overrides: { tap: { capture: { rate: captureRate, ...captureOverrides }, redaction: redactionOverrides } },
}).tap;
const niceness = config.capture.writerNiceness;
let store: Store | undefined;
let sink: CaptureSink;
if (sinkKind === 'store') {
  store = await openStore({ url: db });
  sink = storeSink(store);
} else if (sinkKind === 'process') {
  sink = sqliteWriterProcess({ url: db, niceness });
} else {
  sink = sqliteWorkerSink({ url: db, niceness, ...(writerSemiSpace > 0 ? { semiSpaceMb: writerSemiSpace } : {}) });
}
const tap = createTap({
  config,
  version: { name: 'stable', upstream, headers: {} },
  sink,
  redactionKey: 'bench-redaction-key-'.padEnd(32, 'x'),
});

let peakRss = 0;
let atPeak = { heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
// Every 100 ms on the proxy's own thread, so the cheap reading (`rss()`, one read of /proc) is the one
// taken each time; the heap split (which walks V8's heap spaces) only at a new peak. http-proxy samples nothing.
const sampleMemory = (): number => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) {
    const m = process.memoryUsage();
    peakRss = Math.max(rss, m.rss);
    atPeak = { heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
  }
  return rss;
};
sampleMemory();
const rssTimer = systemClock.setInterval(sampleMemory, 100);
// With --memory-log=FILE: one JSON line per second of the memory split, the capture backlog and
// the garbage collections of that second (count and ms, minor and major).
const started = performance.now();
const gcs = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      gcs.minor++;
      gcs.minorMs += entry.duration;
    } else {
      gcs.major++;
      gcs.majorMs += entry.duration;
    }
  }
});
if (memoryLog !== '') gcObserver.observe({ entryTypes: ['gc'] });
let lastElu = performance.eventLoopUtilization();
const logTimer =
  memoryLog === ''
    ? undefined
    : systemClock.setInterval(() => {
        const m = process.memoryUsage();
        const { queueDepth, building } = tap.stats();
        const mb = (n: number): number => Math.round(n / 1024 / 1024);
        // How busy the main thread was this second (1: never idle, so every socket waits on it).
        const elu = performance.eventLoopUtilization(lastElu);
        lastElu = performance.eventLoopUtilization();
        const line = {
          elu: Math.round(elu.utilization * 100) / 100,
          s: Math.round((performance.now() - started) / 1000),
          rss: mb(m.rss),
          heapTotal: mb(m.heapTotal),
          heapUsed: mb(m.heapUsed),
          external: mb(m.external),
          arrayBuffers: mb(m.arrayBuffers),
          queueDepth,
          building,
          gc: { minor: gcs.minor, minorMs: Math.round(gcs.minorMs), major: gcs.major, majorMs: Math.round(gcs.majorMs) },
        };
        gcs.minor = 0;
        gcs.minorMs = 0;
        gcs.major = 0;
        gcs.majorMs = 0;
        appendFileSync(memoryLog, `${JSON.stringify(line)}\n`);
      }, 1000);

const reply = (message: TapReply): void => {
  process.send?.(message);
};

let session: Session | undefined;

async function profile(action: 'profile-start' | 'profile-stop'): Promise<TapReply> {
  if (profileDir === '') return { type: action === 'profile-start' ? 'profiling' : 'profiled', error: 'started without --profile-dir' };
  if (action === 'profile-start') {
    session = new Session();
    session.connect();
    if (profileKind === 'heap') {
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return { type: 'profiling' };
    }
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    return { type: 'profiling' };
  }
  if (session === undefined) return { type: 'profiled', error: 'profile-stop without profile-start' };
  const { profile: result } =
    profileKind === 'heap' ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
  session.disconnect();
  session = undefined;
  const path = join(profileDir, `tap-${process.pid}.${profileKind === 'heap' ? 'heapprofile' : 'cpuprofile'}`);
  writeFileSync(path, JSON.stringify(result));
  return { type: 'profiled', path };
}

/** The tap's capture counters as its registry has them (why captures were dropped or cut). */
async function captureCounters(): Promise<CaptureCounters> {
  const values = async (name: string) => (await tap.registry.getSingleMetric(name)?.get())?.values ?? [];
  const droppedBy: Record<string, number> = {};
  for (const v of await values('understudy_tap_capture_dropped_total')) droppedBy[String(v.labels.reason)] = v.value;
  const sum = (vs: { value: number }[]): number => vs.reduce((n, v) => n + v.value, 0);
  return {
    droppedBy,
    cutByBudget: sum(await values('understudy_tap_capture_truncated_total')),
    sseEventsDropped: sum(await values('understudy_tap_sse_events_dropped_total')),
  };
}

process.on('message', (message: TapRequest) => {
  if (message.type === 'stats') {
    const rss = sampleMemory();
    const stats = tap.stats();
    void captureCounters().then((capture) => reply({ type: 'stats', stats, rssBytes: rss, peakRssBytes: peakRss, atPeak, capture }));
    return;
  }
  if (message.type === 'profile-start' || message.type === 'profile-stop') {
    profile(message.type).then(reply, (error: unknown) =>
      reply({ type: message.type === 'profile-start' ? 'profiling' : 'profiled', error: String(error) }),
    );
    return;
  }
  // Other messages are not ours (the loop-delay probe's, see loop-delay-probe.ts).
  if (message.type !== 'close') return;
  rssTimer.cancel();
  logTimer?.cancel();
  gcObserver.disconnect();
  void (async () => {
    // Closing the tap flushes the queue and closes the sink; the store stays ours to close.
    await tap.close();
    await store?.close();
    reply({
      type: 'closed',
      stats: tap.stats(),
      rssBytes: sampleMemory(),
      peakRssBytes: peakRss,
      atPeak,
      capture: await captureCounters(),
    });
    process.exit(0);
  })();
});

answerLoopDelay();
// Listens as `understudy tap` does (server options and backlog for many long-lived clients).
const server = createAdaptorServer({ fetch: tap.app.fetch, serverOptions: tapServerOptions(config.timeouts) });
server.listen({ port: 0, host: '127.0.0.1', backlog: tapListenBacklog }, () => announceReady(server.address()));
