import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const modal = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'modality_change' || d.kind === 'polarity_flip')
    .map((d) => `${d.kind}: ${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a plain statement of what will happen softened to a possibility', () => {
  it('is a change of modality where "will" or the present becomes "may", "might" or "could"', () => {
    expect(
      modal(
        'The locker key is returned at the desk. We will email the receipt within a day.',
        'The locker key is returned at the desk. We might email the receipt within a day.',
      ),
    ).toEqual(['modality_change: We will email → We might email']);
    expect(
      modal('Your voucher is posted to your home address within a week.', 'Your voucher may be posted to your home address within a week.'),
    ).toHaveLength(1);
    expect(modal('The kiln firing is done by Friday.', 'The kiln firing could be done by Friday.')).toHaveLength(1);
  });

  it('is none where "may" or "could" grants the reader a choice, or the hedge is what production says', () => {
    // "you may" / "you could" permit or suggest: the reader is told what they can do, not what might happen.
    expect(modal('You collect the keys from reception.', 'You may collect the keys from reception.')).toEqual([]);
    expect(modal('You pay at the desk on arrival.', 'You could pay at the desk on arrival.')).toEqual([]);
    expect(modal('We will send a reminder the day before.', 'We will send a reminder the day before, so you might want to check.')).toEqual(
      [],
    );
    expect(
      modal('We will email the receipt within a day.', 'We might email the receipt within a day.', [
        'We might email you the receipt within a day.',
      ]),
    ).toEqual(['modality_change: We will email → We might email (noise)']);
  });
});

describe('the month May', () => {
  it('is no likelihood', () => {
    expect(modal('Your appointment is 2026-05-19 at 10:00.', 'Your appointment is May 19 at 10:00.')).toEqual([]);
  });
});

describe('a clause added with a likelihood in it', () => {
  it('is no softened promise', () => {
    expect(
      modal(
        'The case covers accidental damage but not theft. Claims are paid within 10 days.',
        'The case covers accidental damage but not theft - your home insurance may cover that. Claims are paid within 10 days.',
      ),
    ).toEqual([]);
  });
});
