import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { pricePole } from './price-pole.js';

const pole = (s: string): string | undefined => pricePole(factSheet(s).clauses.flatMap((c) => c.tokens));
const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true)
    .map((d) => d.message);

describe('the pole of price a wording says', () => {
  it('reads free in words with a negation and without one', () => {
    for (const s of [
      'Towels are included',
      'Towels come at no extra cost',
      'Towels are free of charge',
      'Towels cost nothing',
      'Towels are $0',
      'The towel fee is waived',
      'Towels are on the house',
      'There is no charge for towels',
      'Towels are laundered at our expense',
      'Towels are supplied at our cost',
    ])
      expect([s, pole(s)]).toEqual([s, 'free']);
  });

  it('reads charged in words with a negation and without one', () => {
    for (const s of [
      "Towels aren't included",
      'Towels are $3 extra',
      'Towels are charged separately',
      'Towels are not free',
      'Towels cost $3',
      'Towels are laundered at your cost',
    ])
      expect([s, pole(s)]).toEqual([s, 'charged']);
  });

  it('reads no one pole where parts say both, an exception is set apart, or a negation is about something else', () => {
    expect(pole('Towels are free, but robes cost $5')).toBeUndefined();
    expect(pole('Storage is free apart from the first crate')).toBeUndefined();
    expect(pole('Towels are free but not available on Sundays')).toBeUndefined();
    expect(pole('Feel free to call us')).toBeUndefined();
    expect(pole('Towels are available on request')).toBeUndefined();
    expect(pole("The $30 you paid can't be refunded")).toBeUndefined();
  });
});

describe('a price pole said in other words', () => {
  it('is no flip where an edit swaps one wording of a pole for another', () => {
    expect(
      flips(
        'Sauna access is $14. Towels are provided at no charge, and lockers take a coin.',
        'Sauna access is $14. Towels are provided free, and lockers take a coin.',
      ),
    ).toEqual([]);
    expect(
      flips('Guests ride the tram free but pay $9 for the gondola.', 'Guests ride the tram at no charge but pay $9 for the gondola.'),
    ).toEqual([]);
  });

  it('is still a flip where the pole changes', () => {
    expect(flips('Ski lockers are $6 a day. Boot drying is included.', 'Ski lockers are $6 a day. Boot drying is $2 extra.')).not.toEqual(
      [],
    );
    expect(
      flips('Ski lockers are $6 a day. Boot drying is included.', "Ski lockers are $6 a day. Boot drying isn't included."),
    ).not.toEqual([]);
    expect(
      flips('Guests ride the tram free but pay $9 for the gondola.', 'Guests ride the tram for $4 and pay $9 for the gondola.'),
    ).not.toEqual([]);
    expect(
      flips("Engraving isn't covered by the ring price and is charged per letter.", 'Engraving: included, no charge per letter.'),
    ).not.toEqual([]);
    // The amount is the same pole on both sides; the negation is the refund's.
    expect(
      flips(
        "Your gym membership is paused. Since you asked within a week, we've refunded the $30 you paid for the upgrade.",
        "Your gym membership is paused. Since a week has passed, the $30 you paid for the upgrade can't be refunded.",
      ),
    ).not.toEqual([]);
  });
});

describe('a zero amount for what production says is free', () => {
  const values = (a: string, b: string): string[] =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind.startsWith('fact_') || d.kind === 'added_claim')
      .filter((d) => d.severity === 'high')
      .map((d) => `${d.kind}: ${d.message}`);

  it('is the free pole in figures, no new value', () => {
    expect(
      values(
        'Hall hire is free for registered charities. Other groups pay $40 an hour.',
        '- Registered charities: $0\n- Other groups: $40 an hour',
      ),
    ).toEqual([]);
  });

  it('is still a changed value where it replaces an amount, or where production charges', () => {
    expect(values('Hall hire is $40 for registered charities.', 'Hall hire is $0 for registered charities.')).toEqual([
      'fact_changed: $40 → $0',
    ]);
    expect(values('Hall hire is charged by the hour for registered charities.', 'Registered charities: $0')).not.toEqual([]);
  });
});
