import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const names = (text: string): string[] =>
  factSheet(text)
    .values.filter((v) => v.type === 'entity')
    .map((v) => v.text);

describe('a name written out and abbreviated in brackets', () => {
  it('is one name across the small words its initials skip', () => {
    expect(names('Please submit the Free Application for Federal Student Aid (FAFSA) by March 1.')).toEqual([
      'Free Application for Federal Student Aid FAFSA',
    ]);
    expect(names('Ask the Department of Health and Human Services (HHS) for the form.')).toEqual([
      'Department of Health and Human Services HHS',
    ]);
  });

  it('states what its abbreviation states, either way round', () => {
    const short = 'Please submit your FAFSA before March 1.';
    const long = 'Please submit the Free Application for Federal Student Aid (FAFSA) by March 1.';
    expect(judged(short, long)).toEqual([]);
    expect(judged(long, short)).toEqual([]);
  });

  it('joins nothing where the capital word after it is no acronym of the run', () => {
    expect(names('Thanks to Anna for Garden Support (OK) here.')).toEqual(['Anna', 'Garden Support']);
    // Another form named instead is still a new name.
    expect(
      judged('Please submit your FAFSA before March 1.', 'Please submit the College Scholarship Service (CSS) Profile by March 1.'),
    ).not.toEqual([]);
  });
});
