import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { claimSize } from './claim-size.js';

const added = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'added_claim' && d.explainedByNoise !== true)
    .map((d) => d.message);

const original = 'House keys are cut while you wait for $5 each. Car keys with chips are ordered in and take three working days.';

describe('claimSize', () => {
  it('counts the condition a clause follows in its sentence with it', () => {
    const sheet = factSheet('If a key we cut jams in the lock, we replace it. Keys are cut here.');
    const [condition, consequent, other] = sheet.clauses;
    expect(condition?.condition).toBe(true);
    const production = [factSheet('Keys are cut here while you wait.')];
    expect(claimSize(consequent ?? (other as never), sheet, production, 0.5)).toBeGreaterThan(consequent?.content.length ?? 0);
    expect(claimSize(other ?? (consequent as never), sheet, production, 0.5)).toBe(other?.content.length);
  });

  it('reads a short promise made on a condition as a new claim', () => {
    expect(added(original, `${original} If a key we cut jams in the lock, we'll replace it for free.`)).toHaveLength(1);
    expect(
      added(
        original,
        'Keys for houses cost $5 and are cut while you wait. Chipped car keys take three working days to order in. If a key jams, we swap it free.',
      ),
    ).toHaveLength(1);
  });

  it('leaves a condition that frames courtesy or restates production alone', () => {
    expect(added(original, `${original} If you have any other questions, just let us know.`)).toEqual([]);
    // A consequent that names nothing, or a sentence production says in one of its own.
    expect(
      added(
        'Water is off on Wednesday from 9 am to 3 pm. There is no action needed after service is restored.',
        'Water is off on Wednesday from 9 am to 3 pm. Once service returns, you don’t need to do anything.',
      ),
    ).toEqual([]);
    expect(
      added(
        'Your $50 deposit is forfeited if you cancel with less than 48 hours notice.',
        'If you cancel less than 48 hours ahead, you won’t get it back.',
      ),
    ).toEqual([]);
    expect(
      added(
        `${original} If a key we cut jams in the lock, we'll replace it for free.`,
        `${original} Should a key we cut jam in the lock, we replace it for free.`,
      ),
    ).toEqual([]);
  });
});
