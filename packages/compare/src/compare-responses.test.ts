import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalResponse } from './adapters/canonical-response.js';
import { canonicalize } from './adapters/canonicalize.js';
import { compareResponses } from './compare-responses.js';
import { formatReport } from './report/format-report.js';

const chat = (content: string | null, extra: Record<string, unknown> = {}, status = 200) =>
  canonicalize({
    status,
    headers: { 'content-type': 'application/json' },
    path: '/v1/chat/completions',
    body: JSON.stringify({
      id: `x${Math.random()}`,
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content, ...extra }, finish_reason: 'stop' }],
    }),
  });

const jsonValue = fc.jsonValue({ maxDepth: 4 });

function categoryScoresInRange(r: ReturnType<typeof compareResponses>): boolean {
  return (
    r.score >= 0 &&
    r.score <= 1 &&
    r.scoreOverNoise >= 0 &&
    r.scoreOverNoise <= 1 &&
    r.categories.every((c) => c.score >= 0 && c.score <= 1)
  );
}

describe('compareResponses', () => {
  it('calls a response identical to itself a match with score 0 (any JSON, any text)', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const c = canonicalize({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(v) });
        const r = compareResponses(c, c);
        return r.verdict === 'match' && r.score === 0;
      }),
    );
    fc.assert(
      fc.property(fc.string(), (t) => {
        const c = canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body: t });
        const r = compareResponses(c, c);
        return r.verdict === 'match' && r.score === 0;
      }),
    );
  });

  it('keeps every score in 0..1 on arbitrary pairs', () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, fc.constantFrom(200, 404, 500), (a, b, status) => {
        const ca = canonicalize({ status: 200, body: JSON.stringify(a) });
        const cb = canonicalize({ status, body: JSON.stringify(b) });
        return categoryScoresInRange(compareResponses(cb, ca));
      }),
    );
  });

  it('ignores volatile ids and the like (a double send of the same answer is a match)', () => {
    const r = compareResponses(chat('Paris is the capital of France.'), chat('Paris is the capital of France.'));
    expect(r.verdict).toBe('match');
  });

  it('calls an error status or an error where there was none critical', () => {
    const r = compareResponses(chat(null, {}, 500), chat('fine'));
    expect(r.verdict).toBe('regression');
    expect(r.categories.find((c) => c.name === 'status')?.severity).toBe('critical');
    const t = compareResponses(canonicalize({ error: { code: 'upstream_timeout', message: 'timed out' } }), chat('fine'));
    expect(t.categories.find((c) => c.name === 'error')?.regression).toBe(true);
  });

  it('shows a candidate that succeeds where production failed, without calling it a regression', () => {
    const r = compareResponses(chat('fine.'), chat(null, {}, 503));
    expect(r.categories.find((c) => c.name === 'status')?.severity).toBe('low');
    expect(r.verdict).not.toBe('regression');
  });

  it('calls a refusal and a mid-sentence cut regressions even without a baseline', () => {
    const answer = 'You can return the shoes within thirty days. Refunds reach your card within a week.';
    expect(compareResponses(chat("I'm sorry, but I can't help with that request."), chat(answer)).verdict).toBe('regression');
    expect(compareResponses(chat('You can return the shoes within thirty days. Refunds reach'), chat(answer)).verdict).toBe('regression');
    expect(
      compareResponses(chat('Refunds reach your card within a week. You may return the shoes within thirty days.'), chat(answer)).verdict,
    ).toBe('noise');
  });

  it('reports latency, ttft, token and cost deltas apart from the score', () => {
    const a: CanonicalResponse = {
      ...chat('same'),
      timings: { durationMs: 100, ttfbMs: 10, ttftMs: 20 },
      usage: { inputTokens: 10, outputTokens: 5, costUsd: 0.001 },
    };
    const b: CanonicalResponse = {
      ...a,
      timings: { durationMs: 250, ttfbMs: 12, ttftMs: null },
      usage: { inputTokens: 10, outputTokens: 9, costUsd: 0.002 },
    };
    const r = compareResponses(b, a);
    expect(r.deltas).toEqual({ latencyMs: 150, ttfbMs: 2, ttftMs: null, inputTokens: 0, outputTokens: 4, costUsd: 0.001 });
    expect(r.score).toBe(0);
    expect(r.verdict).toBe('match');
  });

  it('scores side effects when the egress proxy reports them', () => {
    const a = chat('done');
    const r = compareResponses(a, a, {
      sideEffects: {
        original: { matched: 2, unmatched: 0, extra: 0, blocked: 0 },
        candidate: { matched: 2, unmatched: 1, extra: 0, blocked: 0 },
      },
    });
    expect(r.categories.find((c) => c.name === 'side_effect')?.differences).toMatchObject([
      { kind: 'side_effect_unmatched', severity: 'high' },
    ]);
    expect(r.verdict).toBe('regression');
  });

  it('is plain JSON and renders as text with hunks on request', () => {
    const r = compareResponses(chat('the slow brown fox jumps.'), chat('the quick brown fox jumps.'), { textHunks: true });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const text = formatReport(r);
    expect(text).toContain('[-quick-]');
    expect(text).toContain('{+slow+}');
  });
});
