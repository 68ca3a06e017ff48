/**
 * A fixed-capacity store of latency samples (milliseconds). Past the capacity a sample is
 * dropped and counted, so a run that goes faster than planned cannot grow memory.
 */
export class Samples {
  readonly #values: Float64Array;
  #length = 0;
  #dropped = 0;

  constructor(capacity: number) {
    this.#values = new Float64Array(capacity);
  }

  add(ms: number): void {
    if (this.#length >= this.#values.length) {
      this.#dropped++;
      return;
    }
    this.#values[this.#length++] = ms;
  }

  get length(): number {
    return this.#length;
  }

  get dropped(): number {
    return this.#dropped;
  }

  /** A sorted copy of the kept samples. */
  sorted(): Float64Array {
    return this.#values.slice(0, this.#length).sort();
  }
}

/** Latency summary in milliseconds. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles over sorted samples; NaN when there are none. */
export function percentiles(sorted: Float64Array): Percentiles {
  const at = (q: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[rank] ?? Number.NaN;
  };
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

/** Concatenates sample arrays (from several rounds) into one sorted array. */
export function mergeSorted(parts: readonly Float64Array[]): Float64Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out.sort();
}
