import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
    .map((d) => `${d.kind}: ${d.message}`);

describe('a claim the original says across clauses of one sentence', () => {
  const original =
    "Your cabin is booked for three nights. We need a $200 deposit to confirm it, and it's refundable up to 14 days before arrival.";
  const baseline = 'Three nights are booked. A $200 deposit confirms the cabin and can be refunded until 14 days before arrival.';

  it("is judged by the original, not by a baseline's other cut", () => {
    expect(
      facts(
        original,
        'To confirm the cabin we need a $200 deposit, refundable up to 14 days before arrival. You have it for three nights.',
        [baseline],
      ),
    ).toEqual([]);
  });

  it('still reports what the joined sentence does not say', () => {
    expect(
      facts(original, "To confirm the cabin we need a $200 deposit, which can't be refunded. You have it for three nights.", [baseline]),
    ).not.toEqual([]);
  });
});
