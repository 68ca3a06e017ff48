import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

describe('initials of three letters or more', () => {
  it('are stated by the lower-case words they abbreviate', () => {
    expect(judged('Request paid time off in Workday two weeks ahead.', 'Request PTO in Workday two weeks ahead.')).toEqual([]);
    expect(judged('The estimated time of arrival is 5 pm.', 'The ETA is 5 pm.')).toEqual([]);
  });

  it('are a new name where no run of words spells them', () => {
    expect(judged('Request unpaid leave in Workday two weeks ahead.', 'Request PTO in Workday two weeks ahead.')).not.toEqual([]);
  });
});
