import { describe, expect, it } from 'vitest';
import { chatAnswer as chat } from '../test/chat-answer.js';
import { compareResponses } from './compare-responses.js';
import { compareWithBaselines } from './compare-with-baselines.js';
import { NoiseModel } from './noise-model.js';

const endpoint = 'POST /v1/chat/completions';

describe('compareWithBaselines', () => {
  const original = chat("We've waived the $35 overdraft charge. You don't need a referral. Your booking code is BK-4821.");
  // Production varies on the fee and the code: the baseline pairs hold fact differences.
  const baselines = [
    chat("We've waived the $53 overdraft charge. You don't need a referral. Your booking code is BK-4821."),
    chat("The $35 overdraft charge is waived. A referral isn't needed. Your booking code is BK-9999."),
  ];
  const candidates = [
    chat("We've waived the $53 overdraft charge. You do need a referral. Your booking code is BK-4821."),
    chat("We've waived the $35 overdraft charge. You don't need a referral. Your booking code is BK-9999."),
    chat("The $35 overdraft charge is waived. You don't need a referral. Your code is BK-4821. Refunds take 90 days."),
  ];

  it("does not compare the baseline pairs' facts: its noise model counts no fact key", () => {
    const { noise } = compareWithBaselines(candidates[0] ?? original, original, baselines, { endpoint });
    const fields = Object.keys(noise?.toJSON().endpoints[endpoint]?.fields ?? {});
    expect(fields.filter((k) => k.startsWith('fact:'))).toEqual([]);
    // The baseline pairs were compared: the text measures of both are in the model.
    expect(noise?.toJSON().endpoints[endpoint]?.textPairs).toBe(2);
  });

  it("judges the candidate as with a noise model that compared the baselines' facts", () => {
    for (const candidate of candidates) {
      const judge = { minBaselinePairs: 1, textQuantile: 0 };
      const full = new NoiseModel();
      for (const b of baselines) full.addBaseline(original, b, endpoint);
      // The full model does hold fact keys, which the verdict never reads.
      expect(Object.keys(full.toJSON().endpoints[endpoint]?.fields ?? {}).some((k) => k.startsWith('fact:'))).toBe(true);
      const expected = compareResponses(candidate, original, { endpoint, noise: full, baselines, judge });
      expect(compareWithBaselines(candidate, original, baselines, { endpoint }).report).toEqual(expected);
    }
  });
});
