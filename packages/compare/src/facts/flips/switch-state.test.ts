import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('on / off as a state, passed / failed as an outcome', () => {
  it('reads "on" and "off" as two sides of a state where they are one ("is on by default", "on site", "switched off")', () => {
    expect(flips('Auto-renew is on by default for new plans.', 'Auto-renew is off by default for new plans.')).toHaveLength(1);
    expect(flips('Drives are shredded on site by our team.', 'Drives are shredded off site by our team.')).toHaveLength(1);
    expect(flips('The heating stays on during the holiday week.', 'The heating stays off during the holiday week.')).toHaveLength(1);
    expect(flips('Auto-renew is on by default.', 'Auto-renew is not off by default.')).toEqual([]);
  });

  it('leaves "on" and "off" as prepositions and discounts alone', () => {
    expect(flips('Get 20% off your next order of shoes.', 'Get a 20% discount on your next order of shoes.')).toEqual([]);
    expect(flips('Drop the keys off at the front desk.', 'Leave the keys on the front desk.')).toEqual([]);
  });

  it('reads "passed" against "failed"', () => {
    expect(flips('Elevator B failed its safety inspection on Monday.', 'Elevator B passed its safety inspection on Monday.')).toHaveLength(
      1,
    );
    expect(flips('Elevator B failed its safety inspection on Monday.', "Elevator B didn't pass its safety inspection on Monday.")).toEqual(
      [],
    );
  });
});
