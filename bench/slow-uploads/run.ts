/**
 * `npm run bench:slow-uploads -- [--uploads 1000] [--rate 200] [--warmup 5] [--before 5] [--hold 20]
 * [--ramp-ms 0] [--only tap,http-proxy] [--client separate|one-process] [--cpu-prof]`
 *
 * Is a normal request still answered fast while a thousand slow uploads are opened and held?
 * For each contender — the shipped `understudy tap` (its own process, capture into SQLite through
 * its writer process) and http-proxy (no capture, unlimited upstream sockets) — three processes
 * besides the server: the upstream, a probe sending small requests at `--rate`, and an opener
 * that, after `--warmup` + `--before` seconds, opens `--uploads` connections at once (or over
 * `--ramp-ms`), each with a request head and one byte of its body, one more byte every 5 s, held
 * for `--hold` seconds. Probe and opener are separate processes, so the opener's burst cannot
 * stall the probe's own event loop (`--client one-process` puts both in the probe's process, as
 * the soak's single client does, to show what that costs); both still share the machine's cores with the server, which
 * is why http-proxy runs the same scenario: what both show is the machine, what only the tap
 * shows is the tap. Reports p50/p99/max of the probe's requests before, during the first 5 s
 * after the opening began, and after; per-second p99 around the opening; the server's CPU time
 * per phase and RSS. `--cpu-prof` profiles the tap and prints its top functions. Not in CI.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '@understudy/core';
import { announcedChild } from '../soak/announced-child.js';
import { ChildSet, waitForExit } from '../tap/child-set.js';
import { procCpuMs, treeRss } from '../tap/proc-stats.js';
import { busiestWindowSummary, profileSummary } from '../tap/profile-summary.js';
import { sleep } from '../tap/sleep.js';
import { type ProbeReport, perSecondP99, phaseStats } from './probe-stats.js';
import type { OpenerReport } from './slow-upload-opener.js';

const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '5' },
    before: { type: 'string', default: '5' },
    hold: { type: 'string', default: '20' },
    'ramp-ms': { type: 'string', default: '0' },
    only: { type: 'string', default: 'tap,http-proxy' },
    client: { type: 'string', default: 'separate' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const uploads = Number(values.uploads);
const rate = Number(values.rate);
const warmupS = Number(values.warmup);
const beforeS = Number(values.before);
const holdS = Math.min(600, Number(values.hold));
const rampMs = Number(values['ramp-ms']);
const contenders = values.only.split(',').filter((c): c is 'tap' | 'http-proxy' => c === 'tap' || c === 'http-proxy');
/** The window after the opening began that the soak's first interval mixed into its p99. */
const openingWindowMs = 5_000;

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const tsx = ['--conditions=source', '--import', import.meta.resolve('tsx')];

/** Bench children that are not servers (probe, opener, upstream), killed on the way out. */
const helpers: ChildProcess[] = [];

/** Runs a bench child to completion and parses the JSON line it prints last. */
function runJsonChild<T>(name: string, args: readonly string[]): Promise<T> {
  const child = announcedChild(args, {}, root);
  helpers.push(child.proc);
  let out = '';
  child.proc.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return new Promise<T>((resolve, reject) =>
    child.proc.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || line === '') reject(new Error(`${name} exited ${code}`));
      else resolve(JSON.parse(line) as T);
    }),
  );
}

async function startServer(
  children: ChildSet,
  contender: 'tap' | 'http-proxy',
  upstreamUrl: string,
  dir: string,
): Promise<{ pid: number | undefined; url: string; stop(): Promise<void> }> {
  if (contender === 'http-proxy') {
    // Unlimited sockets: with http-proxy's 256 the slow uploads would starve its pool (the defect the tap's gate fixes).
    const server = await children.fork('http-proxy', here('../tap/http-proxy-server.ts'), [
      `--upstream=${upstreamUrl}`,
      '--max-sockets=0',
      '--backlog=65535',
    ]);
    return { pid: server.child.pid, url: `http://127.0.0.1:${server.port}`, stop: async () => {} };
  }
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : [];
  const tap = announcedChild(
    [...profile, join(root, 'packages/cli/dist/main.js'), 'tap', '--upstream', upstreamUrl, '--port', '0'],
    { UNDERSTUDY_DB: join(dir, 'slow.db'), UNDERSTUDY_REDACTION_KEY: 'slow-uploads-redaction-key-0123456789' },
    dir,
  );
  const url = await Promise.race([tap.url, sleep(30_000).then(() => '')]);
  if (url === '') throw new Error('the tap did not start (is dist/ built? npm run bench:slow-uploads builds it)');
  return {
    pid: tap.proc.pid,
    url,
    async stop() {
      tap.proc.kill('SIGTERM');
      await waitForExit(tap.proc, 15_000);
      if (tap.proc.exitCode === null && tap.proc.signalCode === null) tap.proc.kill('SIGKILL');
    },
  };
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '-');

async function runOne(contender: 'tap' | 'http-proxy'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'us-bench-slow-'));
  const children = new ChildSet();
  const upstream = announcedChild([...tsx, here('../soak/soak-upstream.ts')], {}, dir);
  helpers.push(upstream.proc);
  try {
    const upstreamUrl = await upstream.url;
    const server = await startServer(children, contender, upstreamUrl, dir);
    // Children load tsx for ~0.5 s: the opening is scheduled far enough ahead that they are all in place.
    const start = systemClock.now() + 2_000;
    const openAt = start + (warmupS + beforeS) * 1000;
    const until = openAt + holdS * 1000;
    const openerOptions = [`--count=${uploads}`, `--at=${openAt}`, `--until=${until}`, `--ramp-ms=${rampMs}`];
    const probeArgs = [...tsx, here('./probe.ts'), `--target=${server.url}`, `--rate=${rate}`, `--until=${until}`];
    // One client process, as the soak has: the probe opens the uploads itself.
    const oneProcess = values.client === 'one-process';
    const probe = runJsonChild<ProbeReport>('probe', oneProcess ? [...probeArgs, ...openerOptions] : probeArgs);
    const opener = oneProcess
      ? probe.then((p) => p.opener ?? Promise.reject(new Error('the probe did not open the uploads')))
      : runJsonChild<OpenerReport>('opener', [...tsx, here('./opener.ts'), `--target=${server.url}`, ...openerOptions]);
    // Awaited below; a child that fails early must not crash this process before `finally` stops the others.
    probe.catch(() => {});
    opener.catch(() => {});
    // The server's CPU time and RSS at each phase boundary.
    const marks: { at: number; cpuMs: number; rss: number }[] = [];
    for (const at of [openAt - beforeS * 1000, openAt, openAt + openingWindowMs, until]) {
      while (systemClock.now() < at) await sleep(Math.min(20, at - systemClock.now()));
      marks.push({ at, cpuMs: procCpuMs(server.pid), rss: treeRss(server.pid) });
    }
    const [p, o] = await Promise.all([probe, opener]);
    await server.stop();
    const phases = [
      { name: 'before', from: openAt - beforeS * 1000, to: openAt },
      { name: `opening (first ${openingWindowMs / 1000} s)`, from: openAt, to: openAt + openingWindowMs },
      { name: 'held', from: openAt + openingWindowMs, to: until },
    ];
    console.log(
      `\n${contender}: ${o.connected}/${uploads} slow uploads connected in ${(o.lastConnectedAt - o.openedAt).toFixed(0)} ms, ${o.stillOpen} still open at the end${Object.keys(o.closedEarly).length === 0 ? '' : `, closed early: ${JSON.stringify(o.closedEarly)}`}; probe failures ${JSON.stringify(p.failures)}, unfinished ${p.unfinished}`,
    );
    console.log('  phase                      requests   p50(ms)   p99(ms)   max(ms)   server CPU ms   RSS MB at end');
    phases.forEach((phase, i) => {
      const s = phaseStats(p, phase.from, phase.to);
      const cpu = (marks[i + 1]?.cpuMs ?? Number.NaN) - (marks[i]?.cpuMs ?? Number.NaN);
      const rss = (marks[i + 1]?.rss ?? Number.NaN) / 1024 / 1024;
      console.log(
        `  ${phase.name.padEnd(26)} ${String(s.count).padStart(8)} ${ms(s.p50).padStart(9)} ${ms(s.p99).padStart(9)} ${ms(s.max).padStart(9)} ${cpu.toFixed(0).padStart(15)} ${rss.toFixed(1).padStart(15)}`,
      );
    });
    const series = perSecondP99(p, openAt - 3_000, openAt + 10_000);
    console.log(`  p99 per second from 3 s before the opening: ${series.map((v) => v.toFixed(1)).join(' ')}`);
    if (values['cpu-prof'] && contender === 'tap') {
      const prof = join(dir, 'prof');
      for (const f of readdirSync(prof))
        console.log(
          `${profileSummary(join(prof, f), 15)}\n${busiestWindowSummary(join(prof, f), { windowMs: 250, top: 25, skipStartMs: 3_000, skipEndMs: 2_000 })}`,
        );
    }
  } finally {
    await children.stopAll();
    for (const h of helpers.splice(0)) {
      if (h.exitCode === null && h.signalCode === null) h.kill('SIGTERM');
      await waitForExit(h, 3_000);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `slow-uploads bench: node ${process.version}, ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ' ',
    )}; ${uploads} slow uploads opened ${rampMs > 0 ? `over ${rampMs} ms` : 'at once'} and held ${holdS} s; probe ${rate} req/s (${values.client === 'one-process' ? 'the same process opens the uploads' : 'own process'}); warm-up ${warmupS} s`,
);
for (const contender of contenders) await runOne(contender);
console.log(
  `\nload at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
