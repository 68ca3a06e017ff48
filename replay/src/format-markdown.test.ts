import { describe, expect, it } from 'vitest';
import { comparisonUrl, formatMarkdown } from './format-markdown.js';
import type { ReplaySummary } from './replay-summary.js';

const summary: ReplaySummary = {
  runId: 'run_1',
  status: 'completed',
  target: 'candidate',
  baseline: 'stable',
  planned: 3,
  done: 3,
  errors: 1,
  errorRate: 1 / 3,
  verdicts: { match: 1, noise: 0, regression: 1, error: 1 },
  divergence: { mean: 0.27, p50: 0.27, p95: 0.54, max: 0.54, histogram: [] },
  endpoints: [
    {
      endpoint: 'POST /v1/chat/completions',
      count: 3,
      match: 1,
      noise: 0,
      regression: 1,
      error: 1,
      statusMismatches: 1,
      meanDivergence: 0.27,
    },
  ],
  otherEndpoints: 0,
  skipped: { total: 0, reasons: {} },
  baselineCoverage: { pairs: 3, replayed: 3, share: 1, minShare: 0.8, allowed: false, sufficient: true },
  statusMismatches: { total: 1, pairs: [{ original: 200, candidate: null, count: 1 }] },
  latencyMs: { original: { p50: 10, p95: 12 }, candidate: { p50: 11, p95: 30 } },
  tokens: { original: 100, candidate: 120, delta: 20 },
  costUsd: { original: 0.001, candidate: 0.0012, delta: 0.0002 },
  worst: [
    {
      exchangeId: 'ex_a',
      candidateId: 'ex_b',
      endpoint: 'POST /v1/chat/completions',
      verdict: 'regression',
      scoreOverNoise: 0.54,
      reason: 'tool_call: value changed',
      differences: ['tool_call value_change tool_calls[0].arguments.order_id: "10042" → "10043|<b>x</b>"'],
    },
    {
      exchangeId: 'ex_c',
      candidateId: null,
      endpoint: 'POST /v1/chat/completions',
      verdict: 'regression',
      scoreOverNoise: 0.1,
      reason: 'status: 200 → none',
      differences: [],
    },
  ],
  thresholds: [{ name: 'maxRegressions', limit: 0, actual: 1, breached: true }],
  passed: false,
  abortReason: null,
};

describe('formatMarkdown', () => {
  it('writes verdict, counts, thresholds and the worst examples linked to their comparison pages', () => {
    const md = formatMarkdown(summary, { dashboardUrl: 'https://u.example/base/' });
    expect(md.split('\n')[0]).toBe('### ❌ Understudy replay: FAIL');
    expect(md).toContain('Run [`run_1`](https://u.example/base/replays/run_1) against `candidate` with baseline `stable` · completed');
    expect(md).toContain('| 3 | 1 | 0 | 1 | 1 | 33.3% | 0.270 / 0.540 / 0.540 |');
    expect(md).toContain('| maxRegressions | ≤ 0 | 1 | ❌ breached |');
    // A cell never breaks the table: pipes escaped, HTML neutralised.
    expect(md).toContain(
      '| 0.540 | regression | POST /v1/chat/completions | [`ex_a → ex_b`](https://u.example/base/comparisons/ex_b) | tool_call value_change tool_calls[0].arguments.order_id: "10042" → "10043\\|&lt;b&gt;x&lt;/b&gt;" |',
    );
    // No candidate answer: the reason stands in, and the comparison is named by run and original.
    expect(md).toContain('[`ex_c → –`](https://u.example/base/comparisons/run_1%3Aex_c) | status: 200 → none |');
    expect(md).toContain('<details><summary>Endpoints (1)</summary>');
  });

  it('leaves links out without a dashboard URL and says when nothing could fail the run', () => {
    const md = formatMarkdown({ ...summary, thresholds: [], passed: true, baseline: null, worst: [] });
    // One regression and no threshold: no check mark over it.
    expect(md.split('\n')[0]).toBe('### ⚠️ Understudy replay: NO GATE (no threshold set)');
    expect(md).not.toContain('](');
    expect(md).toContain('Run `run_1` against `candidate` (no baseline: structural rules only)');
    expect(md).toContain('_No thresholds were set: the run cannot fail on divergence._');
    expect(md).not.toContain('Worst examples');
  });

  it('passes a run whose thresholds all held', () => {
    const held = { name: 'maxRegressions', limit: 1, actual: 1, breached: false } as const;
    expect(formatMarkdown({ ...summary, thresholds: [held], passed: true }).split('\n')[0]).toBe('### ✅ Understudy replay: PASS');
  });

  it('names a comparison as the comparisons API does', () => {
    expect(comparisonUrl('http://h:8081', 'r1', { candidateId: 'ex/1', exchangeId: 'o1' })).toBe('http://h:8081/comparisons/ex%2F1');
    expect(comparisonUrl('http://h:8081//', 'r1', { candidateId: null, exchangeId: 'o1' })).toBe('http://h:8081/comparisons/r1%3Ao1');
  });
});
