import { cpus, totalmem } from 'node:os';
import type { BenchPlan } from './bench-plan.js';
import type { BenchResults } from './bench-results.js';
import { type ContenderName, contenderNames } from './contenders.js';
import { profileSummary } from './profile-summary.js';
import { type Check, checks, mean, median, mib, ms, rate, ratio, summary, table } from './report.js';
import { mergeSorted } from './samples.js';

const verdict = (v: number, ok: (x: number) => boolean): boolean | undefined => (Number.isFinite(v) ? ok(v) : undefined);

/** The tables, the tap's own figures, and the ratios beside their targets, as printed text. */
export function formatReport(plan: BenchPlan, r: BenchResults): string {
  const thr = (n: ContenderName): number => mean(r.figures.get(n)?.throughput ?? []);
  const cpuUs = (n: ContenderName): number => {
    const c = r.figures.get(n)?.cpu;
    return c === undefined || c.requests === 0 ? Number.NaN : (c.ms * 1000) / c.requests;
  };
  const lat = (n: ContenderName) => summary(mergeSorted(r.figures.get(n)?.latency ?? []));
  // Measured contenders in the order they ran, then those that could not start.
  const names: ContenderName[] = [...r.figures.keys(), ...contenderNames.filter((n) => !r.figures.has(n))];
  const out: string[] = [''];
  out.push(
    `Tap benchmark — sources ${r.revision}, capture sink ${r.sink}, node ${process.version}, ${plan.rounds} rounds in rotating order; saturation: ${plan.connections} ` +
      `connections, ${plan.closedMs / 1000} s per round; latency: open loop ${plan.openRate} req/s per contender, ${plan.openMs / 1000} s per round, ` +
      'all but Portkey interleaved in one job (send → last body byte).',
    '',
  );
  out.push(
    table(
      ['contender', 'req/s (mean)', 'per round', 'CPU µs/req', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'samples', 'late slots'],
      names.map((n) => {
        const fig = r.figures.get(n);
        if (fig === undefined) return [n, 'unavailable', '', '', '', '', '', '', '', '', ''];
        const l = lat(n);
        const cells = [ms(l.p50), ms(l.p90), ms(l.p99), ms(l.max), String(l.count), String(fig.late)];
        return [n, rate(thr(n)), fig.throughput.map(rate).join(' / '), rate(cpuUs(n)), String(fig.errors), ...cells];
      }),
    ),
  );
  for (const [name, why] of r.unavailable) out.push(`  ${name} unavailable: ${why}`);
  out.push('', machineShare(r, names, cpuUs), '');
  if (r.variantDrops.size > 0) out.push(variantTable(r, { thr, cpuUs, lat }), '');
  out.push(
    table(
      [
        `SSE (first event at once, then every ${plan.sseChunkMs} ms)`,
        'TTFB p50 ms',
        'TTFB p99 ms',
        'stream p50 ms',
        'stream p99 ms',
        'streams',
        'errors',
        'incomplete',
      ],
      r.sse.targets.map((x) => {
        const a = summary(x.ttfb);
        const b = summary(x.total);
        return [x.name, ms(a.p50), ms(a.p99), ms(b.p50), ms(b.p99), String(a.count), String(x.errors), String(x.incomplete)];
      }),
    ),
    '',
  );
  const { drop, tapFinal } = r;
  if (drop !== undefined) {
    const d = summary(drop.latencies);
    const delta = (k: 'captured' | 'dropped' | 'storeErrors'): number => drop.after.stats[k] - drop.before.stats[k];
    out.push(
      `Tap at ${plan.dropRate} req/s for ${plan.dropMs / 1000} s: sent ${drop.sent}, answered 200 ${drop.ok}, errors ${drop.errors}, late slots ${drop.late}; ` +
        `p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms; stats() delta: captured ${delta('captured')}, dropped ${delta('dropped')}, ` +
        `storeErrors ${delta('storeErrors')}, queueDepth ${drop.after.stats.queueDepth}; rows added to SQLite ${drop.rows} ` +
        `(counters settled ${ms(drop.settledMs)} ms after the last answer, incl. a 200 ms stillness check).`,
    );
  }
  if (tapFinal !== undefined) {
    const p = tapFinal.atPeak;
    out.push(
      `Tap process: RSS ${mib(r.tapIdle?.rssBytes ?? Number.NaN)} idle after start-up, ${mib(tapFinal.rssBytes)} after the runs, ` +
        `peak ${mib(tapFinal.peakRssBytes)} (at the peak: V8 heap ${mib(p.heapTotal)} of which used ${mib(p.heapUsed)}, external ${mib(p.external)}); ` +
        `final stats() ${JSON.stringify(tapFinal.stats)}; rows in the SQLite file ${r.tapRows}.`,
    );
  }
  const memory = names.map((n) => {
    const m = r.memory.get(n);
    return `${n === 'direct' ? 'upstream' : n} ${mib(m?.rss ?? Number.NaN)} / ${mib(m?.peak ?? Number.NaN)}`;
  });
  out.push(
    `RSS now / peak (VmHWM) per server process (how each runs: see the sink line above; Portkey, upstream through tsx): ${memory.join(', ')}.`,
  );
  if (r.profiled !== undefined) {
    const { path, error } = r.profiled;
    out.push('', path === undefined ? `Tap CPU profile failed: ${error}` : `Tap CPU profile over the saturation rounds: ${path}`);
    if (path !== undefined) out.push(profileSummary(path));
  }
  out.push('', checks(targetChecks(plan, r, { thr, cpuUs, lat })), '');
  out.push(
    `Machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; 1-min load average ${r.loadBefore.toFixed(1)} before, ` +
      `${r.loadAfter.toFixed(1)} after (anything above ~2 means other work shared the cores). Total time ${r.seconds.toFixed(1)} s.`,
  );
  return out.join('\n');
}

/**
 * The machine's CPU per request in saturation: the contender's process, plus the upstream and the
 * load generator it drives. With every core busy, req/s is about cores / that sum, so two
 * contenders' throughput ratio follows their sums, not the proxies' own CPU alone.
 */
function machineShare(r: BenchResults, names: readonly ContenderName[], cpuUs: (n: ContenderName) => number): string {
  const rows = names.flatMap((n) => {
    const c = r.figures.get(n)?.cpu;
    if (c === undefined || c.requests === 0) return [];
    const rig = (c.rigMs * 1000) / c.requests;
    const sum = cpuUs(n) + rig;
    return [`${n} ${rate(cpuUs(n))} + ${rate(rig)} = ${rate(sum)} (bound ${rate((cpus().length * 1e6) / sum)} req/s)`];
  });
  return `Machine CPU µs per request in saturation, contender + upstream and load generator = sum (bound: ${cpus().length} cores / sum): ${rows.join('; ')}.`;
}

/**
 * The tap and its `tap@…` variants side by side (same run, same phases): throughput over
 * http-proxy's and Portkey's (mean and per-round median), CPU per request, p99 over http-proxy's,
 * peak RSS (VmHWM, after saturation, latency, SSE and the steady phase) and the steady phase's drops.
 */
function variantTable(r: BenchResults, f: Figures): string {
  const perRoundMedian = (a: ContenderName, b: ContenderName): number => {
    const xs = r.figures.get(a)?.throughput ?? [];
    const ys = r.figures.get(b)?.throughput ?? [];
    return median(xs.map((x, i) => x / (ys[i] ?? Number.NaN)).filter(Number.isFinite));
  };
  const rows = (['tap', ...r.variantDrops.keys()] as ContenderName[]).map((n) => {
    const drop = n === 'tap' ? r.drop : r.variantDrops.get(n);
    const dropped = drop === undefined ? Number.NaN : drop.after.stats.dropped - drop.before.stats.dropped;
    const missing = drop === undefined ? Number.NaN : drop.ok + drop.errors - drop.rows;
    return [
      n === 'tap' ? 'tap (shipped)' : n,
      rate(f.thr(n)),
      `${ratio(f.thr(n) / f.thr('http-proxy'))} / ${ratio(perRoundMedian(n, 'http-proxy'))}`,
      `${ratio(f.thr(n) / f.thr('portkey'))} / ${ratio(perRoundMedian(n, 'portkey'))}`,
      rate(f.cpuUs(n)),
      ms(f.lat(n).p99 - f.lat('http-proxy').p99),
      mib(r.memory.get(n)?.peak ?? Number.NaN),
      `${dropped} / ${missing}`,
    ];
  });
  return table(
    [
      'tap variant (A/B)',
      'req/s',
      'x http-proxy (mean / round median)',
      'x Portkey (mean / round median)',
      'CPU µs/req',
      'p99 - http-proxy ms',
      'peak RSS (VmHWM)',
      'steady: dropped / rows missing',
    ],
    rows,
  );
}

interface Figures {
  thr(n: ContenderName): number;
  cpuUs(n: ContenderName): number;
  lat(n: ContenderName): ReturnType<typeof summary>;
}

function targetChecks(plan: BenchPlan, r: BenchResults, f: Figures): Check[] {
  // Ratios of the means, and beside them the median of per-round ratios (neighbours in time share the noise).
  const perRound = (a: ContenderName, b: ContenderName): string => {
    const xs = r.figures.get(a)?.throughput ?? [];
    const ys = r.figures.get(b)?.throughput ?? [];
    const rs = xs.map((x, i) => x / (ys[i] ?? Number.NaN)).filter(Number.isFinite);
    return rs.length === 0 ? '' : ` (per-round median ${ratio(median(rs))})`;
  };
  const sseOf = (name: string) => r.sse.targets.find((x) => x.name === name);
  const ttfbDiff = (q: 'p50' | 'p99'): number => {
    const tap = sseOf('tap');
    const direct = sseOf('direct');
    return tap === undefined || direct === undefined ? Number.NaN : summary(tap.ttfb)[q] - summary(direct.ttfb)[q];
  };
  const throughputRatio = (b: ContenderName, target: number, design = false): Check => {
    const v = f.thr('tap') / f.thr(b);
    return {
      label: `throughput tap / ${b}`,
      value: `${ratio(v)}${perRound('tap', b)}`,
      target: `>= ${target.toFixed(2)}x${design ? ' (design)' : ''}`,
      pass: verdict(v, (x) => x >= target),
    };
  };
  const cpuRatio = (b: ContenderName, note = '(shown)'): Check => ({
    label: `CPU per request tap / ${b}`,
    value: ratio(f.cpuUs('tap') / f.cpuUs(b)),
    target: note,
    pass: undefined,
  });
  const overMs = (label: string, v: number, limit: number | undefined, design = false): Check => ({
    label,
    value: `${ms(v)} ms`,
    target: limit === undefined ? '(shown)' : `<= ${limit} ms${design ? ' (design)' : ''}`,
    pass: limit === undefined ? undefined : verdict(v, (x) => x <= limit),
  });
  const peakRss = r.tapFinal?.peakRssBytes ?? Number.NaN;
  const { drop } = r;
  const dropped = drop === undefined ? Number.NaN : drop.after.stats.dropped - drop.before.stats.dropped;
  const missingRows = drop === undefined ? Number.NaN : drop.ok + drop.errors - drop.rows;
  return [
    throughputRatio('http-proxy', 0.85),
    throughputRatio('portkey', 8),
    cpuRatio('http-proxy'),
    cpuRatio('portkey'),
    cpuRatio('tap-no-capture', '(shown: the cost of capture)'),
    throughputRatio('direct', 0.5, true),
    overMs('p99 tap - http-proxy', f.lat('tap').p99 - f.lat('http-proxy').p99, 2),
    overMs('p50 tap - direct', f.lat('tap').p50 - f.lat('direct').p50, 1, true),
    overMs('p99 tap - direct', f.lat('tap').p99 - f.lat('direct').p99, 5, true),
    overMs('SSE TTFB p50 tap - direct', ttfbDiff('p50'), 1),
    overMs('SSE TTFB p99 tap - direct', ttfbDiff('p99'), undefined),
    { label: 'tap peak RSS', value: mib(peakRss), target: '<= 200 MB', pass: verdict(peakRss, (v) => v <= 200 * 1024 * 1024) },
    { label: `captures dropped at ${plan.dropRate} req/s`, value: String(dropped), target: '0', pass: verdict(dropped, (v) => v === 0) },
    { label: 'answered requests without a row', value: String(missingRows), target: '0', pass: verdict(missingRows, (v) => v === 0) },
  ];
}
