/** Bins over 0..1: a resolution of 0.005, finer than any margin the judge uses. */
export const histogramBins = 200;

/** JSON form of a {@link QuantileHistogram}: sparse `[bin, count]` pairs. */
export interface HistogramSnapshot {
  readonly count: number;
  readonly bins: ReadonlyArray<readonly [number, number]>;
}

/**
 * A fixed-bin histogram over 0..1: a quantile sketch with constant memory, exact merging (add
 * the bins) and plain-JSON snapshots. Values outside 0..1 are clamped.
 */
export class QuantileHistogram {
  readonly #bins = new Float64Array(histogramBins);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  add(value: number, weight = 1): void {
    if (!Number.isFinite(value) || !(weight > 0)) return;
    const v = value < 0 ? 0 : value > 1 ? 1 : value;
    const bin = Math.min(histogramBins - 1, Math.floor(v * histogramBins));
    this.#bins[bin] = (this.#bins[bin] ?? 0) + weight;
    this.#count += weight;
  }

  /**
   * The `q` quantile, reported as the lower edge of its bin so the bar errs low (fewer false
   * regressions). `undefined` when empty.
   */
  quantile(q: number): number | undefined {
    if (this.#count === 0) return undefined;
    const target = Math.max(0, Math.min(1, q)) * this.#count;
    let seen = 0;
    for (let i = 0; i < histogramBins; i++) {
      seen += this.#bins[i] ?? 0;
      if (seen > 0 && seen >= target) return i / histogramBins;
    }
    return 1;
  }

  merge(other: QuantileHistogram): void {
    const bins = other.#bins;
    for (let i = 0; i < histogramBins; i++) this.#bins[i] = (this.#bins[i] ?? 0) + (bins[i] ?? 0);
    this.#count += other.#count;
  }

  toJSON(): HistogramSnapshot {
    const bins: [number, number][] = [];
    for (let i = 0; i < histogramBins; i++) {
      const c = this.#bins[i] ?? 0;
      if (c > 0) bins.push([i, c]);
    }
    return { count: this.#count, bins };
  }

  static fromJSON(snapshot: HistogramSnapshot): QuantileHistogram {
    const h = new QuantileHistogram();
    for (const [bin, count] of snapshot.bins) {
      if (Number.isInteger(bin) && bin >= 0 && bin < histogramBins && count > 0) {
        h.#bins[bin] = (h.#bins[bin] ?? 0) + count;
        h.#count += count;
      }
    }
    return h;
  }
}
