import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

const values = (s: string) => factSheet(s).values.map((v) => v.keys[0]);
const high = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.severity === 'high' && d.explainedByNoise !== true)
    .map((d) => `${d.kind}: ${d.message}`);

describe('a month and the number after it', () => {
  it('are a date when they stand together ("October 9", "October 9, 2026")', () => {
    expect(values('We open on October 9.')).toContain('date:10-09');
    expect(values('We open on Friday, October 9, 2026.')).toContain('date:10-09');
  });

  it('are not, across a comma: "June and July, 10 to 6" are months and hours', () => {
    expect(values('The pool is open in June and July, 10 to 6.')).toEqual(['month:6', 'month:7', 'number:10', 'number:6']);
    expect(high('The pool is open daily in June and July, 10 to 6.', 'You can swim every day in June and July from 10 to 6.')).toEqual([]);
  });
});
