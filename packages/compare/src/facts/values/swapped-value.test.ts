import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A clause copied word for word but for its value, which another value of the same kind replaces, is a
// changed fact even where the new value is one production states elsewhere (and so the clause's closest
// match by words is that other clause).
describe('a value swapped in a copied clause', () => {
  const original = '- Pickup between 1 and 4 p.m.; return must be by 11 a.m.\n- Extra miles are 39¢ each.';
  it('is a change where the new value is stated by another clause', () => {
    expect(judged(original, '- Pickup between 1 and 4 p.m.; return must be by 1 p.m.\n- Extra miles are 39¢ each.')).toEqual([
      'fact_changed: 11 a.m → 1 p.m',
    ]);
    expect(
      judged('The pool opens at 6 a.m. and the gym at 5 a.m. on weekdays.', 'The pool opens at 5 a.m. and the gym at 5 a.m. on weekdays.'),
    ).not.toEqual([]);
  });

  it('is noise where a baseline states the new value in that clause', () => {
    expect(
      judged(original, '- Pickup between 1 and 4 p.m.; return must be by 1 p.m.\n- Extra miles are 39¢ each.', [
        'Pickup runs 1 to 4 p.m. and the return is due by 1 p.m. Extra miles cost 39¢.',
      ]),
    ).toEqual([]);
  });

  it('is nothing where the clause keeps its value', () => {
    expect(judged(original, '- Pickup 1–4 p.m.; return by 11 a.m.\n- Extra miles: 39¢ each.')).toEqual([]);
  });
});

describe('a value left out of a clause copied word for word', () => {
  const original =
    'The transfer fee of $75 your old broker charged is reimbursed by us. That credit will appear within 10 business days. Your dividend setting was not changed.';
  it('is a dropped claim where a vague word takes its place in an answer about as long', () => {
    expect(
      judged(
        original,
        'The transfer fee of $75 your old broker charged is reimbursed by us. That credit will appear soon. Your dividend setting was not changed.',
      ),
    ).toEqual(['fact_dropped: no longer states 10 business days in "That credit will appear soon."']);
  });

  it('is shown but no regression in a much shorter answer', () => {
    expect(judged(original, 'We reimburse the $75 transfer fee. That credit will appear soon.')).toEqual([]);
  });
});
