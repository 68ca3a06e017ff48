import { describe, expect, it } from 'vitest';
import { regressions } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const reworded = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.key === 'fact:claim' && d.kind === 'fact_changed')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a kept sentence whose claim is said in words no production answer uses', () => {
  it('is a changed claim where the edit replaces what production says with a phrase of new words', () => {
    const original = 'Drop your bike off before noon. If we find a worn chain, we fit a new one at cost. Pickup is at the side door.';
    const baseline = 'Bring the bike in by 12. A worn chain gets replaced at cost. Collect it at the side door.';
    const candidate =
      'Drop your bike off before noon. If we find a worn chain, the mechanic merely lubricates the links. Pickup is at the side door.';
    expect(regressions(original, candidate, [baseline]).length > 0).toBe(true);
    expect(reworded(original, candidate, [baseline])).toEqual([
      'chain we fit a new one at cost → chain the mechanic merely lubricates the links (no production answer words it so)',
    ]);
  });

  it('reads a predicate swapped after a kept subject', () => {
    expect(
      reworded('The spare key deposit is refunded when you hand the key back.', 'The spare key deposit pays for the cleaning crew lunch.'),
    ).toHaveLength(1);
  });

  it('is no change where a word is swapped for a synonym or production uses the new words', () => {
    // One new word: "booked" → "scheduled".
    expect(
      reworded('Your service is booked for Monday at the Elm Road shop.', 'Your service is scheduled for Monday at the Elm Road shop.'),
    ).toEqual([]);
    // The new phrase's words are a baseline's.
    expect(
      reworded(
        'Your service is booked for Monday at the Elm Road shop, and we text you when it is done.',
        'Your service is booked for Monday at the Elm Road shop, and a message reaches your phone once finished.',
        ['Monday at Elm Road: a message reaches your phone once your bike is finished.'],
      ),
    ).toEqual([]);
  });

  it('is no change where the sentence is reworded in more than one place or from its opening', () => {
    expect(
      reworded(
        'Helmets are lent free of charge, and the route map is on the counter by the till.',
        'Every rider borrows a helmet free of charge, and the route map is on the counter by the till.',
      ),
    ).toEqual([]);
    expect(
      reworded(
        'Helmets are lent free of charge, and the route map is on the counter by the till.',
        'Helmets are handed out gratis, and the printed route leaflet waits on the counter by the till.',
      ),
    ).toEqual([]);
  });

  it('leaves a phrase with a negation or a pole to the flip rules', () => {
    // "at no extra cost" says "included" in words of its own: the flip rules know the two poles agree.
    expect(
      reworded(
        'The tune-up comes with two new brake pads included, plus a safety check.',
        'The tune-up comes with two new brake pads at no extra cost, plus a safety check.',
      ),
    ).toEqual([]);
  });
});

describe('one noun phrase of an answer kept word for word swapped for another', () => {
  const rest = 'Lockers are on the ground floor. Towels are included in the day pass.';
  it('is a changed claim with two new words, where nothing else in the answer changed', () => {
    expect(
      reworded(
        `${rest} Unused passes are refunded to your original card within 5 days.`,
        `${rest} Unused passes are refunded as a gift voucher within 5 days.`,
      ),
    ).toHaveLength(1);
  });

  it('reads a new phrase with a word of a direction, which the flip rules find no opposite of', () => {
    expect(
      reworded(
        `${rest} Unused passes are refunded to your original card within 5 days.`,
        `${rest} Unused passes are refunded in store credit within 5 days.`,
      ),
    ).toHaveLength(1);
  });

  it('needs three where the rest of the answer is reworded too', () => {
    expect(
      reworded(
        `${rest} Unused passes are refunded to your original card within 5 days.`,
        `Lockers sit on the ground floor, and the day pass covers towels. Unused passes are refunded as a gift voucher within 5 days.`,
      ),
    ).toEqual([]);
  });
});
