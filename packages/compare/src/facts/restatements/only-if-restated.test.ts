import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('"not … unless Y" said as "only if Y"', () => {
  const original = 'The battery is not replaced unless it fails the load test. A service takes two hours.';

  it('is no flip: "only if", "only when" and "only with" state the same condition', () => {
    expect(flips(original, 'We only replace the battery if it fails the load test. A service takes two hours.')).toEqual([]);
    expect(flips(original, '- Battery: replaced only when it fails the load test\n- Service: two hours')).toEqual([]);
  });

  it('is still a flip where the negation is dropped without a restriction, or the condition is denied', () => {
    expect(flips(original, 'The battery is replaced unless it fails the load test. A service takes two hours.')).not.toEqual([]);
    expect(flips(original, 'The battery is always replaced, whatever the load test says. A service takes two hours.')).not.toEqual([]);
  });

  it('is no flip where "only" keeps what the exception names ("not unless it is fitted by a dealer" / "only … by a dealer")', () => {
    const warranty = "The warranty doesn't cover the tow bar unless it's fitted by a dealer. Servicing is yearly.";
    expect(flips(warranty, 'Warranty: it only covers the tow bar when fitted by a dealer. Servicing is yearly.')).toEqual([]);
    expect(flips(warranty, 'Warranty: it only covers a tow bar from a dealer. Servicing is yearly.')).toEqual([]);
    expect(flips(warranty, 'Warranty: it covers the tow bar wherever it was fitted. Servicing is yearly.')).not.toEqual([]);
  });
});
