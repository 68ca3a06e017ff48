import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const changes = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('modality_change'));

describe('an obligation said again as advice in a reworded answer', () => {
  it('is a change of modality where the advice is about the one thing the obligation was ("must supervise" → "we recommend")', () => {
    expect(
      changes(
        'Our castle is $175 a day. An adult must supervise at all times.',
        'The castle costs $175 per day. We recommend having an adult keep an eye on it while it’s in use.',
      ).join(),
    ).toContain('adult');
  });

  it('is none where the obligation is kept in the candidate, a baseline advises too, or the original only advised', () => {
    // Kept word for word: the advice is an addition.
    expect(
      changes(
        'Our castle is $175 a day. An adult must supervise at all times.',
        'Our castle is $175 a day. An adult must supervise at all times. We recommend an adult who has read the safety card.',
      ),
    ).toEqual([]);
    // Production advises too.
    expect(
      changes(
        'Our castle is $175 a day. An adult must supervise at all times.',
        'The castle costs $175 per day. We recommend having an adult keep an eye on it while it’s in use.',
        ['The castle is $175 a day, and we recommend an adult watches it at all times.'],
      ),
    ).toEqual([]);
    expect(
      changes(
        'Our castle is $175 a day. We suggest an adult stays nearby.',
        'The castle costs $175 per day. We recommend having an adult keep an eye on it.',
      ),
    ).toEqual([]);
  });
});
