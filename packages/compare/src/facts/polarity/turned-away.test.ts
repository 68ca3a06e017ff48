import { describe, expect, it } from 'vitest';
import { regressionKinds } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const negated = (text: string): boolean[] => factSheet(text).clauses.map((c) => c.polarity.negated);

// "Late arrivals are turned away", "we turn walk-ins away": people refused, as "not admitted" /
// "can't join" says; "turn away from the road" is a direction.
describe('turned away', () => {
  it('denies what it turns away', () => {
    expect(negated('Late arrivals are turned away.')).toEqual([true]);
    expect(negated('We turn walk-ins away after 6 pm.')).toEqual([true]);
    expect(negated('Anyone arriving after 9 pm will be turned away at the door.')).toEqual([true]);
    expect(negated('Turn away from the road at the second bridge.')).toEqual([false]);
    expect(negated('Turn the valve to the left.')).toEqual([false]);
  });

  it('flips a permission production gives, in words of its own, and agrees with a denial', () => {
    expect(
      regressionKinds(
        'Late arrivals can still join the tour, and the guide meets you at the gate.',
        'The guide meets you at the gate; late arrivals are turned away.',
      ),
    ).toEqual(['polarity_flip']);
    expect(
      regressionKinds(
        "Late arrivals can't join the tour, and the guide meets you at the gate.",
        'The guide meets you at the gate; late arrivals are turned away.',
      ),
    ).toEqual([]);
  });
});
