import {
  type ArmStats,
  type CanarySpec,
  canaryWindow,
  decideStep,
  evaluateGates,
  type GateVerdict,
  maxLatencySamples,
  parseCanarySpec,
  quantile,
  stepWindow,
} from '@understudy/canary';
import type { Sample } from './traffic-model.js';

/** One analysis window of traffic as a policy sees it. */
export interface Window {
  readonly stable: readonly Sample[];
  readonly candidate: readonly Sample[];
  /** Shadow comparisons of the candidate in the window: how many, and how many over the noise floor. */
  readonly comparisons: { readonly n: number; readonly over: number };
}

/** A policy's answer after a window: keep going at a weight, or stop. */
export type PolicyStep =
  | { readonly kind: 'weight'; readonly weight: number }
  | { readonly kind: 'rollback' }
  | { readonly kind: 'promote' };

export interface Policy {
  readonly initialWeight: number;
  observe(window: Window, now: number): PolicyStep;
}

export const weights = [1, 5, 25, 50, 100];

/** Understudy's policy: the controller's own spec, gates and step decision over the evidence the controller reads. */
export function understudyPolicy(intervalMs: number, minRequests: readonly number[]): Policy {
  const spec: CanarySpec = parseCanarySpec({
    candidate: 'candidate',
    intervalMs,
    steps: weights.map((weight, i) => ({ weight, minRequests: minRequests[i] ?? 0, minDurationMs: intervalMs })),
    gates: [
      { kind: 'error_rate', threshold: 0 },
      { kind: 'latency', threshold: 0.1 },
      { kind: 'divergence', threshold: 0.03, baselineRate: 0.05 },
      { kind: 'cost', threshold: 0.1 },
    ],
    failureThreshold: 2,
    alpha: 0.01,
  });
  const stable = accumulator();
  const candidate = accumulator();
  // Per-step counts, as the controller reads them from the store for the error-rate gate.
  const strata: { stable: ReturnType<typeof accumulator>; candidate: ReturnType<typeof accumulator> }[] = [
    { stable: accumulator(), candidate: accumulator() },
  ];
  // The whole canary's comparisons and the current step's, as the controller reads them for the divergence gate.
  const comparisons = { n: 0, events: 0 };
  const inStepComparisons = { n: 0, events: 0 };
  let step = 0;
  let stepStartedAt = 0;
  let inStep = 0;
  let failures = 0;
  let look = 0;
  return {
    initialWeight: weights[0] ?? 1,
    observe(window, now) {
      stable.add(window.stable);
      candidate.add(window.candidate);
      strata.at(-1)?.stable.add(window.stable);
      strata.at(-1)?.candidate.add(window.candidate);
      comparisons.n += window.comparisons.n;
      comparisons.events += window.comparisons.over;
      inStepComparisons.n += window.comparisons.n;
      inStepComparisons.events += window.comparisons.over;
      inStep += window.candidate.length;
      look++;
      const verdicts: GateVerdict[] = evaluateGates(spec, {
        stable: stable.stats(),
        candidate: candidate.stats(),
        divergence: [
          { counts: { candidate: { ...comparisons }, baseline: null }, window: canaryWindow(step, 0, now) },
          { counts: { candidate: { ...inStepComparisons }, baseline: null }, window: stepWindow(spec, step, stepStartedAt, now) },
        ],
        look,
        webhooks: new Map(),
        strata: strata.map((s) => ({ stable: s.stable.stats(), candidate: s.candidate.stats() })),
      });
      const { decision, consecutiveFailures } = decideStep({
        spec,
        stepIndex: step,
        stepStartedAt,
        now,
        candidateRequestsInStep: inStep,
        candidateComparisonsInStep: inStepComparisons.n,
        verdicts,
        consecutiveFailures: failures,
      });
      failures = consecutiveFailures;
      switch (decision.action) {
        case 'rollback':
          return { kind: 'rollback' };
        case 'promote':
          return { kind: 'promote' };
        case 'advance':
        case 'await_approval':
          step = decision.toStep;
          strata.push({ stable: accumulator(), candidate: accumulator() });
          stepStartedAt = now;
          inStep = 0;
          inStepComparisons.n = 0;
          inStepComparisons.events = 0;
          return { kind: 'weight', weight: spec.steps[step]?.weight ?? 100 };
        case 'stay':
          return { kind: 'weight', weight: spec.steps[step]?.weight ?? 100 };
      }
    },
  };
}

/** Flagger-style tolerances (candidate minus stable over one window). */
export interface FlaggerTolerance {
  readonly errorRate: number;
  /** Relative increase of the window's p99 latency. */
  readonly latencyP99: number;
  readonly divergence: number;
  readonly cost: number;
}

/**
 * The Flagger-style policy: every interval, check the last window's metrics against fixed
 * tolerances; a failed check holds the weight and counts; `threshold` failed checks roll back;
 * otherwise advance one step per interval and promote after the last one.
 */
export function flaggerPolicy(tolerance: FlaggerTolerance, threshold: number): Policy {
  let step = 0;
  let failed = 0;
  return {
    initialWeight: weights[0] ?? 1,
    observe(window) {
      const ok = windowPasses(window, tolerance);
      if (!ok) {
        failed++;
        if (failed >= threshold) return { kind: 'rollback' };
        return { kind: 'weight', weight: weights[step] ?? 100 };
      }
      step++;
      if (step >= weights.length) return { kind: 'promote' };
      return { kind: 'weight', weight: weights[step] ?? 100 };
    },
  };
}

function windowPasses(w: Window, tol: FlaggerTolerance): boolean {
  // Flagger skips a check without traffic (its "no values found" is not a failure either).
  if (w.candidate.length === 0 || w.stable.length === 0) return true;
  const rate = (xs: readonly Sample[]) => xs.filter((s) => s.error).length / xs.length;
  if (rate(w.candidate) - rate(w.stable) > tol.errorRate) return false;
  const p99 = (xs: readonly Sample[]) =>
    quantile(
      xs.map((s) => s.latencyMs),
      0.99,
    ) ?? 0;
  if (p99(w.candidate) > p99(w.stable) * (1 + tol.latencyP99)) return false;
  if (w.comparisons.n > 0 && w.comparisons.over / w.comparisons.n - 0.05 > tol.divergence) return false;
  const mean = (xs: readonly Sample[]) => xs.reduce((a, s) => a + s.costUsd, 0) / xs.length;
  return mean(w.candidate) <= mean(w.stable) * (1 + tol.cost);
}

function accumulator(): { add(xs: readonly Sample[]): void; stats(): ArmStats } {
  let n = 0;
  let errors = 0;
  const cost = { n: 0, sum: 0, sumSquares: 0 };
  // The controller reads the most recent latencies, bounded like the store query.
  const latencies: number[] = [];
  return {
    add(xs) {
      for (const s of xs) {
        n++;
        if (s.error) errors++;
        else latencies.push(s.latencyMs);
        cost.n++;
        cost.sum += s.costUsd;
        cost.sumSquares += s.costUsd * s.costUsd;
      }
      if (latencies.length > maxLatencySamples) latencies.splice(0, latencies.length - maxLatencySamples);
    },
    stats: () => ({ n, errors, latencies, cost: { ...cost }, tokens: { n: 0, sum: 0, sumSquares: 0 } }),
  };
}
