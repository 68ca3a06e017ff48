import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A switch's state has many names: "off" is "disabled" and "deactivated", "on" is "enabled".
describe('the two states of a switch, whichever word names them', () => {
  const o = 'The kill switch is off by default; you can turn it on under Settings.';

  it('reads "off" against "enabled" as a flip', () => {
    expect(judged(o, o.replace('off by default', 'enabled by default'))).toEqual([
      'polarity_flip: is off by default → is enabled by default',
    ]);
    expect(judged('Auto-renewal is disabled on your plan.', 'Auto-renewal is on for your plan.')).not.toEqual([]);
  });

  it('reads "off" and "disabled" as the same state', () => {
    expect(judged(o, o.replace('off by default', 'disabled by default'))).toEqual([]);
    expect(judged('Auto-renewal is enabled on your plan.', 'Auto-renewal is switched on for your plan.')).toEqual([]);
  });
});

// "Nobody can be in the house" obliges as "you'll need to stay out" does: a baseline saying it so
// does not excuse a candidate that only permits it.
describe('a permission denied, in a baseline', () => {
  const o = 'Removal is done under an enclosure, and you will need to stay out of the house for the day of the work.';
  const c = 'Removal is done under an enclosure, and you may prefer to stay out of the house for the day of the work.';

  it('excuses no change from an obligation to a permission', () => {
    const b = 'We work inside an enclosure, and nobody can be in the house for the day of the work.';
    expect(judged(o, c, [b]).map((d) => d.split(':')[0])).toEqual(['modality_change']);
  });

  it('a baseline that permits it still excuses it', () => {
    const b = 'We work inside an enclosure, and you may want to stay out of the house for the day of the work.';
    expect(judged(o, c, [b])).toEqual([]);
  });
});
