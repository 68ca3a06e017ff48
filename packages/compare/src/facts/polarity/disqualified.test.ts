import { describe, expect, it } from 'vitest';
import { regressionKinds } from '../../../test/judged.js';

const original = 'The tournament starts at 18:00 CET. Teams that miss check-in are disqualified. Each player needs a verified account.';

describe('"disqualified" denies taking part', () => {
  it('is a flip against a clause that lets them take part', () => {
    expect(
      regressionKinds(
        original,
        'The tournament starts at 18:00 CET. Teams that miss check-in can still play. Each player needs a verified account.',
      ),
    ).toEqual(['polarity_flip']);
  });

  it('agrees with a clause that disqualifies or bars them in other words', () => {
    expect(
      regressionKinds(
        original,
        'The tournament starts at 18:00 CET. Any team missing check-in is disqualified. Each player needs a verified account.',
      ),
    ).toEqual([]);
    expect(
      regressionKinds(
        original,
        'The tournament starts at 18:00 CET. A team that misses check-in can’t play. Each player needs a verified account.',
      ),
    ).toEqual([]);
  });
});
