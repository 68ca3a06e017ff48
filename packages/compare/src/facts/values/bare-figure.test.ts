import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const original = 'A tint is $20 and takes about 15 minutes. We are open Monday to Saturday, 9:00 to 17:00.';
const terse = 'Tint: $20, about 15 min. Open Mon-Sat 9-5.';

describe('a bare figure of a terse baseline', () => {
  it('does not support a value the candidate adds in a sentence that shares no word with it', () => {
    const candidate =
      'A tint is $20 and takes about 15 minutes. Seniors get 5% off every visit. We are open Monday to Saturday, 9:00 to 17:00.';
    expect(judged(original, candidate, [terse])).toEqual([
      'added_claim: adds "Seniors get 5% off every visit." (5% is in no production answer)',
    ]);
    expect(judged(original, candidate.replace('get 5% off every visit', 'pay $5 less'), [terse])).toEqual([
      'added_claim: adds "Seniors pay $5 less." ($5 is in no production answer)',
    ]);
  });

  it('supports the value where its clause says what the candidate’s says', () => {
    expect(judged('Tints cost 20 and take 15 minutes.', 'A tint is $20 and takes 15 minutes.', ['Tint: 20, 15 min.'])).toEqual([]);
    expect(
      judged(original, 'A tint costs $20 and takes about 15 minutes. We open Monday to Saturday at 9 and close at 5.', [terse]),
    ).toEqual([]);
  });
});
