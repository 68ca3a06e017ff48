/**
 * Anytime-valid confidence bounds from the mixture sequential probability ratio test (mSPRT;
 * Robbins 1970, Johari, Pekelis & Walsh 2017 "Always valid inference"). For an estimate `d` of
 * an effect with variance `variance`, and a normal mixture N(0, tau²) over the effect, the
 * bounds `d ± halfWidth` hold simultaneously at every look with probability ≥ 1 − alpha, so a
 * controller may look every interval without inflating its false alarm rate.
 */
export function msprtHalfWidth(variance: number, alpha: number, tau: number): number {
  if (!(variance > 0)) return 0;
  const t2 = tau * tau;
  return Math.sqrt(((2 * variance * (variance + t2)) / t2) * Math.log(Math.sqrt((variance + t2) / variance) / alpha));
}

/** A difference with its anytime-valid bounds. */
export interface DifferenceBound {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** Counts of one arm for a rate: `events` out of `n`. */
export interface RateCount {
  readonly n: number;
  readonly events: number;
}

/**
 * Bounds on `rate(candidate) − rate(stable)`. Rates are shrunk by half an event (Agresti-style)
 * so that a run of zero errors does not claim zero variance.
 */
export function rateDifferenceBound(candidate: RateCount, stable: RateCount, alpha: number, tau: number): DifferenceBound {
  const pc = candidate.events / candidate.n;
  const ps = stable.events / stable.n;
  const variance = shrunkVariance(candidate) + shrunkVariance(stable);
  const h = msprtHalfWidth(variance, alpha, tau);
  return { estimate: pc - ps, lower: pc - ps - h, upper: pc - ps + h };
}

/** Bounds on a single rate minus a known reference rate (e.g. a noise floor's expected exceedance). */
export function rateVersusReferenceBound(candidate: RateCount, reference: number, alpha: number, tau: number): DifferenceBound {
  const pc = candidate.events / candidate.n;
  const h = msprtHalfWidth(shrunkVariance(candidate), alpha, tau);
  return { estimate: pc - reference, lower: pc - reference - h, upper: pc - reference + h };
}

/** One period (a canary step) of both arms' counts. */
export interface RateStratum {
  readonly candidate: RateCount;
  readonly stable: RateCount;
}

/**
 * Bounds on the candidate-minus-stable rate difference stratified by period: each step's
 * difference is weighted by the candidate's requests in it. Within a step the weight is fixed,
 * so both arms see the same hours; pooling across steps would not (the candidate's share grows
 * over time), and a drift in the base rate (evening load, a flaky dependency) would read as a
 * difference between versions. Periods missing either arm carry no comparison and are skipped.
 */
export function stratifiedRateDifferenceBound(strata: readonly RateStratum[], alpha: number, tau: number): DifferenceBound {
  const usable = strata.filter((s) => s.candidate.n > 0 && s.stable.n > 0);
  const total = usable.reduce((a, s) => a + s.candidate.n, 0);
  if (total === 0) return { estimate: 0, lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY };
  let estimate = 0;
  let variance = 0;
  for (const s of usable) {
    const w = s.candidate.n / total;
    estimate += w * (s.candidate.events / s.candidate.n - s.stable.events / s.stable.n);
    variance += w * w * (shrunkVariance(s.candidate) + shrunkVariance(s.stable));
  }
  const h = msprtHalfWidth(variance, alpha, tau);
  return { estimate, lower: estimate - h, upper: estimate + h };
}

/** Sufficient statistics of a continuous metric in one arm. */
export interface MeanStats {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/**
 * Bounds on `mean(candidate) − factor × mean(stable)`, with the normal approximation of the
 * means (an asymptotic confidence sequence; Waudby-Smith et al. 2021). Used for cost and tokens.
 */
export function meanDifferenceBound(candidate: MeanStats, stable: MeanStats, factor: number, alpha: number, tau: number): DifferenceBound {
  const mc = candidate.sum / candidate.n;
  const ms = stable.sum / stable.n;
  const variance = sampleVariance(candidate) / candidate.n + (factor * factor * sampleVariance(stable)) / stable.n;
  const estimate = mc - factor * ms;
  const h = msprtHalfWidth(variance, alpha, tau);
  return { estimate, lower: estimate - h, upper: estimate + h };
}

function shrunkVariance(c: RateCount): number {
  const p = (c.events + 0.5) / (c.n + 1);
  return (p * (1 - p)) / c.n;
}

function sampleVariance(s: MeanStats): number {
  if (s.n < 2) return 0;
  const mean = s.sum / s.n;
  return Math.max(0, (s.sumSquares - s.n * mean * mean) / (s.n - 1));
}
