/**
 * `npm run bench:tap`: the tap against direct calls, http-proxy and the Portkey gateway, in one
 * run, each server in its own process and the load generator in another. Prints throughput,
 * latency, SSE time to first byte, the tap's RSS and captures dropped at 2 000 req/s, then the
 * ratios beside their targets. `--cpu-prof` profiles the tap process.
 *
 * Fairness on a shared 2-core machine: saturation runs one contender at a time, in rounds whose
 * order rotates, averaged; latency interleaves direct, http-proxy and the taps request by request
 * in one open-loop job per round (Portkey alone); SSE streams alternate direct/tap. CPU time per
 * request, read from /proc, is reported beside req/s because it barely depends on the noise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { chatCompletion, completionId, sseChunks } from './chat-fixture.js';
import { ChildSet, type StartedChild } from './child-set.js';
import { type ContenderName, contenderNames, paths, startPortkey, tapProfile, tapStats, target } from './contenders.js';
import { LoadClient } from './load-client.js';
import type { Target } from './load-jobs.js';
import { procCpuMs, procMemory } from './proc-stats.js';
import { profileSummary } from './profile-summary.js';
import { type Check, checks, mean, median, mib, ms, rate, ratio, summary, table } from './report.js';
import { mergeSorted } from './samples.js';
import { sleep } from './sleep.js';
import type { TapStatsReply } from './tap-messages.js';

const plan = {
  /** Closed loop: callers (= pool connections) per contender. */
  connections: 32,
  warmupMs: 1_000,
  rounds: 4,
  closedMs: 2_000,
  /** Open loop for latency. */
  openRate: 500,
  openWarmupMs: 200,
  openMs: 1_500,
  openConnections: 64,
  sseStreams: 200,
  sseChunkMs: 3,
  dropRate: 2_000,
  dropMs: 5_000,
} as const;

const profile = process.argv.includes('--cpu-prof');
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

async function upstreamCount(port: number): Promise<number> {
  const res = await request(`http://127.0.0.1:${port}/__count`, { headersTimeout: 5_000, bodyTimeout: 5_000 });
  return Number(await res.body.text());
}

function countRows(db: string): number {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM exchanges').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** Checks that a contender answers the upstream's completion, unchanged in substance, and that the upstream saw it. */
async function preflight(load: LoadClient, t: Target, upstreamPort: number): Promise<string | undefined> {
  const before = await upstreamCount(upstreamPort);
  const res = await load.check({ target: t, stream: false });
  const after = await upstreamCount(upstreamPort);
  if (res.status !== 200) return `status ${res.status}: ${res.body.slice(0, 300)}`;
  if (after !== before + 1) return `the upstream saw ${after - before} requests, expected 1`;
  const expected = JSON.parse(chatCompletion.toString('utf8')) as { choices: { message: { content: string } }[] };
  let body: { id?: unknown; choices?: { message?: { content?: unknown } }[] };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return `not JSON: ${res.body.slice(0, 300)}`;
  }
  if (body.id !== completionId) return `unexpected id ${String(body.id)}`;
  if (body.choices?.[0]?.message?.content !== expected.choices[0]?.message.content) return 'the completion text differs from the upstream';
  return undefined;
}

/** Which tap sources were measured: the commit, and whether packages/tap had uncommitted changes. */
function tapRevision(): string {
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

/** Polls `tap.stats()` until the queue is empty and the counters hold still (bounded: ~10 s). */
async function settle(tap: StartedChild): Promise<TapStatsReply> {
  let previous = await tapStats(tap);
  let still = 0;
  for (let i = 0; i < 100 && still < 2; i++) {
    await sleep(100);
    const next = await tapStats(tap);
    const same = next.stats.captured === previous.stats.captured && next.stats.dropped === previous.stats.dropped;
    still = next.stats.queueDepth === 0 && same ? still + 1 : 0;
    previous = next;
  }
  return previous;
}

async function main(): Promise<number> {
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
    const load = new LoadClient((await children.fork('load-generator', paths.loadGenerator, [])).child);
    const proxy = await children.fork('http-proxy', paths.httpProxy, [`--upstream=${upstreamUrl}`]);
    const profileDir = join(tmpdir(), 'understudy-bench-tap-profiles');
    if (profile) mkdirSync(profileDir, { recursive: true });
    const unavailable = new Map<ContenderName, string>();
    tap = await children
      .fork('tap', paths.tap, [`--upstream=${upstreamUrl}`, `--db=${db}`, ...(profile ? [`--profile-dir=${profileDir}`] : [])])
      .catch((error: unknown) => {
        unavailable.set('tap', String(error).split('\n').slice(0, 6).join(' | '));
        return undefined;
      });
    const bareTap = await children
      .fork('tap-no-capture', paths.tap, [`--upstream=${upstreamUrl}`, `--db=${join(dir, 'no-capture.db')}`, '--capture-rate=0'])
      .catch((error: unknown) => {
        unavailable.set('tap-no-capture', String(error).split('\n').slice(0, 6).join(' | '));
        return undefined;
      });
    const portkey = await startPortkey(children, 20_000).catch((error: unknown) => {
      unavailable.set('portkey', String(error).split('\n')[0] ?? 'failed');
      return undefined;
    });
    const portkeyPort = portkey?.port;
    const portkeyPid = portkey?.pid;

    // Idle footprint after start-up, before any request: separates the load-driven part of the peak.
    const tapIdle = tap === undefined ? undefined : await tapStats(tap);
    const targets = new Map<ContenderName, Target>();
    targets.set('direct', target('direct', upstream.port));
    targets.set('http-proxy', target('http-proxy', proxy.port));
    if (tap !== undefined) targets.set('tap', target('tap', tap.port));
    if (bareTap !== undefined) targets.set('tap-no-capture', target('tap-no-capture', bareTap.port));
    if (portkeyPort !== undefined) {
      targets.set(
        'portkey',
        target('portkey', portkeyPort, {
          'x-portkey-provider': 'openai',
          'x-portkey-custom-host': `${upstreamUrl}/v1`,
          authorization: 'Bearer sk-bench-not-a-key',
        }),
      );
    }
    for (const [name, t] of [...targets]) {
      const problem = await preflight(load, t, upstream.port).catch((error: unknown) => String(error));
      if (problem !== undefined) {
        unavailable.set(name, `preflight: ${problem}`);
        targets.delete(name);
      } else log(`${name}: preflight ok (reaches the upstream, returns its completion)`);
    }
    for (const [name, why] of unavailable) log(`${name}: UNAVAILABLE — ${why}`);
    const active = contenderNames.filter((n) => targets.has(n));
    const t = (name: ContenderName): Target | undefined => targets.get(name);

    // Warm-up: JIT, connection pools, SQLite pages. Not measured.
    for (const name of active) {
      const tt = t(name);
      if (tt !== undefined) await load.closed({ target: tt, connections: plan.connections, warmupMs: 0, durationMs: plan.warmupMs });
    }

    const throughput = new Map<ContenderName, number[]>(active.map((n) => [n, []]));
    const closedErrors = new Map<ContenderName, number>(active.map((n) => [n, 0]));
    const latency = new Map<ContenderName, Float64Array[]>(active.map((n) => [n, []]));
    const openErrors = new Map<ContenderName, number>(active.map((n) => [n, 0]));
    const openLate = new Map<ContenderName, number>(active.map((n) => [n, 0]));
    const pids = new Map<ContenderName, number | undefined>([
      ['direct', upstream.child.pid],
      ['http-proxy', proxy.child.pid],
      ['tap', tap?.child.pid],
      ['tap-no-capture', bareTap?.child.pid],
      ['portkey', portkeyPid],
    ]);
    const cpuPerRequest = new Map<ContenderName, { ms: number; requests: number }>(active.map((n) => [n, { ms: 0, requests: 0 }]));
    const rotate = (r: number): ContenderName[] => active.map((_, i) => active[(i + r) % active.length]).filter((n) => n !== undefined);

    // The profile covers the saturation rounds only; the tap idles through the other contenders' turns.
    if (profile && tap !== undefined) await tapProfile(tap, 'profile-start');
    for (let r = 0; r < plan.rounds; r++) {
      const order = rotate(r);
      log(`saturation round ${r + 1}/${plan.rounds}: ${order.join(', ')}`);
      for (const name of order) {
        const tt = t(name);
        if (tt === undefined) continue;
        const pid = pids.get(name);
        const cpu0 = procCpuMs(pid);
        const res = await load.closed({ target: tt, connections: plan.connections, warmupMs: 200, durationMs: plan.closedMs });
        const cpu = cpuPerRequest.get(name);
        // Warm-up and tail requests are inside the CPU span too: count every request the job sent.
        if (cpu !== undefined) {
          cpu.ms += procCpuMs(pid) - cpu0;
          cpu.requests += res.sent;
        }
        throughput.get(name)?.push(res.completed / res.seconds);
        closedErrors.set(name, (closedErrors.get(name) ?? 0) + res.errors);
      }
    }
    const profiled = profile && tap !== undefined ? await tapProfile(tap, 'profile-stop') : undefined;
    // Latency: direct, http-proxy and the taps share each open-loop job, request slot by request
    // slot, so a noisy moment lands on all of them alike; Portkey (1 ms+ of CPU per request) gets
    // its own job so that it does not load the machine under the others.
    const mixed = active.filter((n) => n !== 'portkey');
    for (let r = 0; r < plan.rounds; r++) {
      const jobs = [mixed, active.includes('portkey') ? (['portkey'] as ContenderName[]) : []].filter((j) => j.length > 0);
      if (r % 2 === 1) jobs.reverse();
      for (const names of jobs) {
        const jobTargets = names.map(t).filter((x): x is Target => x !== undefined);
        log(`latency round ${r + 1}/${plan.rounds}, ${plan.openRate} req/s each: ${names.join(' + ')}`);
        const res = await load.open({
          targets: jobTargets,
          rate: plan.openRate,
          connections: plan.openConnections,
          warmupMs: plan.openWarmupMs,
          durationMs: plan.openMs,
        });
        for (const lane of res.targets) {
          const name = contenderNames.find((n) => n === lane.name);
          if (name === undefined) continue;
          latency.get(name)?.push(lane.latencies);
          openErrors.set(name, (openErrors.get(name) ?? 0) + lane.errors);
          openLate.set(name, (openLate.get(name) ?? 0) + res.late);
        }
      }
    }

    const sseTargets = [t('direct'), t('tap')].filter((x): x is Target => x !== undefined);
    log(`SSE: ${plan.sseStreams} streams each, alternating ${sseTargets.map((x) => x.name).join('/')}`);
    const sse = await load.sse({ targets: sseTargets, streamsPerTarget: plan.sseStreams, expectedEvents: sseChunks.length });

    let drop:
      | {
          sent: number;
          ok: number;
          errors: number;
          late: number;
          lat: Float64Array;
          before: TapStatsReply;
          after: TapStatsReply;
          rows: number;
          waitedMs: number;
        }
      | undefined;
    const tapTarget = t('tap');
    if (tap !== undefined && tapTarget !== undefined) {
      log(`drops: ${plan.dropRate} req/s for ${plan.dropMs} ms through the tap`);
      // Let captures of the earlier phases land first, so the row count below is this phase's alone.
      const before = await settle(tap);
      const rows0 = countRows(db);
      const res = await load.open({
        targets: [tapTarget],
        rate: plan.dropRate,
        connections: plan.openConnections,
        warmupMs: 0,
        durationMs: plan.dropMs,
      });
      const lane = res.targets[0];
      if (lane === undefined) throw new Error('the load generator returned no result for the tap');
      const waitStart = performance.now();
      const after = await settle(tap);
      drop = {
        sent: lane.sent,
        ok: lane.ok,
        errors: lane.errors,
        late: res.late,
        lat: lane.latencies,
        before,
        after,
        rows: countRows(db) - rows0,
        waitedMs: performance.now() - waitStart,
      };
    }
    const memory = new Map<ContenderName, ReturnType<typeof procMemory>>(contenderNames.map((n) => [n, procMemory(pids.get(n))]));
    tapClosed = true;
    const tapFinal = tap === undefined ? undefined : await tapStats(tap, 'close').catch(() => undefined);
    const tapRows = tap === undefined ? Number.NaN : countRows(db);

    // ---- report ----
    const thr = (n: ContenderName): number => mean(throughput.get(n) ?? []);
    const cpuUs = (n: ContenderName): number => {
      const c = cpuPerRequest.get(n);
      return c === undefined || c.requests === 0 ? Number.NaN : (c.ms * 1000) / c.requests;
    };
    const lat = (n: ContenderName) => summary(mergeSorted(latency.get(n) ?? []));
    const out: string[] = [];
    out.push('');
    out.push(
      `Tap benchmark — sources ${tapRevision()}, node ${process.version}, ${plan.rounds} interleaved rounds; saturation: ${plan.connections} connections, ${plan.closedMs / 1000} s per round; ` +
        `latency: open loop ${plan.openRate} req/s per contender, ${plan.openMs / 1000} s per round, all but Portkey in one interleaved job (send → last body byte).`,
    );
    out.push('');
    out.push(
      table(
        ['contender', 'req/s (mean)', 'per round', 'CPU µs/req', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'samples', 'late slots'],
        contenderNames.map((n) => {
          if (!targets.has(n)) return [n, 'unavailable', '', '', '', '', '', '', '', '', ''];
          const l = lat(n);
          return [
            n,
            rate(thr(n)),
            (throughput.get(n) ?? []).map(rate).join(' / '),
            rate(cpuUs(n)),
            String((closedErrors.get(n) ?? 0) + (openErrors.get(n) ?? 0)),
            ms(l.p50),
            ms(l.p90),
            ms(l.p99),
            ms(l.max),
            String(l.count),
            String(openLate.get(n) ?? 0),
          ];
        }),
      ),
    );
    for (const [name, why] of unavailable) out.push(`  ${name} unavailable: ${why}`);
    out.push('');
    const sseOf = (name: string) => sse.targets.find((x) => x.name === name);
    out.push(
      table(
        [
          'SSE (first chunk at once, then every 3 ms)',
          'TTFB p50 ms',
          'TTFB p99 ms',
          'stream p50 ms',
          'stream p99 ms',
          'streams',
          'errors',
          'incomplete',
        ],
        sse.targets.map((x) => {
          const a = summary(x.ttfb);
          const b = summary(x.total);
          return [x.name, ms(a.p50), ms(a.p99), ms(b.p50), ms(b.p99), String(a.count), String(x.errors), String(x.incomplete)];
        }),
      ),
    );
    out.push('');
    if (drop !== undefined) {
      const d = summary(drop.lat);
      const captured = drop.after.stats.captured - drop.before.stats.captured;
      const dropped = drop.after.stats.dropped - drop.before.stats.dropped;
      const storeErrors = drop.after.stats.storeErrors - drop.before.stats.storeErrors;
      out.push(
        `Tap at ${plan.dropRate} req/s for ${plan.dropMs / 1000} s: sent ${drop.sent}, answered 200 ${drop.ok}, errors ${drop.errors}, late slots ${drop.late}; ` +
          `p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms; stats() delta: captured ${captured}, dropped ${dropped}, storeErrors ${storeErrors}, ` +
          `queueDepth ${drop.after.stats.queueDepth}; rows added to SQLite ${drop.rows} (counters settled ${ms(drop.waitedMs)} ms after the last answer, incl. a 200 ms stillness check).`,
      );
    }
    if (tapFinal !== undefined) {
      out.push(
        `Tap process: RSS ${mib(tapIdle?.rssBytes ?? Number.NaN)} idle after start-up, ${mib(tapFinal.rssBytes)} after the runs, peak ${mib(tapFinal.peakRssBytes)} (at the peak: V8 heap ${mib(tapFinal.atPeak.heapTotal)} ` +
          `of which used ${mib(tapFinal.atPeak.heapUsed)}, external ${mib(tapFinal.atPeak.external)}); final stats() ${JSON.stringify(tapFinal.stats)}; ` +
          `rows in the SQLite file ${tapRows}.`,
      );
    }
    out.push(
      `RSS now / peak (VmHWM) per server process, all run through tsx (~35 MB over plain node): ${contenderNames
        .map(
          (n) => `${n === 'direct' ? 'upstream' : n} ${mib(memory.get(n)?.rss ?? Number.NaN)} / ${mib(memory.get(n)?.peak ?? Number.NaN)}`,
        )
        .join(', ')}.`,
    );
    if (profiled !== undefined) {
      out.push('');
      out.push(
        profiled.path === undefined
          ? `Tap CPU profile failed: ${profiled.error}`
          : `Tap CPU profile over the saturation rounds: ${profiled.path}`,
      );
      if (profiled.path !== undefined) out.push(profileSummary(profiled.path));
    }
    out.push('');

    const tapSse = sseOf('tap');
    const directSse = sseOf('direct');
    const ttfbDiff = (q: 'p50' | 'p99'): number =>
      tapSse === undefined || directSse === undefined ? Number.NaN : summary(tapSse.ttfb)[q] - summary(directSse.ttfb)[q];
    const verdict = (v: number, ok: (x: number) => boolean): boolean | undefined => (Number.isFinite(v) ? ok(v) : undefined);
    // Ratios of the means, and beside them the median of per-round ratios (neighbours in time share the noise).
    const perRound = (a: ContenderName, b: ContenderName): string => {
      const xs = throughput.get(a) ?? [];
      const ys = throughput.get(b) ?? [];
      const rs = xs.map((x, i) => x / (ys[i] ?? Number.NaN)).filter(Number.isFinite);
      return rs.length === 0 ? '' : ` (per-round median ${ratio(median(rs))})`;
    };
    const tapHp = thr('tap') / thr('http-proxy');
    const tapPk = thr('tap') / thr('portkey');
    const tapDirect = thr('tap') / thr('direct');
    const p99Diff = lat('tap').p99 - lat('http-proxy').p99;
    const p50OverDirect = lat('tap').p50 - lat('direct').p50;
    const p99OverDirect = lat('tap').p99 - lat('direct').p99;
    const peakRss = tapFinal?.peakRssBytes ?? Number.NaN;
    const dropped = drop === undefined ? Number.NaN : drop.after.stats.dropped - drop.before.stats.dropped;
    const missingRows = drop === undefined ? Number.NaN : drop.ok + drop.errors - drop.rows;
    const list: Check[] = [
      {
        label: 'throughput tap / http-proxy',
        value: `${ratio(tapHp)}${perRound('tap', 'http-proxy')}`,
        target: '>= 0.85x',
        pass: verdict(tapHp, (v) => v >= 0.85),
      },
      {
        label: 'throughput tap / Portkey',
        value: `${ratio(tapPk)}${perRound('tap', 'portkey')}`,
        target: '>= 8x',
        pass: verdict(tapPk, (v) => v >= 8),
      },
      {
        label: 'CPU per request tap / http-proxy',
        value: ratio(cpuUs('tap') / cpuUs('http-proxy')),
        target: '(shown)',
        pass: undefined,
      },
      {
        label: 'CPU per request tap / Portkey',
        value: ratio(cpuUs('tap') / cpuUs('portkey')),
        target: '(shown)',
        pass: undefined,
      },
      {
        label: 'CPU per request tap / tap-no-capture',
        value: ratio(cpuUs('tap') / cpuUs('tap-no-capture')),
        target: '(shown: the cost of capture)',
        pass: undefined,
      },
      {
        label: 'throughput tap / direct',
        value: `${ratio(tapDirect)}${perRound('tap', 'direct')}`,
        target: '>= 0.50x (design)',
        pass: verdict(tapDirect, (v) => v >= 0.5),
      },
      { label: 'p99 tap - http-proxy', value: `${ms(p99Diff)} ms`, target: '<= 2 ms', pass: verdict(p99Diff, (v) => v <= 2) },
      {
        label: 'p50 tap - direct',
        value: `${ms(p50OverDirect)} ms`,
        target: '<= 1 ms (design)',
        pass: verdict(p50OverDirect, (v) => v <= 1),
      },
      {
        label: 'p99 tap - direct',
        value: `${ms(p99OverDirect)} ms`,
        target: '<= 5 ms (design)',
        pass: verdict(p99OverDirect, (v) => v <= 5),
      },
      {
        label: 'SSE TTFB p50 tap - direct',
        value: `${ms(ttfbDiff('p50'))} ms`,
        target: '<= 1 ms',
        pass: verdict(ttfbDiff('p50'), (v) => v <= 1),
      },
      { label: 'SSE TTFB p99 tap - direct', value: `${ms(ttfbDiff('p99'))} ms`, target: '(shown)', pass: undefined },
      { label: 'tap peak RSS', value: mib(peakRss), target: '<= 200 MB', pass: verdict(peakRss, (v) => v <= 200 * 1024 * 1024) },
      { label: `captures dropped at ${plan.dropRate} req/s`, value: String(dropped), target: '0', pass: verdict(dropped, (v) => v === 0) },
      { label: 'answered requests without a row', value: String(missingRows), target: '0', pass: verdict(missingRows, (v) => v === 0) },
    ];
    out.push(checks(list));
    out.push('');
    out.push(
      `Machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; 1-min load average ${loadBefore.toFixed(1)} before, ` +
        `${(loadavg()[0] ?? Number.NaN).toFixed(1)} after (anything above ~2 means other work shared the cores). Total time ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(out.join('\n'));
    return 0;
  } finally {
    if (tap !== undefined && !tapClosed && tap.child.connected) await tapStats(tap, 'close').catch(() => undefined);
    await children.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench:tap] failed:', error);
    children.killAllNow();
    process.exit(1);
  },
);
