/**
 * A fixed-size histogram for quantiles over any number of values: constant memory, with a
 * relative error set by the bucket growth (log buckets) or width (linear buckets).
 */
export class Histogram {
  readonly #counts: Float64Array;
  readonly #toBucket: (v: number) => number;
  readonly #fromBucket: (b: number) => number;
  #n = 0;
  #sum = 0;
  #max = Number.NEGATIVE_INFINITY;

  private constructor(buckets: number, toBucket: (v: number) => number, fromBucket: (b: number) => number) {
    this.#counts = new Float64Array(buckets);
    this.#toBucket = toBucket;
    this.#fromBucket = fromBucket;
  }

  /** 1 000 equal buckets over [0, 1]: scores. */
  static unit(): Histogram {
    return new Histogram(
      1001,
      (v) => Math.round(Math.min(1, Math.max(0, v)) * 1000),
      (b) => b / 1000,
    );
  }

  /** Log buckets growing by 2 % from 0.01 up: latencies in ms (hours fit in ~900 buckets). */
  static positive(): Histogram {
    const growth = Math.log(1.02);
    return new Histogram(
      1024,
      (v) => Math.min(1023, Math.max(0, Math.ceil(Math.log(Math.max(v, 0.01) / 0.01) / growth))),
      (b) => 0.01 * Math.exp(b * growth),
    );
  }

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    const b = this.#toBucket(value);
    this.#counts[b] = (this.#counts[b] ?? 0) + 1;
    this.#n++;
    this.#sum += value;
    if (value > this.#max) this.#max = value;
  }

  get count(): number {
    return this.#n;
  }

  mean(): number | null {
    return this.#n === 0 ? null : this.#sum / this.#n;
  }

  max(): number | null {
    return this.#n === 0 ? null : this.#max;
  }

  quantile(q: number): number | null {
    if (this.#n === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.#n));
    let seen = 0;
    for (let b = 0; b < this.#counts.length; b++) {
      seen += this.#counts[b] ?? 0;
      if (seen >= rank) return Math.min(this.#fromBucket(b), this.#max);
    }
    return this.#max;
  }

  /** Counts of values at or below each bound (ascending); values past the last bound count in the last bin. */
  bins(bounds: readonly number[]): { le: number; count: number }[] {
    const out = bounds.map((le) => ({ le, count: 0 }));
    for (let b = 0; b < this.#counts.length; b++) {
      const c = this.#counts[b] ?? 0;
      if (c === 0) continue;
      const v = this.#fromBucket(b);
      const bin = out.find((o) => v <= o.le + 1e-12) ?? out.at(-1);
      if (bin !== undefined) bin.count += c;
    }
    return out;
  }
}
