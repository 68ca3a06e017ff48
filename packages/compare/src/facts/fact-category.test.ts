import { describe, expect, it } from 'vitest';
import { canonicalize } from '../adapters/canonicalize.js';
import { compareResponses } from '../compare-responses.js';
import { factCategory } from './fact-category.js';

// A 1 MB pair stays bounded because the fact engine reads the first 64 KB of each answer (cut at a
// line or sentence end); text drift is still measured over all of it (text-similarity.ts degrades
// to lines, then to a bag of words). What lies past the cap is read by the text category only.

const text = (body: string) => canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body });

/** About 1 MB of distinct sentences, each stating an order number and a price. */
function megabyte(changedAt: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const price = i === changedAt ? 99 : 20 + (i % 50);
    const line = `Order ${1000 + i} ships from the north depot and costs $${price}.`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

describe('the fact category of a 1 MB pair', () => {
  it('reads the first 64 KB only: a new price there is found, one near the end is not a fact difference', () => {
    const original = text(megabyte(-1));
    expect(original.text.length).toBeGreaterThan(1_000_000);
    const early = factCategory(original, text(megabyte(10)), [], 50);
    // (Reported as a value added: the old price is still stated by other orders.)
    expect(early.differences.map((d) => `${d.kind} ${d.message}`).join('\n')).toContain('99');
    const late = factCategory(original, text(megabyte(15_000)), [], 50);
    expect(late.differences).toEqual([]);
  });

  it('leaves a change past the cap to the text category', () => {
    const r = compareResponses(text(megabyte(15_000)), text(megabyte(-1)));
    const byName = new Map(r.categories.map((c) => [c.name, c]));
    expect(byName.get('fact')?.differences).toEqual([]);
    expect(byName.get('text')?.score).toBeGreaterThan(0);
  });
});
