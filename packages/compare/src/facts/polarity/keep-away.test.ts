import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const negated = (text: string): boolean[] => factSheet(text).clauses.map((c) => c.polarity.negated);

// "stay off", "keep off", "keep out of", "stay away from", "steer clear of" say not to do or use
// something, as "avoid" does.
describe('a verb of keeping away', () => {
  it('denies what it keeps away from', () => {
    expect(negated('Please stay off caffeine the morning of the scan.')).toEqual([true]);
    expect(negated('Keep off the dunes.')).toEqual([true]);
    expect(negated('Steer clear of the east ridge after rain.')).toEqual([true]);
    expect(negated('Please keep dogs off the dunes.')).toEqual([true]);
    expect(negated('Please keep dogs out of the kitchen.')).toEqual([true]);
    // An object between, where one is ("stay out of the house") or a state ("stays off overnight") keeps nothing away.
    expect(negated('Keep the lid closed.')).toEqual([false]);
    expect(negated('You will need to stay out of the house for two hours.')).toEqual([false]);
    expect(negated('The lift must stay out of service until the inspection.')).toEqual([false]);
    expect(negated('The heating stays off overnight.')).toEqual([false]);
    expect(negated('Dry in 2 h - keep dogs off.')).toEqual([true]);
  });

  it('reads it as the denial production words with "avoid" or "not"', () => {
    expect(judged('Please avoid caffeine on the morning of the scan.', 'On the morning of the scan, please stay off caffeine.')).toEqual(
      [],
    );
    expect(judged('Bikes are allowed on the towpath, not on the dunes.', 'Bikes can use the towpath but must keep off the dunes.')).toEqual(
      [],
    );
    // Allowed there now is still a flip.
    expect(judged('Bikes are allowed on the towpath, not on the dunes.', 'Bikes can use the towpath and the dunes.')).not.toEqual([]);
  });

  it('reads "off limits" as a denial of the place', () => {
    expect(negated('The calf pens are off limits to visitors.')).toEqual([true]);
    expect(negated('The calf pens are off-limits to visitors.')).toEqual([true]);
    // A baseline saying it so keeps the original's side: the candidate that lets visitors in is a flip.
    expect(
      judged(
        "You can watch the afternoon milking, but visitors aren't allowed inside the calf pens.",
        "You'll get to see the afternoon milking, and you can go into the calf pens to feed them.",
        ["You'll see the afternoon milking, though the calf pens are off limits to visitors."],
      ),
    ).toHaveLength(1);
  });

  it('reads "leave X at home" as not bringing it, as "no X" or "not allowed" says', () => {
    expect(negated('Please leave jewellery at home.')).toEqual([true]);
    // What is left behind remains: "a failed build leaves an invalid index behind" denies nothing.
    expect(negated('A failed build leaves an invalid index behind.')).toEqual([false]);
    // Leaving a place, or leaving something somewhere for someone, denies nothing.
    expect(negated('We leave home at 8.')).toEqual([false]);
    expect(negated('Leave the parcel at reception.')).toEqual([false]);
    expect(negated('Guests leave the house by 10.')).toEqual([false]);
    expect(judged("Strollers aren't allowed in the gallery.", 'Please leave strollers at home.')).toEqual([]);
    // Kept at home, or staying there, says the same of the thing; staying behind is staying on.
    expect(negated('Please keep drones at home.')).toEqual([true]);
    expect(negated('Drones have to stay at home.')).toEqual([true]);
    expect(negated('Parents can stay behind to watch.')).toEqual([false]);
    expect(judged('Please leave drones at home.', 'Drones have to stay at home.')).toEqual([]);
    // Bringing it is still a flip.
    expect(judged("Strollers aren't allowed in the gallery.", 'Please bring strollers to the gallery.')).not.toEqual([]);
  });
});
