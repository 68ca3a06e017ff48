import type { OpenerReport } from './slow-upload-opener.js';

/** What the probe process prints: each answered request's send time (epoch ms) and latency. */
export interface ProbeReport {
  /** Present when the probe opened the slow uploads itself (one client process). */
  readonly opener?: OpenerReport;
  readonly sentAt: readonly number[];
  readonly latencyMs: readonly number[];
  readonly failures: Readonly<Record<string, number>>;
  readonly unfinished: number;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);

/** The latencies of the requests sent in [from, to). */
function window(report: ProbeReport, from: number, to: number): number[] {
  const out: number[] = [];
  report.sentAt.forEach((at, i) => {
    if (at >= from && at < to) out.push(report.latencyMs[i] ?? Number.NaN);
  });
  return out.sort((a, b) => a - b);
}

/** p50, p99 and max of the requests sent in [from, to). */
export function phaseStats(report: ProbeReport, from: number, to: number): { count: number; p50: number; p99: number; max: number } {
  const xs = window(report, from, to);
  return { count: xs.length, p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: xs.at(-1) ?? Number.NaN };
}

/** p99 of each whole second in [from, to). */
export function perSecondP99(report: ProbeReport, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += 1_000) out.push(quantile(window(report, t, t + 1_000), 0.99));
  return out;
}
