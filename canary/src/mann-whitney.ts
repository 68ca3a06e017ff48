/** The result of a one-sided Mann-Whitney U test. */
export interface MannWhitneyResult {
  /** U of the first sample: pairs where it is larger (ties count half). */
  readonly u: number;
  /** P(first > second) estimated as U / (n1·n2): 0.5 means no shift. */
  readonly effect: number;
  /** Normal-approximation z, with tie correction. */
  readonly z: number;
  /** One-sided p-value for "the first sample is stochastically larger". */
  readonly pGreater: number;
  /** One-sided p-value for "the first sample is stochastically smaller". */
  readonly pLess: number;
}

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of `a` against `b`, normal approximation with tie
 * correction. It compares ranks, so a few slow outliers cannot decide on their own, and it
 * assumes nothing about the shape of a latency distribution. O((n1+n2) log(n1+n2)).
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: 0, effect: 0.5, z: 0, pGreater: 1, pLess: 1 };
  const all: { v: number; first: boolean }[] = [];
  for (const v of a) all.push({ v, first: true });
  for (const v of b) all.push({ v, first: false });
  all.sort((x, y) => x.v - y.v);
  const n = n1 + n2;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]?.v === all[i]?.v) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    if (t > 1) tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) if (all[k]?.first) rankSumA += rank;
    i = j + 1;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const sd = Math.sqrt(Math.max(variance, 0));
  // Continuity correction of ½ toward the mean.
  const z = sd === 0 ? 0 : (u - mean - Math.sign(u - mean) * 0.5) / sd;
  return { u, effect: u / (n1 * n2), z, pGreater: 1 - normalCdf(z), pLess: normalCdf(z) };
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 through erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** The q-quantile (0..1) of a sample by linear interpolation, or null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}
