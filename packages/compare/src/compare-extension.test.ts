import { describe, expect, it } from 'vitest';
import { canonicalize } from './adapters/canonicalize.js';
import { applyExtension, type CompareExtension } from './compare-extension.js';
import { compareResponses } from './compare-responses.js';

const a = canonicalize({ body: 'The answer is 42.', headers: { 'content-type': 'text/plain' } });
const b = canonicalize({ body: 'The answer is 41.', headers: { 'content-type': 'text/plain' } });

describe('applyExtension', () => {
  it('folds a user comparator into the report and judges again', async () => {
    const judgeLike: CompareExtension = {
      compare: async (_c, _o, ctx) => ({
        score: 0.9,
        categories: [{ label: 'llm_judge', score: 0.9, message: `wrong number on ${ctx.endpoint}` }],
        notes: ['judged'],
      }),
    };
    const base = compareResponses(b, a, { endpoint: 'POST /x' });
    const r = await applyExtension(base, judgeLike, b, a);
    const ext = r.categories.find((c) => c.name === 'extension');
    expect(ext).toMatchObject({ label: 'llm_judge', score: 0.9, severity: 'high' });
    expect(r.verdict).toBe('regression');
    expect(r.score).toBeGreaterThan(base.score);
    expect(r.notes).toContain('extension: judged');
  });

  it('reports a throwing or malformed extension on the pair and keeps the report', async () => {
    const base = compareResponses(b, a);
    const thrown = await applyExtension(base, { compare: () => Promise.reject(new Error('judge unreachable')) }, b, a);
    expect(thrown.extensionError).toBe('judge unreachable');
    expect(thrown.verdict).toBe(base.verdict);
    const malformed = await applyExtension(base, { compare: () => ({ score: Number.NaN }) }, b, a);
    expect(malformed.extensionError).toContain('score');
  });
});
