import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { liftedRestated } from './lifted-restated.js';

describe('a lifted necessity said as a choice ("not needed" / "optional")', () => {
  it('reads the two wordings as one permission', () => {
    expect(
      liftedRestated(clauseTokens('No appointment is needed for the flu jab'), clauseTokens('Appointments are optional for the flu jab')),
    ).toBe(true);
    expect(judged('No appointment is needed for the flu jab.', 'Appointments are optional for the flu jab.')).toEqual([]);
    expect(judged("A helmet isn't required on the nursery slope.", 'A helmet is optional on the nursery slope.')).toEqual([]);
  });

  it('still reads a necessity or a prohibition against a choice (regressions)', () => {
    expect(liftedRestated(clauseTokens("You can't park on the verge"), clauseTokens('Parking on the verge is optional'))).toBe(false);
    expect(judged('An appointment is needed for the flu jab.', 'Appointments are optional for the flu jab.')).not.toEqual([]);
    expect(judged("You can't park on the verge.", 'Parking on the verge is optional.')).not.toEqual([]);
    expect(judged('No appointment is needed for the flu jab.', 'An appointment is required for the flu jab.')).not.toEqual([]);
  });
});
