import { describe, expect, it } from 'vitest';
import { chatAnswer as chat } from '../test/chat-answer.js';
import { compareResponses } from './compare-responses.js';
import { compareWithBaselines } from './compare-with-baselines.js';
import { NoiseModel } from './noise/noise-model.js';

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

  it('holds a short answer worded like another production answer to the bar of that answer, not of the original', () => {
    // A booking office's short answers: the candidate shares no word with the original, and
    // production itself words it that way too.
    const short = chat('Deposits are returned within a fortnight of checkout.');
    const like = [chat('We refund the security deposit in fourteen days or fewer after you leave.')];
    const reworded = chat('You get the security deposit back in fourteen days or fewer after you leave.');
    const offTopic = chat('Our gym on the second floor opens at six every morning for all guests.');
    const judged = (c: ReturnType<typeof chat>) => compareWithBaselines(c, short, like, { endpoint }).report;
    expect(judged(reworded).text?.similarity).toBeLessThan(0.1);
    expect(judged(reworded).text?.nearestBaseline).toBeGreaterThan(0.3);
    expect(judged(reworded).categories.find((c) => c.name === 'text')?.regression).toBe(false);
    expect(judged(offTopic).categories.find((c) => c.name === 'text')?.regression).toBe(true);
    // Without the baseline the original is all there is to measure by.
    expect(compareWithBaselines(reworded, short, [], { endpoint }).report.text?.nearestBaseline).toBeUndefined();
  });
});
