import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { approximates, hedgesByFrequency, saysFrequency } from './frequency-hedge.js';

const tokens = (text: string) => factSheet(text).clauses[0]?.tokens ?? [];
const hedged = (text: string): string[] => {
  const t = tokens(text);
  return t.filter((_, i) => hedgesByFrequency(t, i)).map((x) => x.lower);
};

describe('a word of frequency hedging a claim', () => {
  it('is an adverb of frequency, or "most" as the quantity of the subject or the cases', () => {
    expect(hedged('We will usually fix it free of charge.')).toEqual(['usually']);
    expect(hedged('Most repairs carry a 90-day warranty.')).toEqual(['most']);
    expect(hedged('In most cases we accept what your insurance pays.')).toEqual(['most']);
  });

  it('is not an opening aside, a measure of how often, or "most" as a superlative, a bound or an object', () => {
    expect(hedged('Typically, requests take a week.')).toEqual([]);
    expect(hedged('Generally speaking members pay nothing.')).toEqual([]);
    expect(hedged('The job runs as often as every 5 minutes.')).toEqual([]);
    expect(hedged('It is the most popular choice, at most two per guest.')).toEqual([]);
    expect(hedged('These suit most couples.')).toEqual([]);
    // "most" anywhere still counts as the clause saying a frequency.
    expect(saysFrequency(tokens('These suit most couples.'))).toBe(true);
  });
});

describe('a word of frequency in another language', () => {
  it("is the language's adverb of frequency, or its two-word phrase read at its second word", () => {
    expect(hedged('Tjänsten aktiveras oftast samma dag.')).toEqual(['oftast']);
    expect(hedged('Der Techniker kommt normalerweise am selben Tag.')).toEqual(['normalerweise']);
    expect(hedged('Le technicien passe généralement le jour même.')).toEqual(['généralement']);
    expect(hedged('Per il piano annuale di norma non è previsto alcun rimborso.')).toEqual(['norma']);
    expect(hedged('Der Techniker kommt in der Regel am selben Tag.')).toEqual(['regel']);
    expect(hedged('El técnico llega por lo general el mismo día.')).toEqual(['general']);
    expect(hedged('Technik přijede obvykle týž den.')).toEqual(['obvykle']);
  });

  it('is not the second word without its first, nor an English word', () => {
    expect(hedged('La norma prevede un rimborso.')).toEqual([]);
    expect(hedged('The general manager approves it.')).toEqual([]);
  });
});

describe('a clause that rounds what it states', () => {
  it('holds a word of approximation, "up to", or a range of figures', () => {
    expect(approximates(tokens('The repair takes about two hours.'))).toBe(true);
    expect(approximates(tokens('Results last up to a year.'))).toBe(true);
    expect(approximates(tokens('It takes two to three days.'))).toBe(true);
    expect(approximates(tokens('Transfers arrive in 2-3 business days.'))).toBe(true);
    expect(approximates(tokens('We fix it within 5 days.'))).toBe(false);
    expect(approximates(tokens('Pick it up from the desk.'))).toBe(false);
  });
});
