import { describe, expect, it } from 'vitest';
import { judged } from '../../test/judged.js';

// A value the original and every baseline state, left out of an answer about as long as the original:
// production always says it, so a rewording that loses it is a regression; a shorter answer, an answer
// with no baseline to show production keeps it, and a tool preamble's echo of an id stay details.

const original =
  'The kayak tour lasts about three hours. It costs $75 per person. Life jackets are provided, and we meet at the boathouse on Pier 4. Please arrive fifteen minutes early.';
const baseline =
  'Our kayak tour takes roughly three hours and is $75 per person. We provide life jackets. Meet us at the boathouse on Pier 4, fifteen minutes before the start.';
// The same answer in other words with the tour's length left out.
const reworded =
  'Each paddler pays $75 for the kayak tour. We hand out life jackets before you set off, and the group meets at the boathouse on Pier 4. Try to get there fifteen minutes ahead of time.';

describe('a value every production answer states, left out of a rewording', () => {
  it('is a regression with a baseline that states it too', () => {
    expect(judged(original, reworded, [baseline])).toEqual(['fact_dropped: no longer states three hours']);
  });

  it('stays a detail with no baseline: nothing shows production always says it', () => {
    expect(judged(original, reworded, [])).toEqual([]);
  });

  it('stays a detail in a shorter answer, which condenses as it drops', () => {
    expect(judged(original, '$75 per person, life jackets provided. Boathouse, Pier 4; come fifteen minutes early.', [baseline])).toEqual(
      [],
    );
  });

  it("stays a detail where production's answer only echoed it while announcing a look-up", () => {
    expect(
      judged('Let me look up booking KT-48213 and see where it is.', 'Sure, give me a second to pull that up.', [
        'I will check booking KT-48213 for you.',
      ]),
    ).toEqual([]);
  });
});
