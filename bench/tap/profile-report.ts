// bench:tap:profile's arithmetic and printout over measured windows (profile-threads.ts measures).
import { type Group, type GroupedProfile, groups } from './profile-groups.js';

/** One contender's measured window: throughput, CPU, memory and each thread's grouped profile. */
export interface Measured {
  readonly name: string;
  readonly requests: number;
  readonly reqPerSec: number;
  readonly cpuUsPerRequest: number;
  readonly peakRssMb: number;
  /** One per thread that wrote a profile, the main thread first (lowest thread id). */
  readonly threads: GroupedProfile[];
  /** CPU µs per request from /proc, per thread: the main one, the busiest other one (the writer), all the rest (V8's GC and compiler helpers, libuv). */
  readonly threadCpu: { readonly main: number; readonly writer: number; readonly rest: number };
}

const perRequest = (us: number, requests: number): string => (us / requests).toFixed(1).padStart(7);

/** One contender's rounds as one measurement: requests, CPU and profile times added up. */
export function combine(runs: readonly Measured[]): Measured {
  const [first, ...rest] = runs;
  if (first === undefined) throw new Error('nothing measured');
  if (rest.length === 0) return first;
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const weighted = (f: (r: Measured) => number): number => runs.reduce((sum, r) => sum + f(r) * r.requests, 0) / requests;
  const addThreads = (pick: (r: Measured) => GroupedProfile | undefined): GroupedProfile => {
    const byGroup = new Map<Group, number>();
    const byFunction = new Map<string, { group: Group; us: number }>();
    let busyUs = 0;
    let idleUs = 0;
    for (const r of runs) {
      const t = pick(r);
      if (t === undefined) continue;
      busyUs += t.busyUs;
      idleUs += t.idleUs;
      for (const [g, us] of t.byGroup) byGroup.set(g, (byGroup.get(g) ?? 0) + us);
      for (const [k, v] of t.byFunction) byFunction.set(k, { group: v.group, us: (byFunction.get(k)?.us ?? 0) + v.us });
    }
    return { busyUs, idleUs, byGroup, byFunction };
  };
  return {
    name: `${first.name} (${runs.length} rounds)`,
    requests,
    reqPerSec: runs.reduce((sum, r) => sum + r.reqPerSec, 0) / runs.length,
    cpuUsPerRequest: weighted((r) => r.cpuUsPerRequest),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    threads: [addThreads((r) => r.threads[0]), addThreads(writerProfile)],
    threadCpu: {
      main: weighted((r) => r.threadCpu.main),
      writer: weighted((r) => r.threadCpu.writer),
      rest: weighted((r) => r.threadCpu.rest),
    },
  };
}

/** The profiled thread that is the writer: the busiest one besides the main thread (tsx keeps an idle one too). */
const writerProfile = (m: Measured): GroupedProfile | undefined =>
  m.threads.slice(1).reduce<GroupedProfile | undefined>((best, t) => (best === undefined || t.busyUs > best.busyUs ? t : best), undefined);

/**
 * µs of CPU per request per group: each thread's profile shares scaled to that thread's CPU from
 * /proc (a profile counts time on the thread, descheduled time included), and the threads that
 * write no profile (V8's GC and compiler helpers, libuv) as one row.
 */
function cpuByGroup(m: Measured): Map<Group | 'helper threads', number> {
  const out = new Map<Group | 'helper threads', number>();
  const add = (thread: GroupedProfile | undefined, cpu: number): void => {
    if (thread === undefined || thread.busyUs === 0) return;
    for (const [g, us] of thread.byGroup) out.set(g, (out.get(g) ?? 0) + (us / thread.busyUs) * cpu);
  };
  add(m.threads[0], m.threadCpu.main);
  add(writerProfile(m), m.threadCpu.writer);
  out.set('helper threads', m.threadCpu.rest);
  return out;
}

/**
 * The profile's printout: per contender, each thread's self time per request by group and its
 * `top` functions; then, with a capture-off run last, CPU per request by group for each contender
 * and each minus capture-off.
 */
export function report(runs: readonly Measured[], top: number): string {
  const lines: string[] = [];
  for (const run of runs) {
    const { main, writer, rest } = run.threadCpu;
    lines.push(
      `\n## ${run.name}: ${run.requests} requests, ${run.reqPerSec.toFixed(0)} req/s, ` +
        `process CPU ${run.cpuUsPerRequest.toFixed(1)} µs/request (/proc: main ${main.toFixed(1)}, writer ${writer.toFixed(1)}, ` +
        `other threads ${rest.toFixed(1)}), peak RSS ${run.peakRssMb.toFixed(1)} MB`,
    );
    const shown = [run.threads[0], writerProfile(run)];
    shown.forEach((thread, i) => {
      if (thread === undefined) return;
      lines.push(
        `${i === 0 ? 'main thread' : 'writer thread'} profile: on the thread ${perRequest(thread.busyUs, run.requests)} µs/request ` +
          `(idle ${perRequest(thread.idleUs, run.requests)})`,
      );
      for (const g of groups) {
        const us = thread.byGroup.get(g);
        if (us !== undefined && us > 0) lines.push(`  ${perRequest(us, run.requests)} µs  ${g}`);
      }
      const fns = [...thread.byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, top);
      lines.push('  top functions (self µs/request on the thread, group):');
      for (const [key, { us }] of fns) {
        const [group, fn] = key.split('\t');
        lines.push(`    ${perRequest(us, run.requests)}  [${group}] ${fn}`);
      }
    });
  }
  const bare = runs.at(-1);
  if (runs.length >= 2 && bare !== undefined) {
    const captured = runs.slice(0, -1);
    const tables = captured.map(cpuByGroup);
    const off = cpuByGroup(bare);
    lines.push(
      `\n## CPU µs per request by group (profile shares × /proc thread CPU): ${captured.map((m) => m.name).join(', ')}, ${bare.name}; ` +
        `then each minus ${bare.name}`,
    );
    const sums = new Array<number>(captured.length + 1).fill(0);
    const row = (values: readonly number[], label: string): string => {
      const b = values.at(-1) ?? 0;
      const cells = [...values, ...values.slice(0, -1).map((a) => a - b)];
      return `  ${cells.map((v) => v.toFixed(1).padStart(7)).join(' ')}  ${label}`;
    };
    for (const g of [...groups, 'helper threads'] as const) {
      const values = [...tables.map((t) => t.get(g) ?? 0), off.get(g) ?? 0];
      values.forEach((v, i) => {
        sums[i] = (sums[i] ?? 0) + v;
      });
      if (values.some((v) => v >= 0.05)) lines.push(row(values, g));
    }
    lines.push(row(sums, 'total'));
  }
  return lines.join('\n');
}
