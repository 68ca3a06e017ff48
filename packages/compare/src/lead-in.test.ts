import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const claims = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'added_claim')
    .map((d) => d.message);

describe('a lead-in before a colon', () => {
  it('is no claim of its own: it announces what follows', () => {
    const original = 'The rental includes a wetsuit, a board and a leash. Lessons start at 10:00 on the north beach.';
    expect(
      claims(original, 'That covers all the equipment: a wetsuit, a board and a leash. Lessons start at 10:00 on the north beach.'),
    ).toEqual([]);
    expect(
      claims(
        'Submit the visa form at least 60 days before travel. Bring two passport photos.',
        'Begin with the hardest deadline: submit the visa form at least 60 days before travel. Bring two passport photos.',
      ),
    ).toEqual([]);
  });

  it('still reports a new claim after the colon, and a lead-in that obliges', () => {
    const original = 'The rental includes a wetsuit, a board and a leash.';
    expect(claims(original, 'Good news: every rental now includes a free surf lesson on Sundays.')).not.toEqual([]);
    expect(claims(original, 'Customers must sign a damage waiver first: the rental includes a wetsuit, a board and a leash.')).not.toEqual(
      [],
    );
  });
});
