import type { AnalysisInput, ArmStats, DivergenceWindow } from './arm-stats.js';
import { type CanarySpec, type GateSpec, gateName } from './canary-spec.js';
import type { GateOutcome, GateVerdict } from './gate-verdict.js';
import { mannWhitney, quantile } from './mann-whitney.js';
import {
  type DifferenceBound,
  type MeanStats,
  meanDifferenceBound,
  rateDifferenceBound,
  rateVersusReferenceBound,
  stratifiedRateDifferenceBound,
} from './sequential-bound.js';

/**
 * Every gate of `spec` over one analysis. Alpha is split evenly over the statistical gates
 * (Bonferroni), so the false-alarm budget holds for the canary as a whole; rate and mean gates
 * use anytime-valid bounds, the latency rank test spends its share across looks.
 */
export function evaluateGates(spec: CanarySpec, input: AnalysisInput): GateVerdict[] {
  const statistical = spec.gates.filter((g) => g.kind !== 'webhook').length;
  const alpha = spec.alpha / Math.max(1, statistical);
  return spec.gates.map((gate) => evaluateGate(gate, input, alpha));
}

function evaluateGate(gate: GateSpec, input: AnalysisInput, alpha: number): GateVerdict {
  const base = { gate: gateName(gate), kind: gate.kind, critical: gate.critical };
  const { stable, candidate } = input;
  switch (gate.kind) {
    case 'error_rate': {
      if (input.strata !== undefined) return { ...base, ...stratifiedErrorVerdict(gate, input.strata, alpha) };
      const counts = { stable: stable.n, candidate: candidate.n };
      if (Math.min(stable.n, candidate.n) < gate.minSamples) return { ...base, ...tooFew(gate, counts) };
      const c = { n: candidate.n, events: candidate.errors };
      const s = { n: stable.n, events: stable.errors };
      const tau = Math.max(2 * gate.threshold, 0.01);
      const bound = gate.direction === 'increase' ? rateDifferenceBound(c, s, alpha, tau) : rateDifferenceBound(s, c, alpha, tau);
      return {
        ...base,
        ...boundOutcome(bound, gate.threshold, 'error rate'),
        evidence: {
          nStable: s.n,
          nCandidate: c.n,
          rateStable: s.events / s.n,
          rateCandidate: c.events / c.n,
          ...boundEvidence(bound),
          threshold: gate.threshold,
          alpha,
        },
      };
    }
    case 'divergence':
      return { ...base, ...divergenceVerdict(gate, input.divergence, alpha) };
    case 'latency':
      return { ...base, ...latencyVerdict(gate, stable, candidate, alpha, input.look) };
    case 'latency_p95':
    case 'latency_p99':
      return { ...base, ...tailVerdict(gate, gate.kind === 'latency_p95' ? 0.95 : 0.99, stable, candidate, alpha) };
    case 'cost':
    case 'tokens': {
      const c = gate.kind === 'cost' ? candidate.cost : candidate.tokens;
      const s = gate.kind === 'cost' ? stable.cost : stable.tokens;
      return { ...base, ...meanVerdict(gate, c, s, alpha) };
    }
    case 'webhook': {
      const answer = input.webhooks.get(base.gate);
      if (answer === undefined) return { ...base, outcome: 'hold', reason: 'the webhook was not asked', evidence: {} };
      if ('error' in answer) return { ...base, outcome: 'hold', reason: `no answer: ${answer.error}`, evidence: { error: answer.error } };
      return { ...base, outcome: answer.pass ? 'pass' : 'fail', reason: answer.reason, evidence: { pass: answer.pass } };
    }
  }
}

type Partial3 = Pick<GateVerdict, 'outcome' | 'reason' | 'evidence' | 'worse'>;

/**
 * The share of the candidate's comparisons beyond the noise floor, against stable's own share when
 * measured, else `baselineRate`, judged over each window given: a canary gives the whole canary
 * (power: a candidate bad from the start is caught however short its steps) and the current step
 * (speed: a candidate that turns bad mid-ramp is not diluted by its good past). Alpha is split
 * over the windows, and a step's window over the steps (each step a fresh anytime-valid sequence).
 * Any window failing fails the gate; one confidently worse holds it as worse; it passes when all pass.
 */
function divergenceVerdict(gate: GateSpec, windows: readonly DivergenceWindow[], gateAlpha: number): Partial3 {
  const verdicts = windows.map((w) => windowVerdict(gate, w, gateAlpha / windows.length));
  const decided =
    verdicts.find((v) => v.outcome === 'fail') ??
    verdicts.find((v) => v.worse === true) ??
    verdicts.find((v) => v.outcome !== 'pass') ??
    verdicts[0];
  return decided ?? { outcome: 'hold', reason: 'no comparisons were asked for', evidence: {} };
}

function windowVerdict(gate: GateSpec, w: DivergenceWindow, share: number): Partial3 {
  const { counts: d, window } = w;
  const where = { window: window.name, windowFrom: window.from, windowTo: window.to };
  if (d === null || d.candidate.n < gate.minSamples) {
    return {
      outcome: 'hold',
      reason: `fewer than ${gate.minSamples} comparisons of the candidate in ${window.name}`,
      evidence: { nCandidate: d?.candidate.n ?? 0, minSamples: gate.minSamples, ...where },
    };
  }
  const alpha = share / window.of;
  const tau = Math.max(2 * gate.threshold, 0.01);
  const baseline = d.baseline !== null && d.baseline.n >= gate.minSamples ? d.baseline : null;
  const bound =
    baseline !== null
      ? rateDifferenceBound(d.candidate, baseline, alpha, tau)
      : rateVersusReferenceBound(d.candidate, gate.baselineRate, alpha, tau);
  return {
    ...boundOutcome(bound, gate.threshold, `share over the noise floor in ${window.name}`),
    evidence: {
      nCandidate: d.candidate.n,
      rateCandidate: d.candidate.events / d.candidate.n,
      nBaseline: baseline?.n ?? null,
      rateBaseline: baseline !== null ? baseline.events / baseline.n : gate.baselineRate,
      ...boundEvidence(bound),
      threshold: gate.threshold,
      alpha,
      ...where,
    },
  };
}

function tooFew(gate: GateSpec, counts: { stable: number; candidate: number }): Partial3 {
  return {
    outcome: 'hold',
    reason: `not enough data: ${counts.candidate} candidate / ${counts.stable} stable requests, need ${gate.minSamples} each`,
    evidence: { nStable: counts.stable, nCandidate: counts.candidate, minSamples: gate.minSamples },
  };
}

function boundOutcome(bound: DifferenceBound, threshold: number, what: string): Pick<GateVerdict, 'outcome' | 'reason' | 'worse'> {
  const fmt = (x: number) => x.toFixed(4);
  if (bound.lower > threshold) return { outcome: 'fail', reason: `${what} worse by at least ${fmt(bound.lower)} (threshold ${threshold})` };
  if (bound.upper <= threshold) return { outcome: 'pass', reason: `${what} worse by at most ${fmt(bound.upper)} (threshold ${threshold})` };
  if (bound.lower > 0)
    return {
      outcome: 'hold',
      worse: true,
      reason: `${what} worse by ${fmt(bound.lower)} to ${fmt(bound.upper)}: worse, not yet past the threshold ${threshold}`,
    };
  return { outcome: 'hold', reason: `${what} difference in [${fmt(bound.lower)}, ${fmt(bound.upper)}]: undecided` };
}

function boundEvidence(bound: DifferenceBound): Record<string, number> {
  return { estimate: bound.estimate, lower: bound.lower, upper: bound.upper };
}

function latencyVerdict(gate: GateSpec, stable: ArmStats, candidate: ArmStats, alpha: number, look: number): Partial3 {
  const counts = { stable: stable.latencies.length, candidate: candidate.latencies.length };
  if (Math.min(counts.stable, counts.candidate) < gate.minSamples) return tooFew(gate, counts);
  // Spend alpha over looks (α·6/π²k² sums to α), so checking every window stays within budget.
  const lookAlpha = (alpha * 6) / (Math.PI * Math.PI * Math.max(1, look) ** 2);
  const factor = 1 + gate.threshold;
  const worse = gate.direction === 'increase' ? candidate.latencies.map((v) => v / factor) : stable.latencies.map((v) => v / factor);
  const other = gate.direction === 'increase' ? stable.latencies : candidate.latencies;
  const test = mannWhitney(worse, other);
  const p95s = quantile(stable.latencies, 0.95);
  const p95c = quantile(candidate.latencies, 0.95);
  const evidence = {
    nStable: counts.stable,
    nCandidate: counts.candidate,
    p50Stable: quantile(stable.latencies, 0.5),
    p50Candidate: quantile(candidate.latencies, 0.5),
    p95Stable: p95s,
    p95Candidate: p95c,
    p99Stable: quantile(stable.latencies, 0.99),
    p99Candidate: quantile(candidate.latencies, 0.99),
    effect: test.effect,
    z: test.z,
    pWorse: test.pGreater,
    pBetter: test.pLess,
    alpha: lookAlpha,
    threshold: gate.threshold,
  };
  const ratio = p95s !== null && p95c !== null && p95s > 0 ? (p95c / p95s).toFixed(2) : '?';
  let outcome: GateOutcome = 'hold';
  let reason = `latency undecided (p=${test.pGreater.toPrecision(3)}, p95 ratio ${ratio})`;
  if (test.pGreater < lookAlpha) {
    outcome = 'fail';
    reason = `latency worse than stable by more than ${gate.threshold * 100}% (Mann-Whitney p=${test.pGreater.toPrecision(3)}, p95 ratio ${ratio})`;
  } else if (test.pLess < lookAlpha) {
    outcome = 'pass';
    reason = `latency within ${gate.threshold * 100}% of stable (p95 ratio ${ratio})`;
  }
  return { outcome, reason, evidence };
}

/**
 * A tail-latency gate: the share of candidate requests slower than (1+θ) × stable's q-quantile.
 * Were the candidate no slower, that share would be at most 1 − q; an anytime-valid bound on
 * the excess decides, so the tail is judged without waiting for a full p99 per arm.
 */
function tailVerdict(gate: GateSpec, q: number, stable: ArmStats, candidate: ArmStats, alpha: number): Partial3 {
  const counts = { stable: stable.latencies.length, candidate: candidate.latencies.length };
  if (Math.min(counts.stable, counts.candidate) < gate.minSamples) return tooFew(gate, counts);
  const label = `p${Math.round(q * 100)}`;
  const stableQ = quantile(stable.latencies, q) ?? 0;
  const candidateQ = quantile(candidate.latencies, q) ?? 0;
  const factor = gate.direction === 'increase' ? 1 + gate.threshold : 1 / (1 + gate.threshold);
  const limit = stableQ * factor;
  const over = candidate.latencies.filter((v) => (gate.direction === 'increase' ? v > limit : v < limit)).length;
  const bound = rateVersusReferenceBound({ n: counts.candidate, events: over }, 1 - q, alpha, 1 - q);
  const evidence = {
    nStable: counts.stable,
    nCandidate: counts.candidate,
    [`${label}Stable`]: stableQ,
    [`${label}Candidate`]: candidateQ,
    limitMs: limit,
    shareOverLimit: over / counts.candidate,
    ...boundEvidence(bound),
    threshold: gate.threshold,
    alpha,
  };
  const ratio = stableQ > 0 ? (candidateQ / stableQ).toFixed(2) : '?';
  if (bound.lower > 0)
    return { outcome: 'fail', reason: `${label} latency worse than ${factor.toFixed(2)}× stable (${label} ratio ${ratio})`, evidence };
  if (bound.upper <= 0)
    return { outcome: 'pass', reason: `${label} latency within ${factor.toFixed(2)}× stable (${label} ratio ${ratio})`, evidence };
  return { outcome: 'hold', reason: `${label} latency undecided (${label} ratio ${ratio})`, evidence };
}

function stratifiedErrorVerdict(gate: GateSpec, strata: NonNullable<AnalysisInput['strata']>, alpha: number): Partial3 {
  // A step with no stable traffic (weight 100) has no concurrent control; it is compared with
  // the latest step that had one, the best remaining baseline (and only that step is exposed to drift).
  let lastStable: ArmStats | undefined;
  const controlled = strata.map((s) => {
    if (s.stable.n > 0) lastStable = s.stable;
    return s.stable.n > 0 || lastStable === undefined ? s : { stable: lastStable, candidate: s.candidate };
  });
  const usable = controlled.filter((s) => s.stable.n > 0 && s.candidate.n > 0);
  const sum = (f: (s: (typeof usable)[number]) => number) => usable.reduce((a, s) => a + f(s), 0);
  const counts = { stable: sum((s) => s.stable.n), candidate: sum((s) => s.candidate.n) };
  if (Math.min(counts.stable, counts.candidate) < gate.minSamples) return tooFew(gate, counts);
  const tau = Math.max(2 * gate.threshold, 0.01);
  const rates = usable.map((s) => {
    const c = { n: s.candidate.n, events: s.candidate.errors };
    const st = { n: s.stable.n, events: s.stable.errors };
    return gate.direction === 'increase' ? { candidate: c, stable: st } : { candidate: st, stable: c };
  });
  const bound = stratifiedRateDifferenceBound(rates, alpha, tau);
  return {
    ...boundOutcome(bound, gate.threshold, 'error rate'),
    evidence: {
      nStable: counts.stable,
      nCandidate: counts.candidate,
      rateStable: sum((s) => s.stable.errors) / counts.stable,
      rateCandidate: sum((s) => s.candidate.errors) / counts.candidate,
      strata: usable.length,
      ...boundEvidence(bound),
      threshold: gate.threshold,
      alpha,
    },
  };
}

function meanVerdict(gate: GateSpec, c: MeanStats, s: MeanStats, alpha: number): Partial3 {
  if (Math.min(c.n, s.n) < gate.minSamples) return tooFew(gate, { stable: s.n, candidate: c.n });
  const factor = 1 + gate.threshold;
  const meanS = s.sum / s.n;
  const meanC = c.sum / c.n;
  const tau = Math.max(0.1 * Math.max(meanS, meanC), 1e-12);
  // Increase: is mean(c) − (1+θ)·mean(s) > 0? Decrease: is mean(s) − (1+θ)·mean(c) > 0?
  const bound =
    gate.direction === 'increase' ? meanDifferenceBound(c, s, factor, alpha, tau) : meanDifferenceBound(s, c, factor, alpha, tau);
  const what = gate.kind === 'cost' ? 'cost per request' : 'tokens per request';
  const evidence = {
    nStable: s.n,
    nCandidate: c.n,
    meanStable: meanS,
    meanCandidate: meanC,
    ...boundEvidence(bound),
    threshold: gate.threshold,
    alpha,
  };
  if (bound.lower > 0)
    return { outcome: 'fail', reason: `${what} above ${factor}× stable (${meanC.toPrecision(4)} vs ${meanS.toPrecision(4)})`, evidence };
  if (bound.upper <= 0) return { outcome: 'pass', reason: `${what} within ${factor}× stable`, evidence };
  return { outcome: 'hold', reason: `${what} undecided (${meanC.toPrecision(4)} vs ${meanS.toPrecision(4)})`, evidence };
}
