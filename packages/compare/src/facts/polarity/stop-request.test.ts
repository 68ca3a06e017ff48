import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// "Stop soft lenses a week before" asks the reader to go without them, as "stop wearing soft lenses"
// does: the plain verb opening a request, with its object, ends the use of what it names.
describe('"stop" with an object, asked', () => {
  it('says what "stop wearing" says', () => {
    expect(
      judged(
        'Please stop wearing soft contact lenses 7 days before the screening.',
        'Contacts: stop soft lenses 7 days before the screening.',
      ),
    ).toEqual([]);
    expect(judged('Stop taking ibuprofen three days before the procedure.', 'Stop ibuprofen three days before the procedure.')).toEqual([]);
  });

  it('still differs from wearing them', () => {
    expect(
      judged(
        'Please stop wearing soft contact lenses 7 days before the screening.',
        'Contacts: keep wearing soft lenses until 7 days before the screening, then stop.',
      ),
    ).not.toEqual([]);
    expect(judged('Stop taking ibuprofen three days before the procedure.', 'Keep taking ibuprofen until the procedure.')).not.toEqual([]);
  });

  it('reads nothing into a stop that names a place or a thing', () => {
    expect(judged('The shuttle stop is outside gate 4.', 'The shuttle stop is outside gate 4.')).toEqual([]);
    expect(judged('Take the bus to the last stop on the line.', 'Ride the bus to the line’s last stop.')).toEqual([]);
    // "Stop by" is a visit: no negation against "come by".
    expect(judged('Stop by the front desk to collect your key.', 'Come by the front desk to collect your key.')).toEqual([]);
  });
});
