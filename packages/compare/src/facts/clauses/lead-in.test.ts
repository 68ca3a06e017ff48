import { describe, expect, it } from 'vitest';
import { diffFacts } from '../fact-diff.js';
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

describe('a heading over a list', () => {
  const flips = (a: string, b: string, baseline: string) =>
    diffFacts(factSheet(a), factSheet(b), [factSheet(baseline)])
      .filter((d) => d.kind === 'polarity_flip' && d.explainedByNoise !== true)
      .map((d) => d.message);

  it('is compared with no clause: "Returns:" claims nothing', () => {
    const original = "Returns are accepted within 30 days, but sale items can't be returned.";
    const baseline = 'You have 30 days to return items; sale items are final.';
    expect(flips(original, 'Returns:\n- Window: 30 days\n- Sale items: final sale, no returns', baseline)).toEqual([]);
    expect(
      flips(
        'Check-in opens at 3 pm. Early check-in is not guaranteed.',
        'Check-in:\n- From: 3 pm\n- Early check-in: not guaranteed',
        "You can check in from 3 pm; we can't promise an earlier time.",
      ),
    ).toEqual([]);
  });

  it('while the items under it are still compared', () => {
    const original = "Returns are accepted within 30 days, but sale items can't be returned.";
    const baseline = 'You have 30 days to return items; sale items are final.';
    expect(flips(original, 'Returns:\n- Window: 30 days\n- Sale items: can be returned too', baseline)).not.toEqual([]);
  });
});
