/**
 * `npm run soak -- [--minutes 10] [--rate 1000] [--sse-share 0.02] [--slow-uploads 0] [--interval 10] [--warmup 60] [--heap-snapshots]`
 *
 * Drives the shipped tap (`dist/`, its own process, capture into a fresh SQLite file) at a steady
 * open-loop rate for the given time, a share of requests being long SSE streams (50 events,
 * 100 ms apart), optionally with N slow uploads held open the whole time. Every interval it
 * reports the tap's RSS with its capture writer process (`rss`) and alone (`tap`), p50/p99 of the non-streamed requests, errors, captures written and
 * dropped (from the tap's own metrics) and the database size; at the end, RSS growth after
 * warm-up, drops and database growth per hour. Not part of CI. Bounded: at most 10 000 requests
 * in flight (past it a send is skipped and counted), at most 24 h.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '@understudy/core';
import { Pool } from 'undici';
import { childPids, procMemory, treeRss } from '../tap/proc-stats.js';
import { sleep } from '../tap/sleep.js';
import { announcedChild } from './announced-child.js';
import { heapDiff } from './heap-diff.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1000' },
    'sse-share': { type: 'string', default: '0.02' },
    'slow-uploads': { type: 'string', default: '0' },
    interval: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '60' },
    'heap-snapshots': { type: 'boolean', default: false },
  },
});
const minutes = Math.min(24 * 60, Number(values.minutes));
const rate = Number(values.rate);
const sseShare = Number(values['sse-share']);
const slowUploads = Number(values['slow-uploads']);
const intervalS = Number(values.interval);
const warmupS = Number(values.warmup);
for (const [name, v] of Object.entries({ minutes, rate, sseShare, slowUploads, intervalS, warmupS }))
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name}: expected a non-negative number`);
const maxInFlight = 10_000;

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'understudy-soak-'));
const db = join(dir, 'soak.db');

const upstream = announcedChild(
  ['--conditions=source', '--import', import.meta.resolve('tsx'), join(root, 'bench/soak/soak-upstream.ts')],
  {},
  dir,
);
const upstreamUrl = await upstream.url;
// A heap snapshot of the tap at the end of the warm-up and at the end, compared (they stall the tap for seconds: an investigation, not a figure).
const heapDir = join(dir, 'heap');
// Through NODE_OPTIONS, so the tap's capture writer process takes snapshots too.
if (values['heap-snapshots']) mkdirSync(heapDir);
const heapEnv: Record<string, string> = values['heap-snapshots']
  ? { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir}` }
  : {};
const tap = announcedChild(
  [join(root, 'packages/cli/dist/main.js'), 'tap', '--upstream', upstreamUrl, '--port', '0'],
  { UNDERSTUDY_DB: db, UNDERSTUDY_REDACTION_KEY: 'soak-redaction-key-0123456789abcdef', ...heapEnv },
  dir,
);
const tapUrl = await Promise.race([tap.url, sleep(30_000).then(() => '')]);
if (tapUrl === '') throw new Error('the tap did not start (is dist/ built? npm run soak builds it)');

const pool = new Pool(tapUrl, { connections: 512, pipelining: 1 });
const body = (stream: boolean) =>
  JSON.stringify({
    model: 'soak',
    stream,
    messages: [
      { role: 'system', content: 'You are a shop assistant.' },
      { role: 'user', content: 'Where is my order 10042? Mail me at jane@example.com' },
    ],
  });
const plainBody = body(false);
const streamBody = body(true);

let inFlight = 0;
let skipped = 0;
let errors = 0;
let window: number[] = [];
let streamsDone = 0;
let sent = 0;

async function sendOne(stream: boolean): Promise<void> {
  const t0 = performance.now();
  inFlight++;
  try {
    const res = await pool.request({
      path: '/v1/chat/completions',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-soak-0123456789abcdef0123' },
      body: stream ? streamBody : plainBody,
    });
    await res.body.dump({ limit: 1 << 20 });
    if (res.statusCode !== 200) errors++;
    else if (stream) streamsDone++;
    else window.push(performance.now() - t0);
  } catch {
    errors++;
  } finally {
    inFlight--;
  }
}

/**
 * Slow uploads held open the whole run: a head and one byte of a 1 000-byte body, then one more
 * byte every 5 s — inside the tap's body idle timeout (10 s), so the tap must keep them open;
 * the `slow` column counts those still open at each report.
 */
const slow: Socket[] = [];
let slowOpen = 0;
const { port } = new URL(tapUrl);
for (let i = 0; i < slowUploads; i++) {
  const s = connect(Number(port), '127.0.0.1');
  s.on('error', () => {});
  s.once('connect', () => {
    slowOpen++;
  });
  s.once('close', () => {
    slowOpen--;
  });
  s.write('POST /v1/chat/completions HTTP/1.1\r\nhost: tap\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{');
  slow.push(s);
}
const trickle =
  slowUploads > 0
    ? systemClock.setInterval(() => {
        for (const s of slow) if (!s.destroyed) s.write(' ');
      }, 5_000)
    : undefined;

async function tapMetric(name: string): Promise<number> {
  try {
    const res = await pool.request({ path: '/_understudy/metrics', method: 'GET' });
    const text = await res.body.text();
    let sum = 0;
    for (const line of text.split('\n')) if (line.startsWith(name)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    return sum;
  } catch {
    return Number.NaN;
  }
}

/** Asks the tap and its writer for a heap snapshot each and waits until both files are complete (sizes steady for 1 s). */
async function heapSnapshot(): Promise<void> {
  const files = (): string[] => (existsSync(heapDir) ? readdirSync(heapDir).filter((f) => f.endsWith('.heapsnapshot')) : []);
  const pids = [tap.proc.pid ?? 0, ...childPids(tap.proc.pid)];
  const expected = files().length + pids.length;
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  let sizes = '';
  for (let i = 0; i < 240; i++) {
    await sleep(1_000);
    const now = files();
    if (now.length < expected) continue;
    const current = now.map((f) => statSync(join(heapDir, f)).size).join(',');
    if (current === sizes) return;
    sizes = current;
  }
}

const dbBytes = (): number => ['', '-wal'].reduce((sum, s) => sum + (statSync(`${db}${s}`, { throwIfNoEntry: false })?.size ?? 0), 0);
const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

console.log(
  `soak: ${minutes} min at ${rate} req/s (${(sseShare * 100).toFixed(1)} % SSE streams of 5 s), ${slowUploads} slow uploads held open`,
);
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; tap ${tapUrl} (pid ${tap.proc.pid}), db ${db}`,
);
console.log('  t(s)   rss(MB)   tap(MB)   p50(ms)  p99(ms)   ok/s   streams  errors  skipped  captured  dropped   db(MB)   slow');

const rows: { t: number; rss: number; tapRss: number; p99: number; db: number; dropped: number }[] = [];
const start = performance.now();
const endAt = start + minutes * 60_000;
const tickMs = 10;
let due = 0;
let nextReport = start + intervalS * 1000;
let ssePick = 0;
while (performance.now() < endAt) {
  const now = performance.now();
  const target = Math.floor(((now - start) / 1000) * rate);
  while (due < target) {
    due++;
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    ssePick += sseShare;
    const stream = ssePick >= 1;
    if (stream) ssePick -= 1;
    sent++;
    void sendOne(stream);
  }
  if (now >= nextReport) {
    const t = (now - start) / 1000;
    // The tap and its capture writer process: what the tap costs the machine.
    const rss = treeRss(tap.proc.pid);
    // The tap's own process apart from its writer's: which of the two grows, if one does.
    const tapRss = procMemory(tap.proc.pid).rss;
    const captured = await tapMetric('understudy_tap_captured_total');
    const dropped = await tapMetric('understudy_tap_capture_dropped_total');
    const size = dbBytes();
    const p50 = quantile(window, 0.5);
    const p99 = quantile(window, 0.99);
    console.log(
      `${t.toFixed(0).padStart(6)} ${mb(rss).padStart(9)} ${mb(tapRss).padStart(9)} ${p50.toFixed(2).padStart(9)} ${p99.toFixed(2).padStart(8)} ${(window.length / intervalS).toFixed(0).padStart(6)} ${String(streamsDone).padStart(9)} ${String(errors).padStart(7)} ${String(skipped).padStart(8)} ${String(captured).padStart(9)} ${String(dropped).padStart(8)} ${mb(size).padStart(8)} ${String(slowOpen).padStart(6)}`,
    );
    rows.push({ t, rss, tapRss, p99, db: size, dropped });
    if (values['heap-snapshots'] && t >= warmupS && rows.filter((r) => r.t >= warmupS).length === 1) await heapSnapshot();
    window = [];
    nextReport += intervalS * 1000;
  }
  await sleep(tickMs);
}

// Let in-flight requests (the streams) finish, bounded.
for (let i = 0; i < 200 && inFlight > 0; i++) await sleep(50);
if (values['heap-snapshots']) {
  await heapSnapshot();
  // Heap.<date>.<time>.<pid>.<thread>.<seq>.heapsnapshot: the two of each process, in order.
  const byPid = new Map<string, string[]>();
  for (const f of readdirSync(heapDir)
    .filter((f) => f.endsWith('.heapsnapshot'))
    .sort()) {
    const pid = f.split('.')[3] ?? '?';
    byPid.set(pid, [...(byPid.get(pid) ?? []), join(heapDir, f)]);
  }
  for (const [pid, [first, second]] of byPid)
    if (first !== undefined && second !== undefined)
      console.log(`\n${pid === String(tap.proc.pid) ? 'tap' : 'capture writer'} (pid ${pid}): ${heapDiff(first, second)}`);
}
trickle?.cancel();
for (const s of slow) s.destroy();
const warm = rows.find((r) => r.t >= warmupS) ?? rows[0];
const last = rows.at(-1);
if (warm !== undefined && last !== undefined) {
  const pct = (to: number, from: number): string => `${to >= from ? '+' : ''}${((to / from - 1) * 100).toFixed(1)} %`;
  const hours = (last.t - warm.t) / 3600;
  const after = rows.filter((r) => r.t >= warm.t);
  const peak = Math.max(...after.map((r) => r.rss));
  // One reading swings ±5 % with the heap's collections: the first and the last minute after warm-up, averaged, say more.
  const perMinute = Math.max(1, Math.round(60 / intervalS));
  const mean = (xs: { rss: number }[]): number => xs.reduce((sum, r) => sum + r.rss, 0) / xs.length;
  const firstMinute = mean(after.slice(0, perMinute));
  const lastMinute = mean(after.slice(-perMinute));
  console.log(
    `\nsummary: sent ${sent}, errors ${errors}, skipped ${skipped}, dropped ${last.dropped}; RSS ${mb(warm.rss)} MB at ${warm.t.toFixed(0)} s → ${mb(last.rss)} MB at ${last.t.toFixed(0)} s (${pct(last.rss, warm.rss)}, target ≤ 10 %; highest after warm-up ${mb(peak)} MB, ${pct(peak, warm.rss)}; mean of the first minute after warm-up ${mb(firstMinute)} MB → of the last ${mb(lastMinute)} MB, ${pct(lastMinute, firstMinute)}); tap process alone ${mb(warm.tapRss)} → ${mb(last.tapRss)} MB (${pct(last.tapRss, warm.tapRss)}); worst interval p99 ${Math.max(...rows.map((r) => r.p99)).toFixed(2)} ms; DB ${hours > 0 ? mb((last.db - warm.db) / hours) : 'n/a'} MB/hour after warm-up; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
await pool.close();
tap.proc.kill('SIGTERM');
upstream.proc.kill('SIGTERM');
await Promise.race([new Promise((r) => tap.proc.once('exit', r)), sleep(15_000)]);
if (tap.proc.exitCode === null) tap.proc.kill('SIGKILL');
if (upstream.proc.exitCode === null) upstream.proc.kill('SIGKILL');
rmSync(dir, { recursive: true, force: true });
