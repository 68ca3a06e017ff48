import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const original = 'The museum pass covers every gallery except the rooftop dome, which needs its own ticket.';
const baseline = 'Your pass gets you into every gallery apart from the rooftop dome - that one is ticketed separately.';

describe('an exception worded "apart from", "aside from" or "other than"', () => {
  it('says what "except" says', () => {
    expect(judged(original, 'Every gallery other than the rooftop dome is covered by the museum pass.')).toEqual([]);
    expect(judged(original, baseline)).toEqual([]);
  });

  it('in a baseline, excuses no candidate that drops the exception', () => {
    expect(judged(original, 'The rooftop dome is on the museum pass along with every other gallery.', [baseline])).not.toEqual([]);
  });

  it('is no exception as a distance or a verb', () => {
    expect(judged('The two stops are 5 km apart.', 'The two stops are 5 km apart from each other.')).toEqual([]);
    expect(judged('We set some seats aside for members.', 'Some seats are set aside for members.')).toEqual([]);
    expect(judged('The room is ready for you.', 'Other than that, the room is ready for you.')).toEqual([]);
    expect(judged('Breakfast is included.', 'Apart from this, breakfast is included.')).toEqual([]);
  });
});
