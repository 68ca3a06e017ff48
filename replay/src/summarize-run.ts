import { type DivergenceReport, reasonOf } from '@understudy/compare';
import type { ReplayResultRecord, ReplayRunRecord, Store } from '@understudy/store';
import { Histogram } from './histogram.js';
import type { ReplaySpec } from './replay-spec.js';
import { type BaselineCoverage, type EndpointRow, evaluateThresholds, type ReplaySummary, type WorstExample } from './replay-summary.js';

const maxEndpoints = 50;
const maxTrackedEndpoints = 5_000;
const worstKept = 10;
const divergenceBounds = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1];

interface EndpointAcc {
  count: number;
  match: number;
  noise: number;
  regression: number;
  error: number;
  statusMismatches: number;
  divergenceSum: number;
  compared: number;
}

/** Builds the run's {@link ReplaySummary} in one paged pass over its results. */
export async function summarizeRun(
  store: Store,
  run: ReplayRunRecord,
  spec: ReplaySpec,
  abortReason: string | null,
): Promise<ReplaySummary> {
  const verdicts = { match: 0, noise: 0, regression: 0, error: 0 };
  const divergence = Histogram.unit();
  const originalMs = Histogram.positive();
  const candidateMs = Histogram.positive();
  const endpoints = new Map<string, EndpointAcc>();
  let untracked = 0;
  const statusPairs = new Map<string, { original: number | null; candidate: number | null; count: number }>();
  let statusTotal = 0;
  const tokens = { original: 0, candidate: 0, delta: 0 };
  const cost = { original: 0, candidate: 0, delta: 0 };
  const worst: WorstExample[] = [];
  let done = 0;
  const skippedReasons: Record<string, number> = {};

  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.replays.listResults(run.id, { limit: 1000, reports: false, ...(afterSeq === undefined ? {} : { afterSeq }) });
    for (const r of page.items) {
      done++;
      if (r.verdict === 'skipped') {
        const reason = r.errorCode ?? 'unknown';
        skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1;
        continue;
      }
      const verdict = r.verdict in verdicts ? (r.verdict as keyof typeof verdicts) : 'error';
      verdicts[verdict]++;
      let acc = endpoints.get(r.endpoint);
      if (acc === undefined && endpoints.size < maxTrackedEndpoints) {
        acc = { count: 0, match: 0, noise: 0, regression: 0, error: 0, statusMismatches: 0, divergenceSum: 0, compared: 0 };
        endpoints.set(r.endpoint, acc);
      }
      if (acc === undefined) untracked++;
      else {
        acc.count++;
        acc[verdict]++;
      }
      if (r.originalMs !== null) originalMs.add(r.originalMs);
      if (r.candidateMs !== null && verdict !== 'error') candidateMs.add(r.candidateMs);
      if (verdict !== 'error') {
        const d = r.scoreOverNoise ?? 0;
        divergence.add(d);
        if (acc !== undefined) {
          acc.divergenceSum += d;
          acc.compared++;
        }
        keepWorst(worst, r, d);
      }
      if (r.originalStatus !== r.candidateStatus) {
        statusTotal++;
        if (acc !== undefined) acc.statusMismatches++;
        const key = `${r.originalStatus}>${r.candidateStatus}`;
        const pair = statusPairs.get(key);
        if (pair !== undefined) pair.count++;
        else if (statusPairs.size < 100) statusPairs.set(key, { original: r.originalStatus, candidate: r.candidateStatus, count: 1 });
      }
      tokens.original += r.originalTokens ?? 0;
      tokens.candidate += r.candidateTokens ?? 0;
      if (r.originalTokens !== null && r.candidateTokens !== null) tokens.delta += r.candidateTokens - r.originalTokens;
      cost.original += r.originalCost ?? 0;
      cost.candidate += r.candidateCost ?? 0;
      if (r.originalCost !== null && r.candidateCost !== null) cost.delta += r.candidateCost - r.originalCost;
    }
    if (page.nextSeq === null) break;
    afterSeq = page.nextSeq;
  }

  const rows: EndpointRow[] = [...endpoints.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([endpoint, a]) => ({
      endpoint,
      count: a.count,
      match: a.match,
      noise: a.noise,
      regression: a.regression,
      error: a.error,
      statusMismatches: a.statusMismatches,
      meanDivergence: a.compared === 0 ? null : a.divergenceSum / a.compared,
    }));
  // Reports were left out of the pass; read the few the worst examples need for their reason.
  for (let i = 0; i < worst.length; i++) {
    const w = worst[i];
    if (w === undefined) continue;
    const full = await store.replays.getResult(run.id, w.exchangeId);
    worst[i] = { ...w, reason: reasonOf(full?.report ?? null), differences: differencesOf(full?.report ?? null) };
  }
  const skipped = Object.values(skippedReasons).reduce((a, n) => a + n, 0);
  const replayed = done - skipped;
  const errorRate = replayed === 0 ? 0 : verdicts.error / replayed;
  const thresholds = evaluateThresholds(spec.thresholds, {
    meanDivergence: divergence.mean(),
    regressions: verdicts.regression,
    judged: verdicts.match + verdicts.noise + verdicts.regression,
    errorRate,
  });
  const baselineCoverage = await coverageOf(store, run, spec, replayed);
  if (baselineCoverage !== null && !baselineCoverage.sufficient)
    thresholds.push({ name: 'baselineShare', limit: spec.minBaselineShare, actual: baselineCoverage.share ?? 0, breached: true });
  if (spec.errorBudget !== null) {
    thresholds.push({ name: 'errorBudget', limit: spec.errorBudget, actual: verdicts.error, breached: verdicts.error > spec.errorBudget });
  }
  return {
    runId: run.id,
    status: run.status,
    target: run.target,
    baseline: run.baseline,
    planned: run.planned,
    done,
    errors: verdicts.error,
    errorRate,
    verdicts,
    divergence: {
      mean: divergence.mean(),
      p50: divergence.quantile(0.5),
      p95: divergence.quantile(0.95),
      max: divergence.max(),
      histogram: divergence.bins(divergenceBounds),
    },
    endpoints: rows.slice(0, maxEndpoints),
    otherEndpoints: Math.max(0, rows.length - maxEndpoints) + (untracked > 0 ? 1 : 0),
    statusMismatches: { total: statusTotal, pairs: [...statusPairs.values()].sort((a, b) => b.count - a.count).slice(0, 20) },
    latencyMs: {
      original: { p50: originalMs.quantile(0.5), p95: originalMs.quantile(0.95) },
      candidate: { p50: candidateMs.quantile(0.5), p95: candidateMs.quantile(0.95) },
    },
    tokens,
    costUsd: cost,
    worst,
    skipped: { total: skipped, reasons: skippedReasons },
    baselineCoverage,
    thresholds,
    passed: thresholds.every((t) => !t.breached) && abortReason === null,
    abortReason,
  };
}

/**
 * With a baseline: how many replayed items got a baseline answer to build the noise floor from.
 * Too few, and "beyond the noise" means nothing: insufficient unless the run allows it.
 */
async function coverageOf(store: Store, run: ReplayRunRecord, spec: ReplaySpec, replayed: number): Promise<BaselineCoverage | null> {
  if (run.baseline === null) return null;
  const pairs = await store.replays.countBaselinePairs(run.id);
  const share = replayed === 0 ? null : pairs / replayed;
  const enough = share !== null && share >= spec.minBaselineShare;
  return {
    pairs,
    replayed,
    share,
    minShare: spec.minBaselineShare,
    allowed: spec.allowMissingBaseline,
    sufficient: enough || spec.allowMissingBaseline,
  };
}

function keepWorst(worst: WorstExample[], r: ReplayResultRecord, d: number): void {
  if (d <= 0 && r.verdict !== 'regression') return;
  const last = worst.at(-1);
  if (worst.length >= worstKept && last !== undefined && last.scoreOverNoise >= d) return;
  worst.push({
    exchangeId: r.exchangeId,
    candidateId: r.candidateId,
    endpoint: r.endpoint,
    verdict: r.verdict,
    scoreOverNoise: d,
    reason: '',
    differences: [],
  });
  worst.sort((a, b) => b.scoreOverNoise - a.scoreOverNoise || (a.exchangeId < b.exchangeId ? -1 : 1));
  if (worst.length > worstKept) worst.pop();
}

const shown = (v: unknown): string => {
  const text = v === undefined ? '(absent)' : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * The differences that count (not explained by production's noise), heaviest category first,
 * as one line each: `fact value_change $.total: 12 → 13`.
 */
export function differencesOf(report: unknown, limit = 5): string[] {
  if (typeof report !== 'object' || report === null || !('categories' in report)) return [];
  const categories = [...(report as DivergenceReport).categories].sort((a, b) => b.weight * b.score - a.weight * a.score);
  const out: string[] = [];
  for (const c of categories) {
    for (const d of c.differences) {
      if (out.length >= limit) return out;
      if (d.explainedByNoise === true || d.severity === 'none') continue;
      const values =
        d.original === undefined && d.candidate === undefined ? `: ${d.message}` : `: ${shown(d.original)} → ${shown(d.candidate)}`;
      out.push(`${c.name} ${d.kind} ${d.path}${values}`.slice(0, 300));
    }
  }
  return out;
}
