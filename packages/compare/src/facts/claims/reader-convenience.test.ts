import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A promise to schedule at the reader's convenience is courtesy, not a commitment to check.
describe("a promise of a time at the reader's convenience", () => {
  const original = 'Piano lessons run on weekday afternoons and cost £30 for 45 minutes.';

  it('is no added claim', () => {
    expect(
      judged(original, "Piano lessons run on weekday afternoons and cost £30 for 45 minutes, and we'll find a time that suits you."),
    ).toEqual([]);
    expect(
      judged(original, "Piano lessons run on weekday afternoons and cost £30 for 45 minutes; we'll pick a slot that works for you."),
    ).toEqual([]);
  });

  it('leaves other promises claims', () => {
    expect(
      judged(original, "Piano lessons run on weekday afternoons and cost £30 for 45 minutes, and we'll give you a free trial lesson."),
    ).not.toEqual([]);
  });
});
