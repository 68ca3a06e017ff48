import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';

describe('a verb of not doing ("miss")', () => {
  it('says what "doesn\'t" with the verb it stands for says', () => {
    expect(flips('Teams that miss check-in are disqualified.', "Any team that doesn't check in is disqualified.")).toEqual([]);
    expect(flips('If you miss the deadline, the fee applies.', "If you don't meet the deadline, the fee applies.")).toEqual([]);
  });

  it('names a thing as a participle before its noun or at the end of a relative clause', () => {
    expect(flips('Missed lessons can be rescheduled once per term.', 'One missed lesson per term can be rescheduled.')).toEqual([]);
    expect(flips("You won't be billed for the missed print days.", "There's no charge for the print days you miss.")).toEqual([]);
  });
});
