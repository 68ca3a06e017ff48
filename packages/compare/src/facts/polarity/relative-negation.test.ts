import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const flips = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => d.message);

const rule = "A bike that is not electric and weighs under 25 kg doesn't need a licence plate.";

describe('a negation inside a relative clause', () => {
  it('is about its noun, not what the clause denies, where the other clause does not say its word', () => {
    expect(flips(rule, "No plate if it's a pedal bike under 25 kg.")).toEqual([]);
  });

  it('still flips where the other clause says the relative clause the other way, or lifts the main negation', () => {
    expect(flips(rule, "A bike that is electric and under 25 kg doesn't need a licence plate.")).toHaveLength(1);
    expect(flips(rule, 'A bike that is not electric and under 25 kg needs a licence plate.')).toHaveLength(1);
  });
});

describe('"skip" as a verb of not doing', () => {
  it('negates after a subject or an auxiliary ("you can skip the plate"), not as a participle before its noun', () => {
    expect(clausePolarity(clauseTokens('You can skip the licence plate for a pedal bike')).negated).toBe(true);
    expect(clausePolarity(clauseTokens('Skipped sessions are added to the end of the course')).negated).toBe(false);
  });
});
