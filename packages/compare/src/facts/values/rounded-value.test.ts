import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const changes = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'fact_changed')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a baseline that rounds the original’s figure', () => {
  const original = 'At 0.9412 CHF per euro, €500 gets you 470.60 CHF.';

  it('excuses only a figure that rounds to what it says', () => {
    const rounded = ['At 0.9412 per euro, €500 is about 471 CHF.'];
    expect(changes(original, 'At 0.9412 CHF per euro, €500 gets you 476.00 CHF.', rounded)).toEqual(['470.60 CHF → 476.00 CHF']);
    expect(changes(original, 'At 0.9412 CHF per euro, €500 gets you 470.90 CHF.', rounded)).toEqual(['470.60 CHF → 470.90 CHF (noise)']);
    expect(changes(original, 'At 0.9412 CHF per euro, €500 gets you 472.00 CHF.', ['At 0.9412 per euro, €500 is about 470 CHF.'])).toEqual([
      '470.60 CHF → 472.00 CHF (noise)',
    ]);
  });

  it('reads a whole figure the baseline calls approximate as rounded too', () => {
    const original = 'Your card has 12,600 miles, valid until the end of 2027.';
    const roughly = ['You hold roughly 13,000 miles on the card; they stay valid until the end of 2027.'];
    expect(changes(original, 'Your card has 16,200 miles, valid until the end of 2027.', roughly)).toEqual(['12,600 miles → 16,200 miles']);
    expect(changes(original, 'Your card has 12,900 miles, valid until the end of 2027.', roughly)).toEqual([
      '12,600 miles → 12,900 miles (noise)',
    ]);
  });

  it('still lets a baseline that states another figure outright show production varies', () => {
    expect(
      changes('The remodel takes 6 weeks from demolition.', 'The remodel takes 8 weeks from demolition.', [
        'Plan on about 7 weeks once demolition starts.',
      ]),
    ).toEqual(['6 weeks → 8 weeks (noise)']);
  });
});

describe('a baseline that gives the figure as a range', () => {
  const original = 'Our current lead time is about 6 weeks from deposit to start.';
  const said = (weeks: number) => `We're currently starting projects about ${weeks} weeks after the deposit.`;

  it('varies over it: either end is what production says', () => {
    expect(changes(original, said(7), ['Roughly 6–7 weeks lead time.'])).toEqual(['6 weeks → 7 weeks (noise)']);
  });

  it('excuses no figure outside the range, nor one where the baseline states the original figure alone', () => {
    expect(changes(original, said(9), ['Roughly 6–7 weeks lead time.'])).toEqual(['6 weeks → 9 weeks']);
    expect(changes(original, said(7), ['Roughly 6 weeks lead time.'])).toEqual(['6 weeks → 7 weeks']);
  });
});
