import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { clausePolarity } from './clause-polarity.js';
import { exceptsAt } from './exception-words.js';
import { nothingCharged } from './nothing-charged.js';

const at = (text: string): boolean => {
  const tokens = clauseTokens(text);
  return nothingCharged(
    tokens,
    tokens.findIndex((t) => t.lower === 'nothing'),
  );
};

describe('"nothing" asked by a verb of price ("costs nothing") says "free"', () => {
  it('reads the object of "cost", "pay" and "charge" in the price sense', () => {
    for (const s of [
      'The fitting costs nothing',
      'It costs you absolutely nothing',
      'Members pay nothing out of pocket',
      'We charge nothing for it',
    ])
      expect(at(s), s).toBe(true);
    expect(clausePolarity(clauseTokens('The first lesson costs nothing')).free).toBe(true);
  });

  it('leaves other "nothing" a plain negation', () => {
    for (const s of [
      'Nothing is charged twice',
      "You've paid nothing yet",
      'There is nothing to pay unless parts are needed',
      'Nothing costs more',
    ])
      expect(at(s), s).toBe(false);
  });

  it('agrees with "free" and "at no charge" said of the same thing (paraphrase noise)', () => {
    expect(
      judged(
        'The first fitting is free, and adjustments within a month are free too.',
        'The first fitting costs nothing, and adjustments within a month are free as well.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Your cello comes back with the bridge report, which is included at no charge.',
        'The bridge report that comes back with your cello costs nothing extra.',
      ),
    ).toEqual([]);
    expect(judged('Le premier cours est gratuit.', 'Le premier cours est gratuit, vraiment.')).toEqual([]);
  });

  it('still reads a charge put in its place (regressions)', () => {
    expect(judged('The first fitting costs nothing.', 'The first fitting is charged separately.')).not.toEqual([]);
    expect(judged('Members pay nothing for the ferry.', 'Members pay for the ferry.')).not.toEqual([]);
    expect(judged('The first fitting costs nothing.', 'The first fitting costs $40.')).not.toEqual([]);
  });
});

describe('"beyond" or "besides" after a negative quantifier is an exception', () => {
  it('says what "apart from" says', () => {
    expect(
      judged(
        'Hosting the archive is free apart from the bandwidth, which costs a few pence a month.',
        'Hosting the archive costs you nothing beyond the bandwidth, a few pence a month.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Hosting the archive is free apart from the bandwidth, which costs a few pence a month.',
        'Archive hosting: no cost beyond the bandwidth (a few pence a month)',
      ),
    ).toEqual([]);
  });

  it('is a place or an addition elsewhere', () => {
    const at = (text: string): boolean => {
      const tokens = clauseTokens(text);
      return exceptsAt(
        tokens,
        tokens.findIndex((t) => t.lower === 'beyond' || t.lower === 'besides'),
      );
    };
    expect(at('It costs nothing beyond the bandwidth')).toBe(true);
    expect(at('There is no extra fee besides the deposit')).toBe(true);
    expect(at('No bus goes beyond the bridge')).toBe(false);
    expect(at('The trail goes beyond the bridge')).toBe(false);
    expect(clausePolarity(clauseTokens('No bus goes beyond the bridge')).negated).toBe(true);
  });

  it('still reads the exception dropped (regression)', () => {
    expect(
      judged('Hosting the archive is free apart from the bandwidth.', 'Hosting the archive and its bandwidth cost nothing.'),
    ).not.toEqual([]);
  });
});
