import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { splitShareKeys } from './split-shares.js';

describe('a split of a hundred written with a slash', () => {
  it('states its shares as percents', () => {
    expect(judged('We split the cost 60/40 between you and the landlord.', 'You pay 60% of the cost and the landlord pays 40%.')).toEqual(
      [],
    );
    expect(judged('You pay 60% of the cost and the landlord pays 40%.', 'We split the cost 60/40 between you and the landlord.')).toEqual(
      [],
    );
  });

  it('is still changed by other shares', () => {
    expect(
      judged('We split the cost 60/40 between you and the landlord.', 'We split the cost 70/30 between you and the landlord.'),
    ).toEqual(['fact_changed: 60/40 → 70/30']);
    expect(judged('You pay 60% of the cost and the landlord pays 40%.', 'You pay 70% of the cost and the landlord pays 30%.')).not.toEqual(
      [],
    );
  });

  it('is no split where the figures do not make a hundred', () => {
    expect(splitShareKeys('4/5')).toEqual([]);
    expect(splitShareKeys('24/7')).toEqual([]);
    expect(splitShareKeys('50/50')).toEqual(['percent:50']);
  });
});
