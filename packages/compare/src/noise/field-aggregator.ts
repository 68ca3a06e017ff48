import type { DivergenceReport } from '../report/divergence-report.js';
import { type NoiseLookup, noiseKey } from './noise-lookup.js';

/** Margins of the per-field aggregate test; defaults justified in docs/benchmarks.md. */
export interface FieldMargins {
  /** Candidate rate must exceed the noise rate by this share of it. Default 0.25. */
  readonly relative: number;
  /** …and by this much absolutely. Default 0.02 (two points). */
  readonly absolute: number;
  /** Candidate pairs needed before a field is judged. Default 20. */
  readonly minPairs: number;
}

export const defaultFieldMargins: FieldMargins = Object.freeze({ relative: 0.25, absolute: 0.02, minPairs: 20 });

/** One endpoint field's candidate differ-rate against production's. */
export interface FieldFinding {
  readonly endpoint: string;
  readonly key: string;
  readonly candidateRate: number;
  readonly candidatePairs: number;
  readonly noiseRate: number;
  readonly noisePairs: number;
  /** `noiseRate·(1+relative) + absolute`. */
  readonly threshold: number;
  readonly exceeds: boolean;
}

/**
 * Diffy-style aggregation: counts, per endpoint and field key, the candidate pairs in which the
 * field differed, then flags fields whose candidate differ-rate exceeds production's noise rate
 * by both margins. Bounded: at most `maxFields` keys per endpoint (the rest counted in `dropped`).
 */
export class FieldAggregator {
  readonly #endpoints = new Map<string, { pairs: number; fields: Map<string, number> }>();
  readonly #maxFields: number;
  readonly #maxEndpoints: number;
  dropped = 0;

  constructor(limits: { maxFields?: number; maxEndpoints?: number } = {}) {
    this.#maxFields = limits.maxFields ?? 2000;
    this.#maxEndpoints = limits.maxEndpoints ?? 1000;
  }

  add(report: DivergenceReport): void {
    let e = this.#endpoints.get(report.endpoint);
    if (e === undefined) {
      if (this.#endpoints.size >= this.#maxEndpoints) {
        this.dropped++;
        return;
      }
      e = { pairs: 0, fields: new Map() };
      this.#endpoints.set(report.endpoint, e);
    }
    e.pairs++;
    const keys = new Set<string>();
    for (const c of report.categories) for (const d of c.differences) keys.add(noiseKey(d));
    for (const k of keys) {
      const n = e.fields.get(k);
      if (n !== undefined) e.fields.set(k, n + 1);
      else if (e.fields.size < this.#maxFields) e.fields.set(k, 1);
      else this.dropped++;
    }
  }

  /** Every field seen, sorted with the worst excess over its threshold first. */
  evaluate(noise: NoiseLookup | null, margins: Partial<FieldMargins> = {}): FieldFinding[] {
    const m = { ...defaultFieldMargins, ...margins };
    const out: FieldFinding[] = [];
    for (const [endpoint, e] of this.#endpoints) {
      for (const [key, n] of e.fields) {
        const rate = n / e.pairs;
        const nr = noise?.fieldRate(endpoint, key);
        const noiseRate = nr?.rate ?? 0;
        const threshold = noiseRate * (1 + m.relative) + m.absolute;
        out.push({
          endpoint,
          key,
          candidateRate: rate,
          candidatePairs: e.pairs,
          noiseRate,
          noisePairs: nr?.pairs ?? 0,
          threshold,
          exceeds: e.pairs >= m.minPairs && rate > threshold,
        });
      }
    }
    return out.sort((a, b) => b.candidateRate - b.threshold - (a.candidateRate - a.threshold));
  }
}
