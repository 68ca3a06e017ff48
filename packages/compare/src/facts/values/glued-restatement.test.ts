import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A terse answer glues figures and words with "-" or "/" ("8-ch", "$4-a-night", "90gsm/130gsm"): what it
// glues is production's, not a code production never states.
describe('figures and words glued into one token', () => {
  it('reads a glued restatement of production as no new value', () => {
    expect(judged('The kit has an 8-channel recorder and two lapel mics.', 'Kit: 8-ch recorder, 2 lapel mics.')).toEqual([]);
    expect(judged('Parking is $4 a night after the first week.', 'After week one, parking is $4-a-night.')).toEqual([]);
    expect(judged('Flyers are printed on 90gsm or 130gsm paper.', 'Flyers: 90gsm/130gsm paper.')).toEqual([]);
    expect(judged('Boxes between 2 kg and 20 kg ship at the parcel rate.', 'Parcel rate for 2 kg-20 kg boxes.')).toEqual([]);
  });

  it('still reads a glued token with a part production never says as new', () => {
    expect(judged('Parking is $4 a night after the first week.', 'After week one, parking is $6-a-night.')).not.toEqual([]);
    expect(judged('The kit has an 8-channel recorder.', 'Kit: 16-ch recorder.')).not.toEqual([]);
  });

  it('leaves codes alone: no part in lower case', () => {
    expect(judged('Your invoice is INV-2031-0442, due in 30 days.', 'Your invoice is INV-2031-0424, due in 30 days.')).not.toEqual([]);
  });
});
