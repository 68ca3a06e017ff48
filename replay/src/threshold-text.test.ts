import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './format-markdown.js';
import { formatJunit, formatSummary } from './format-summary.js';
import type { ReplaySummary } from './replay-summary.js';
import { thresholdActualText, thresholdBreachText } from './threshold-text.js';

const rate = { name: 'maxRegressionRate', limit: 0.2, actual: 2 / 3, breached: true, of: 3 } as const;
const few = { name: 'minJudged', limit: 20, actual: 3, breached: true } as const;

const summary: ReplaySummary = {
  runId: 'run_1',
  status: 'completed',
  target: 'v3',
  baseline: 'v1',
  planned: 3,
  done: 3,
  errors: 0,
  errorRate: 0,
  verdicts: { match: 0, noise: 1, regression: 2, error: 0 },
  divergence: { mean: 0.4, p50: 0.4, p95: 0.6, max: 0.6, histogram: [] },
  endpoints: [],
  otherEndpoints: 0,
  skipped: { total: 0, reasons: {} },
  baselineCoverage: null,
  statusMismatches: { total: 0, pairs: [] },
  latencyMs: { original: { p50: 10, p95: 12 }, candidate: { p50: 11, p95: 30 } },
  tokens: { original: 0, candidate: 0, delta: 0 },
  costUsd: { original: 0, candidate: 0, delta: 0 },
  worst: [],
  thresholds: [rate, few],
  passed: false,
  abortReason: null,
};

describe('threshold text', () => {
  it('gives a rate with what it was taken over, and a minimum as a minimum', () => {
    expect(thresholdActualText(rate)).toBe('0.6667 (2 of 3 judged)');
    expect(thresholdBreachText(rate)).toBe('maxRegressionRate 0.6667 (2 of 3 judged) > 0.2');
    expect(thresholdBreachText(few)).toBe('minJudged 3 < 20');
    expect(thresholdBreachText({ name: 'maxRegressionRate', limit: 0.2, actual: 0, breached: true, of: 0 })).toBe(
      'maxRegressionRate: nothing judged',
    );
  });

  it('writes each threshold the right way round in the terminal report, JUnit and Markdown', () => {
    const text = formatSummary(summary);
    expect(text).toMatch(/maxRegressionRate +limit 0\.2 {2}actual 0\.6667 \(2 of 3 judged\) {2}BREACHED/);
    expect(text).toMatch(/minJudged +limit 20 {2}actual 3 {2}BREACHED/);
    const junit = formatJunit(summary);
    expect(junit).toContain('name="maxRegressionRate ≤ 0.2"');
    expect(junit).toContain('name="minJudged ≥ 20"');
    expect(junit).toContain('<failure message="minJudged 3 &lt; 20"/>');
    expect(junit).toContain('<failure message="maxRegressionRate 0.6667 (2 of 3 judged) &gt; 0.2"/>');
    const md = formatMarkdown(summary);
    expect(md).toContain('| maxRegressionRate | ≤ 0.2 | 0.6667 (2 of 3 judged) | ❌ breached |');
    expect(md).toContain('| minJudged | ≥ 20 | 3 | ❌ breached |');
  });
});
