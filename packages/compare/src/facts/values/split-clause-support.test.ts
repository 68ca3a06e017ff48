import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A production clause that states a value supports the candidate clause that says what it says; where
// the candidate splits that one clause in two and each part names the value, it supports both.
describe('one production clause split in two by the candidate', () => {
  it('supports both parts where each names the value it states', () => {
    const original = [
      'To register a boat with the Marlow County office:',
      '1. Fill in form BR-2.',
      '2. Bring it to 12 Quay Road or send it online, and pay the fee: **$45** for boats under 20 ft, **$70** for 20–40 ft.',
      '3. Display the number within 30 days.',
    ].join('\n');
    const bulleted = [
      '- Fee: $45 under 20 ft; $70 for 20–40 ft',
      '- Form BR-2, online or at 12 Quay Road',
      '- Display the number within 30 days',
    ];
    expect(judged(original, bulleted.join('\n'))).toEqual([]);
    // Another size is still a change.
    expect(judged(original, bulleted.join('\n').replace('$70 for 20–40 ft', '$70 for 20–50 ft'))).not.toEqual([]);
  });

  it('still reads a value another clause of the candidate says where production gave another', () => {
    // "four weeks" is 28 days, the leave's figure, not the notice production gives.
    expect(
      judged(
        'Each year you get 28 days of paid leave. Please give two weeks of notice before a long break.',
        'You get twenty-eight days of paid leave each year. Please give four weeks of notice before a long break.',
      ),
    ).not.toEqual([]);
    expect(
      judged(
        'Entry is $14 for adults, $9 for ages 5–15, and free under 5, with the last entry at 4 p.m.',
        'Entry is $14 for adults and $9 for children aged 5 to 15. Kids under 6 go in free, and the last entry is at 4 p.m.',
      ),
    ).not.toEqual([]);
  });
});
