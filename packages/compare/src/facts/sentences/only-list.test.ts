import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

describe('a list past what "only" bounds', () => {
  it('is a flip where the candidate lists another thing next to the bounded one ("mechanical film cameras only" → "mechanical and electronic film cameras alike")', () => {
    expect(
      flips(
        'We service mechanical film cameras only; electronic models are sent back unrepaired. A clean is $90.',
        'We work on mechanical and electronic film cameras alike. A clean costs $90.',
      ).join(),
    ).toContain('electronic');
    expect(flips('Only members can book the courts online.', 'Members and guests can book the courts online.').join()).toContain('guest');
  });

  it('is no flip where "only" says how little, the list names what the bounded claim names, or a baseline lists the two', () => {
    expect(flips('The fitting takes only a few minutes and covers the brakes.', 'The fitting covers the brakes and the gears.')).toEqual(
      [],
    );
    expect(flips('Only members and their guests can book the courts.', 'Members and guests can book the courts.')).toEqual([]);
    expect(
      flips('Only members can book the courts online.', 'Members and guests can book the courts online.', [
        'Members and guests can both book courts online.',
      ]),
    ).toEqual([]);
  });
});
