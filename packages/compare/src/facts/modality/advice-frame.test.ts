import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { clausePolarity } from '../polarity/clause-polarity.js';

const modality = (clause: string) => clausePolarity(factSheet(clause).clauses[0]?.tokens ?? []).modality;
const changes = (a: string, b: string): string[] => judged(a, b).filter((d) => d.startsWith('modality_change'));

describe('advice said by a frame ("it is best to", "it helps to", "a good idea to")', () => {
  it('stands in the middle of the modal scale', () => {
    expect(modality("It's best to sign in at the front desk.")).toBe('advice');
    expect(modality('It is best if the car is parked on the street.')).toBe('advice');
    expect(modality('It helps to bring a towel.')).toBe('advice');
    expect(modality("It's a good idea to book a week ahead.")).toBe('advice');
    expect(modality("It's good practice to rotate the keys every quarter.")).toBe('advice');
  });

  it('is no advice where the words name a thing or a result', () => {
    expect(modality('The best way to reach us is by phone.')).toBeNull();
    expect(modality('This plan works best for families.')).toBeNull();
    expect(modality('It helps us improve the service.')).toBeNull();
    expect(modality('We had the best idea to date.')).toBeNull();
  });

  it('weakens an obligation said in the same words', () => {
    expect(changes('Visitors must sign in at the front desk.', "It's best to sign in at the front desk.")).toHaveLength(1);
    expect(changes('You need to bring a towel to the pool.', 'It helps to bring a towel to the pool.')).toHaveLength(1);
    // The original only advised: no change.
    expect(changes('You should bring a towel to the pool.', 'It helps to bring a towel to the pool.')).toEqual([]);
  });
});

describe('an instruction on a condition of the reader\'s ability ("if you can", "if possible")', () => {
  it('is advice', () => {
    expect(modality('Return the form within 10 days if you can.')).toBe('advice');
    expect(modality('Send a photo of the damage if possible.')).toBe('advice');
    expect(modality('Return the form within 10 days.')).toBeNull();
    expect(modality('Call us if you can’t find the entrance.')).toBeNull();
  });

  it('weakens an obligation', () => {
    expect(changes('You must return the form within 10 days.', 'Return the form within 10 days if you can.')).toHaveLength(1);
    expect(changes('You should return the form within 10 days.', 'Return the form within 10 days if you can.')).toEqual([]);
  });
});
