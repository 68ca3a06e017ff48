import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const added = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'fact_added' || d.kind === 'fact_changed' || d.kind === 'added_claim')
    .map((d) => `${d.kind}: ${d.message}`);

describe('a code literal production writes, said again', () => {
  const original =
    'Cargo features are additive: if any crate in the graph enables `serde` on `chrono`, every user of `chrono` in that build gets it. Use `default-features = false` to turn off defaults.';

  it('in a clause that says what production says names the same thing', () => {
    const candidate =
      'Cargo features are additive across the whole build: if any crate anywhere in the graph enables `serde` on `chrono`, then every user of `chrono` in that build gets `serde` too. Use `default-features = false` to turn off defaults.';
    expect(added(original, candidate)).toEqual([]);
  });

  it('while a literal production never writes is still a new value there', () => {
    const candidate =
      'Cargo features are additive: if any crate in the graph enables `serde` on `chrono`, every user of `chrono` in that build gets `serde_json` too. Use `default-features = false` to turn off defaults.';
    expect(added(original, candidate)).not.toEqual([]);
  });
});
