import { describe, expect, it } from 'vitest';
import { openTextCases, type TextCase } from '../test/open-text-cases.js';
import { canonicalize } from './adapters/canonicalize.js';
import { limitAnswerCaches } from './answer-cache.js';
import { compareRules } from './compare-responses.js';

// The engine keeps production's answers (the original and its baselines) read by content: their
// fact sheets with what the rules derive from one answer (fact-category.ts) and their word ids
// (text-category.ts). A candidate compared with an original read for earlier candidates must get
// the report a cold read gives. Checked over the open labelled text sets: each original compared
// with another candidate first (its sheet then holds what that pair derived), then with its own,
// alone and with its baselines.

// Every other case: the sets hold ≈ 2 000, and each is compared six times here.
const cases: TextCase[] = openTextCases().filter((_, i) => i % 2 === 0);
const answer = (body: string) => canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body });

function report(k: TextCase, baselines: readonly string[]): string {
  return JSON.stringify(compareRules(answer(k.candidate), answer(k.original), { baselines: baselines.map(answer) }));
}

describe("the rules with production's answers kept read", () => {
  it('reports what a cold read reports, on the open sets', () => {
    expect(cases.length).toBeGreaterThan(500);
    const before = limitAnswerCaches({ answers: 0 });
    let cold: string[];
    try {
      cold = cases.flatMap((k) => [report(k, []), report(k, k.baselines)]);
    } finally {
      limitAnswerCaches(before);
    }
    const warm: string[] = [];
    cases.forEach((k, i) => {
      // Another candidate of the set first, against this original and its baselines.
      const other = cases[(i + 7) % cases.length] as TextCase;
      report({ ...k, candidate: other.candidate }, k.baselines);
      report({ ...k, candidate: other.candidate }, []);
      warm.push(report(k, []), report(k, k.baselines));
    });
    const differing = warm.flatMap((w, i) => (w === cold[i] ? [] : [`${cases[i >> 1]?.candidate.slice(0, 80)}\n  ${cold[i]}\n  ${w}`]));
    expect(differing.slice(0, 3)).toEqual([]);
  }, 300_000);
});
