import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string, baselines: readonly string[] = []) =>
  judged(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

describe('a negated predication one answer leaves out', () => {
  it('is no flip where the other answer says less (noise)', () => {
    expect(flips('We tune the piano, we never replace the hammers.', 'Your piano gets tuned.')).toEqual([]);
    expect(
      flips('The lighthouse tour takes 40 minutes, children under 6 cannot climb the tower.', 'Lighthouse tour: 40 minutes.', [
        'The tour lasts 40 minutes; under-6s can’t go up the tower.',
      ]),
    ).toEqual([]);
    expect(
      flips('Resin prints ship in 3 days and never need sanding.', 'Resin prints: 3 days.', ['Resin prints are shipped within 3 days.']),
    ).toEqual([]);
    expect(flips('Le kit coûte 40 €, il ne comprend pas les piles.', 'Le kit coûte 40 €.')).toEqual([]);
  });

  it('reads "excluding" as denying its phrase, as "without" does', () => {
    expect(
      flips('The beekeeping kit costs $85, shipping not included.', 'Beekeeping kit: $85', [
        'The beekeeping kit is $85, excluding shipping.',
      ]),
    ).toEqual([]);
  });

  it('still flips where the other answer says the negated word the other way', () => {
    expect(flips('You don’t need to bring a veil.', 'You need to bring a veil.')).not.toEqual([]);
    expect(flips('The ferry doesn’t stop at Hollow Point in winter.', 'The ferry stops at Hollow Point in winter.')).not.toEqual([]);
    expect(flips('El museo no abre los lunes.', 'El museo abre los lunes.')).not.toEqual([]);
  });

  it('still flips where the added negation turns another claim of production around', () => {
    expect(
      flips(
        'Hive tools are lent to you for the course. Veils have to be bought at the shop.',
        'Hive tools are lent to you for the course, so veils never have to be bought.',
      ),
    ).not.toEqual([]);
  });
});
