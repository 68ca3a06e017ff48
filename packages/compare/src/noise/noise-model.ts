import { UnderstudyError } from '@understudy/core';
import type { CanonicalResponse } from '../adapters/canonical-response.js';
import { type CompareOptions, compareResponses } from '../compare-responses.js';
import type { DivergenceReport } from '../report/divergence-report.js';
import { type FieldNoise, type NoiseLookup, noiseKey, type TextNoise } from './noise-lookup.js';
import { type HistogramSnapshot, QuantileHistogram } from './quantile-histogram.js';

/** Bounds of a noise model's memory; past them keys are dropped and counted. */
export interface NoiseModelLimits {
  /** Endpoints tracked. Default 1 000. */
  readonly maxEndpoints: number;
  /** Field keys tracked per endpoint. Default 2 000. */
  readonly maxFieldsPerEndpoint: number;
}

export const defaultNoiseLimits: NoiseModelLimits = Object.freeze({ maxEndpoints: 1000, maxFieldsPerEndpoint: 2000 });

/** JSON form of one endpoint's noise. */
export interface EndpointNoiseSnapshot {
  readonly pairs: number;
  readonly textPairs: number;
  readonly similarity: HistogramSnapshot;
  readonly lengthRatio: HistogramSnapshot;
  /** Field key → baseline pairs in which it differed. */
  readonly fields: Readonly<Record<string, number>>;
  readonly droppedFields: number;
}

/** JSON form of a {@link NoiseModel}: store it, send it, `NoiseModel.fromJSON` it back. */
export interface NoiseModelSnapshot {
  readonly schemaVersion: 1;
  readonly endpoints: Readonly<Record<string, EndpointNoiseSnapshot>>;
  readonly droppedEndpoints: number;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isHistogram(v: unknown): v is HistogramSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return (
    isCount(h.count) && Array.isArray(h.bins) && h.bins.every((b) => Array.isArray(b) && b.length === 2 && isCount(b[0]) && isCount(b[1]))
  );
}

function isSnapshot(v: unknown): v is NoiseModelSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  if (s.schemaVersion !== 1 || !isCount(s.droppedEndpoints) || typeof s.endpoints !== 'object' || s.endpoints === null) return false;
  return Object.values(s.endpoints).every((e: unknown) => {
    if (typeof e !== 'object' || e === null) return false;
    const x = e as Record<string, unknown>;
    return (
      isCount(x.pairs) &&
      isCount(x.textPairs) &&
      isCount(x.droppedFields) &&
      isHistogram(x.similarity) &&
      isHistogram(x.lengthRatio) &&
      typeof x.fields === 'object' &&
      x.fields !== null &&
      Object.values(x.fields).every(isCount)
    );
  });
}

class EndpointNoise {
  pairs = 0;
  textPairs = 0;
  similarity = new QuantileHistogram();
  lengthRatio = new QuantileHistogram();
  fields = new Map<string, number>();
  droppedFields = 0;
}

/**
 * Production's noise, per endpoint: the distribution of text similarity and length ratio (as
 * constant-memory histograms) and how often each field key differs, over baseline pairs
 * (production vs production on the same input). Built one pair at a time, mergeable across
 * workers, and plain JSON via `toJSON` / `fromJSON`.
 */
export class NoiseModel implements NoiseLookup {
  readonly #endpoints = new Map<string, EndpointNoise>();
  readonly #limits: NoiseModelLimits;
  #droppedEndpoints = 0;

  constructor(limits: Partial<NoiseModelLimits> = {}) {
    this.#limits = { ...defaultNoiseLimits, ...limits };
  }

  #bucket(endpoint: string): EndpointNoise | undefined {
    let e = this.#endpoints.get(endpoint);
    if (e === undefined) {
      if (this.#endpoints.size >= this.#limits.maxEndpoints) {
        this.#droppedEndpoints++;
        return undefined;
      }
      e = new EndpointNoise();
      this.#endpoints.set(endpoint, e);
    }
    return e;
  }

  /**
   * Adds one baseline pair: two production answers to the same input. Returns the report of
   * the pair (compared without noise), which callers may store.
   */
  addBaseline(
    a: CanonicalResponse,
    b: CanonicalResponse,
    endpoint: string,
    options: Omit<CompareOptions, 'noise' | 'endpoint'> = {},
  ): DivergenceReport {
    const report = compareResponses(a, b, { ...options, endpoint, noise: null });
    this.addBaselineReport(report);
    return report;
  }

  /** Adds a baseline pair already compared (its `endpoint` names the bucket). */
  addBaselineReport(report: DivergenceReport): void {
    const e = this.#bucket(report.endpoint);
    if (e === undefined) return;
    e.pairs++;
    if (report.text !== null) {
      e.textPairs++;
      e.similarity.add(report.text.similarity);
      e.lengthRatio.add(report.text.lengthRatio);
    }
    const keys = new Set<string>();
    for (const c of report.categories) for (const d of c.differences) keys.add(noiseKey(d));
    for (const key of keys) {
      const n = e.fields.get(key);
      if (n !== undefined) e.fields.set(key, n + 1);
      else if (e.fields.size < this.#limits.maxFieldsPerEndpoint) e.fields.set(key, 1);
      else e.droppedFields++;
    }
  }

  pairs(endpoint: string): number {
    return this.#endpoints.get(endpoint)?.pairs ?? 0;
  }

  fieldRate(endpoint: string, key: string): FieldNoise | undefined {
    const e = this.#endpoints.get(endpoint);
    if (e === undefined || e.pairs === 0) return undefined;
    return { rate: (e.fields.get(key) ?? 0) / e.pairs, pairs: e.pairs };
  }

  textQuantile(endpoint: string, q: number): TextNoise | undefined {
    const e = this.#endpoints.get(endpoint);
    const similarity = e?.similarity.quantile(q);
    const lengthRatio = e?.lengthRatio.quantile(q);
    if (e === undefined || similarity === undefined || lengthRatio === undefined) return undefined;
    return { similarity, lengthRatio, pairs: e.textPairs };
  }

  /** Endpoints with at least one baseline pair. */
  endpoints(): string[] {
    return [...this.#endpoints.keys()];
  }

  /** Adds another model's counts into this one (e.g. from parallel replay workers). */
  merge(other: NoiseModel): this {
    this.#mergeSnapshot(other.toJSON());
    return this;
  }

  #mergeSnapshot(snapshot: NoiseModelSnapshot): void {
    this.#droppedEndpoints += snapshot.droppedEndpoints;
    for (const [name, s] of Object.entries(snapshot.endpoints)) {
      const e = this.#bucket(name);
      if (e === undefined) continue;
      e.pairs += s.pairs;
      e.textPairs += s.textPairs;
      e.similarity.merge(QuantileHistogram.fromJSON(s.similarity));
      e.lengthRatio.merge(QuantileHistogram.fromJSON(s.lengthRatio));
      e.droppedFields += s.droppedFields;
      for (const [key, n] of Object.entries(s.fields)) {
        const cur = e.fields.get(key);
        if (cur !== undefined) e.fields.set(key, cur + n);
        else if (e.fields.size < this.#limits.maxFieldsPerEndpoint) e.fields.set(key, n);
        else e.droppedFields++;
      }
    }
  }

  toJSON(): NoiseModelSnapshot {
    const endpoints: Record<string, EndpointNoiseSnapshot> = {};
    for (const [name, e] of this.#endpoints) {
      endpoints[name] = {
        pairs: e.pairs,
        textPairs: e.textPairs,
        similarity: e.similarity.toJSON(),
        lengthRatio: e.lengthRatio.toJSON(),
        fields: Object.fromEntries([...e.fields.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))),
        droppedFields: e.droppedFields,
      };
    }
    return { schemaVersion: 1, endpoints, droppedEndpoints: this.#droppedEndpoints };
  }

  /**
   * Rebuilds a model from {@link NoiseModel.toJSON} output (e.g. read back from the store). A
   * value of the wrong shape is an `invalid_input` error rather than a half-built model.
   */
  static fromJSON(snapshot: NoiseModelSnapshot, limits: Partial<NoiseModelLimits> = {}): NoiseModel {
    if (!isSnapshot(snapshot)) throw new UnderstudyError('invalid_input', 'not a noise model snapshot (schemaVersion 1)');
    const model = new NoiseModel(limits);
    model.#mergeSnapshot(snapshot);
    return model;
  }
}

/** A new, empty {@link NoiseModel}. */
export function createNoiseModel(limits: Partial<NoiseModelLimits> = {}): NoiseModel {
  return new NoiseModel(limits);
}
