import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.explainedByNoise !== true && d.kind === 'polarity_flip')
    .map((d) => d.message);

describe('a ceiling worded from either side', () => {
  it('is one limit: "can\'t take more than 10" / "up to 10", "may not exceed 23 kg" / "23 kg max"', () => {
    expect(
      flips("The workshop costs $55. We can't accommodate more than 10 people per session.", '- $55\n- Up to 10 people per session'),
    ).toEqual([]);
    expect(flips('Checked bags may not exceed 23 kg each.', 'Each checked bag can weigh at most 23 kg.')).toEqual([]);
  });

  it('is still a flip where the figure differs, the other clause allows more, or the figure is a moment', () => {
    expect(
      flips("We can't accommodate more than 10 people per session.", 'We can accommodate more than 10 people per session.'),
    ).not.toEqual([]);
    expect(flips('You cannot cancel more than 48 hours before the class.', 'You can cancel up to 48 hours before the class.')).not.toEqual(
      [],
    );
  });
});

describe('a ceiling worded from either side in a kept sentence, or with "or fewer"', () => {
  it('reads "No X takes more than N" as "Each X takes at most N" (an edited sentence)', () => {
    expect(flips('Each guide leads at most 6 climbers at once.', 'No guide leads more than 6 climbers at once.')).toEqual([]);
    // Another figure, or the denial dropped with the comparison kept, is still a change.
    expect(judged('Each guide leads at most 6 climbers at once.', 'No guide leads more than 8 climbers at once.')).not.toEqual([]);
    expect(flips('No guide leads more than 6 climbers at once.', 'Each guide leads more than 6 climbers at once.')).not.toEqual([]);
  });

  it('reads "N or fewer" as the ceiling "not more than N" says', () => {
    expect(
      flips(
        'A replacement card is free if you have not ordered more than two this year.',
        'You get a free replacement card as long as you have ordered two or fewer this year.',
      ),
    ).toEqual([]);
    expect(flips('You may bring two guests or fewer.', 'You may bring more guests than two.')).not.toEqual([]);
    expect(flips('Groups of 8 or fewer can walk in.', 'Groups of 8 or more can walk in.')).not.toEqual([]);
  });
});

describe('a ceiling on something other than a figure, worded from either side', () => {
  it('reads "can\'t ask more than the list price" as "limited to the list price" / "the list price at most"', () => {
    expect(flips("Sellers can't ask more than the list price.", 'Sellers are limited to the list price.')).toEqual([]);
    expect(flips("Sellers can't ask more than the list price.", 'Sellers may ask the list price at most.')).toEqual([]);
  });

  it('is still a flip where no ceiling is said, or the bound is a moment', () => {
    expect(flips("Sellers can't ask more than the list price.", 'Sellers can ask more than the list price.')).not.toEqual([]);
    expect(flips("You can't book more than a week ahead.", 'You can book up to a week ahead.')).not.toEqual([]);
  });
});
