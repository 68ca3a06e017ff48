import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const negated = (text: string): boolean[] => factSheet(text).clauses.map((c) => c.polarity.negated);

// A condition opening a new conjunct ("…, and if we can't sail we'll refund you in full") has its
// own main clause after it: the condition's negation is the condition's, the main clause's is the claim's.
describe('a condition inside a clause, with its main clause after it', () => {
  it("counts the main clause after the condition, not the condition's words", () => {
    expect(negated("Trips depend on the tide, and if we can't sail we'll refund you free of charge.")).toEqual([true]);
    expect(negated("Trips depend on the tide, and if the boat is full we won't take walk-ins.")).toEqual([true]);
    expect(negated("Keep the receipt, and if the lens doesn't fit you will get a new pair.")).toEqual([false]);
    expect(negated("Tides: if we can't sail, we refund you at no charge.")).toEqual([true]);
    // A condition after its main clause still ends the claim.
    expect(negated("We refund you at no charge if we can't sail.")).toEqual([true]);
  });

  it('reads the terse restatement as the same claim', () => {
    expect(
      judged(
        "Trips depend on the tide, and if we can't sail we'll refund you free of charge.",
        "Tide-dependent - free refund if we can't sail.",
      ),
    ).toEqual([]);
    expect(
      judged(
        "Trips depend on the tide, and if we can't sail we'll refund you free of charge.",
        "Trips depend on the tide, and if we can't sail we won't refund you.",
      ),
    ).not.toEqual([]);
  });
});
