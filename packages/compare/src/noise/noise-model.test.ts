import { describe, expect, it } from 'vitest';
import { canonicalize } from '../adapters/canonicalize.js';
import { compareResponses } from '../compare-responses.js';
import { FieldAggregator } from './field-aggregator.js';
import { NoiseModel } from './noise-model.js';
import { QuantileHistogram } from './quantile-histogram.js';

const endpoint = 'POST /v1/plan';
const body = (fields: Record<string, unknown>) =>
  canonicalize({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields), path: '/v1/plan' });

/** 20 baseline pairs in which `confidence` differs every time and `priority` in 1 of 20 (5 %). */
function model(): NoiseModel {
  const noise = new NoiseModel();
  for (let i = 0; i < 20; i++) {
    noise.addBaseline(
      body({ confidence: 0.5, priority: 'normal', team: 'a' }),
      body({ confidence: 0.5 + i / 100 + 0.01, priority: i === 0 ? 'high' : 'normal', team: 'a' }),
      endpoint,
    );
  }
  return noise;
}

describe('NoiseModel', () => {
  it('records per-field differ rates per endpoint', () => {
    const noise = model();
    expect(noise.pairs(endpoint)).toBe(20);
    expect(noise.fieldRate(endpoint, '$.confidence')).toEqual({ rate: 1, pairs: 20 });
    expect(noise.fieldRate(endpoint, '$.priority')).toEqual({ rate: 0.05, pairs: 20 });
    expect(noise.fieldRate(endpoint, '$.team')).toEqual({ rate: 0, pairs: 20 });
  });

  it('flags a field only beyond its noise rate', () => {
    const noise = model();
    const original = body({ confidence: 0.7, priority: 'normal', team: 'a' });
    // confidence wobbles in production: noise.
    const wobble = compareResponses(body({ confidence: 0.9, priority: 'normal', team: 'a' }), original, { endpoint, noise });
    expect(wobble.verdict).toBe('noise');
    expect(wobble.noiseApplied).toBe(true);
    expect(wobble.categories.find((c) => c.name === 'schema')?.differences[0]?.explainedByNoise).toBe(true);
    // priority changes in 5 % of production pairs (≥ the 2 % per-pair floor): noise too.
    expect(compareResponses(body({ confidence: 0.7, priority: 'high', team: 'a' }), original, { endpoint, noise }).verdict).toBe('noise');
    // team never changes in production: a regression.
    const team = compareResponses(body({ confidence: 0.7, priority: 'normal', team: 'b' }), original, { endpoint, noise });
    expect(team.verdict).toBe('regression');
    // Without a baseline the same medium change is not a regression, and the report says why.
    const bare = compareResponses(body({ confidence: 0.7, priority: 'normal', team: 'b' }), original, { endpoint });
    expect(bare.verdict).toBe('noise');
    expect(bare.notes.join(' ')).toContain('no baseline');
  });

  it('never lets a wobbling value excuse a change of type or a missing field', () => {
    const noise = model();
    const original = body({ confidence: 0.7, priority: 'normal', team: 'a' });
    expect(compareResponses(body({ confidence: '0.7', priority: 'normal', team: 'a' }), original, { endpoint, noise }).verdict).toBe(
      'regression',
    );
    expect(compareResponses(body({ priority: 'normal', team: 'a' }), original, { endpoint, noise }).verdict).toBe('regression');
  });

  it('never lets production flipping between success and failure excuse a candidate that fails (user audit 2)', () => {
    // Originals of a window that held a canary include the candidate's own 500s: production
    // "differs on status" then, and a 200 → 500 of the candidate was read as noise on status
    // and a regression by its text only. A success that became a failure is a regression by status.
    const flaky = new NoiseModel();
    const failed = canonicalize({
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: '{"error":{"message":"boom"}}',
      path: '/v1/plan',
    });
    for (let i = 0; i < 20; i++) flaky.addBaseline(body({ team: 'a' }), i % 2 === 0 ? failed : body({ team: 'a' }), endpoint);
    expect(flaky.fieldRate(endpoint, 'status#status_class')?.rate).toBeGreaterThan(0.4);
    const report = compareResponses(failed, body({ team: 'a' }), { endpoint, noise: flaky });
    expect(report.verdict).toBe('regression');
    const status = report.categories.find((c) => c.name === 'status');
    expect(status?.regression).toBe(true);
    expect(status?.differences[0]?.kind).toBe('status_class');
    expect(status?.differences[0]?.explainedByNoise).not.toBe(true);
    // The other way round (production failed, the candidate answers) stays a low difference.
    expect(
      compareResponses(body({ team: 'a' }), failed, { endpoint, noise: flaky }).categories.find((c) => c.name === 'status')?.regression,
    ).not.toBe(true);
  });

  it('round-trips through JSON and merges like adding every pair to one model', () => {
    const a = model();
    const b = model();
    const restored = NoiseModel.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(restored.toJSON()).toEqual(a.toJSON());
    const merged = NoiseModel.fromJSON(a.toJSON()).merge(b);
    expect(merged.pairs(endpoint)).toBe(40);
    expect(merged.fieldRate(endpoint, '$.priority')).toEqual({ rate: 0.05, pairs: 40 });
  });

  it('refuses a snapshot of the wrong shape', () => {
    expect(() => NoiseModel.fromJSON({ schemaVersion: 2 } as never)).toThrow(/noise model snapshot/);
    expect(() => NoiseModel.fromJSON({ schemaVersion: 1, droppedEndpoints: 0, endpoints: { e: { pairs: 'x' } } } as never)).toThrow();
  });

  it('keeps its memory bounded and counts what it drops', () => {
    const noise = new NoiseModel({ maxEndpoints: 2, maxFieldsPerEndpoint: 3 });
    for (let i = 0; i < 5; i++) noise.addBaseline(body({ [`f${i}`]: 1 }), body({ [`f${i}`]: 2 }), 'e');
    noise.addBaseline(body({}), body({}), 'other');
    noise.addBaseline(body({}), body({}), 'third');
    const json = noise.toJSON();
    expect(Object.keys(json.endpoints)).toEqual(['e', 'other']);
    expect(json.droppedEndpoints).toBe(1);
    expect(Object.keys(json.endpoints.e?.fields ?? {})).toHaveLength(3);
    expect(json.endpoints.e?.droppedFields).toBe(2);
  });

  it('sets the text bar from a low quantile of production similarity', () => {
    const noise = new NoiseModel();
    const text = (t: string) => canonicalize({ body: t, headers: { 'content-type': 'text/plain' } });
    const base = 'one two three four five six seven eight nine ten';
    const words = base.split(' ');
    for (let i = 0; i < 30; i++) {
      const variant = words.map((w, k) => (k === i % 10 ? `x${w}` : w)).join(' ');
      noise.addBaseline(text(base), text(variant), 'txt');
    }
    const q = noise.textQuantile('txt', 0.02);
    expect(q?.pairs).toBe(30);
    expect(q?.similarity).toBeGreaterThan(0.8);
    expect(
      compareResponses(text(words.map((w, k) => (k === 4 ? `y${w}` : w)).join(' ')), text(base), { endpoint: 'txt', noise }).verdict,
    ).toBe('noise');
    expect(compareResponses(text('completely different words here now'), text(base), { endpoint: 'txt', noise }).verdict).toBe(
      'regression',
    );
  });
});

describe('QuantileHistogram', () => {
  it('answers quantiles at bin resolution, erring low', () => {
    const h = new QuantileHistogram();
    for (let i = 0; i < 100; i++) h.add(i / 100);
    expect(h.quantile(0.5)).toBeCloseTo(0.49, 2);
    expect(h.quantile(0)).toBe(0);
    expect(new QuantileHistogram().quantile(0.5)).toBeUndefined();
  });
});

describe('FieldAggregator', () => {
  it('flags a field whose candidate differ-rate exceeds the noise rate by both margins', () => {
    const noise = model();
    const agg = new FieldAggregator();
    const original = body({ confidence: 0.7, priority: 'normal', team: 'a' });
    for (let i = 0; i < 40; i++) {
      agg.add(compareResponses(body({ confidence: 0.8, priority: i % 2 === 0 ? 'high' : 'normal', team: 'a' }), original, { endpoint }));
    }
    const findings = agg.evaluate(noise);
    expect(findings.find((f) => f.key === '$.priority')).toMatchObject({ candidateRate: 0.5, noiseRate: 0.05, exceeds: true });
    expect(findings.find((f) => f.key === '$.confidence')).toMatchObject({ candidateRate: 1, noiseRate: 1, exceeds: false });
  });
});
