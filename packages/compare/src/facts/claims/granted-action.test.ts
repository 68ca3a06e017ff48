import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { grantsNewAction } from './granted-action.js';

const clause = (s: string) => {
  const c = factSheet(s).clauses[0];
  if (c === undefined) throw new Error(`no clause in ${s}`);
  return c;
};

describe('a class of things granted an action in the passive', () => {
  it('is a new claim where no production answer has the verb', () => {
    const production = [factSheet('A season pass is $180 and valid for 12 months. Lessons run on weekends.')];
    for (const s of ['Season passes can be shared with a friend.', 'Unused lessons can also be carried over to the next term.'])
      expect(grantsNewAction(clause(s), production), s).toBe(true);
    expect(
      judged(
        'A season pass is $180 and valid for 12 months. Lessons run on weekends, 9:00 to 12:00.',
        'Our season pass costs $180 and lasts 12 months. Passes can be shared with a friend or a partner. Lessons are on weekends from 9:00 to 12:00.',
      ),
    ).toEqual(['added_claim: adds "Passes can be shared with a friend or a partner." (no production answer says this)']);
  });

  it('is none where production has the verb, the subject is one thing, or the participle befalls things', () => {
    const production = [factSheet('Access to the vault is available during lobby hours. Trains run hourly.')];
    for (const s of [
      'Boxes can be accessed whenever the lobby is open.',
      'Please note the box can be taped shut before pickup.',
      'Trains can be delayed by snow in January.',
      'Parking near the harbour can be tricky at weekends.',
      'It can be booked online.',
    ])
      expect(grantsNewAction(clause(s), production), s).toBe(false);
  });
});
