import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyRuns } from './key-runs.js';

/** Every maximal run of key characters at least `min` long, by a regex over the whole text. */
function byRegex(text: string, min: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9_.+/=-]+/g)) if (m[0].length >= min) out.push(m.index, m.index + m[0].length);
  return out;
}

const pieces = fc.constantFrom('a', 'Z', '7', '-', '_', '.', '+', '/', '=', ' ', '"', ':', '\\', 'é', '密', '\n', 'abcdefgh', 'sk-');
const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((p) => p.join(''));

describe('keyRuns', () => {
  it('finds every run of key characters at least as long as asked, whole, as a scan of every position does', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 40 }), (text, min) => {
        expect(keyRuns(text, min)).toEqual(byRegex(text, min));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds a run exactly as long as asked wherever it stands against the stride', () => {
    for (const min of [15, 16, 17, 19, 24, 39]) {
      for (let at = 0; at < 2 * min; at++) {
        const text = `${' '.repeat(at)}${'k'.repeat(min)} ${'x'.repeat(min - 1)}`;
        expect(keyRuns(text, min)).toEqual([at, at + min]);
      }
    }
  });
});
