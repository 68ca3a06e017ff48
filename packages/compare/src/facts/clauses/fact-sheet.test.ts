import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheet } from './fact-sheet.js';

// An ASCII answer's clause words are read from its tokens (each distinct token once) instead of
// tokenizing every clause's text again; any other answer takes the general path. Both must give
// the same words: a final line with a non-ASCII word sends the same clauses down the general path.
const pieces = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\x0b',
  'refund',
  'Refunds',
  'answered',
  'shipping',
  "don't",
  "rock'n'roll",
  "'tis",
  "dogs'.",
  "'quoted'",
  '"double"',
  '(aside)',
  'BK-4821',
  '$1,200.50',
  'e.g.',
  'ops@example.com',
  'https://example.com/a/',
  '**Note:**',
  '`npm test`',
  '- ',
  '1. ',
  '# ',
  ', but',
  '; ',
  ': ',
  '. ',
  '!',
  '?',
  'If',
  'the',
  'NASA',
  "can't",
  'x__y',
  ' | ',
];
const answers = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((p) => p.join(' '));

describe('factSheet', () => {
  it("reads an ASCII answer's clause words from its tokens as the general path reads them from the clause text", () => {
    const sameWords = (text: string): boolean => {
      const ascii = factSheet(text).clauses;
      const general = factSheet(`${text}\nÉté`).clauses.slice(0, ascii.length);
      expect(general.map((c) => c.content)).toEqual(ascii.map((c) => c.content));
      return true;
    };
    sameWords("Refunds aren't answered: see 'BK-4821' (rock'n'roll), e.g. dogs'. x__y");
    fc.assert(fc.property(answers, sameWords), { seed: 11, numRuns: 2000 });
  });
});

describe('ranges of times and weekdays', () => {
  const values = (text: string) => factSheet(text).values.map((v) => `${v.type}:${v.keys.join(',')}`);

  it('reads each end of a dashed range of times or weekdays as its own value', () => {
    expect(values('Hours: 9 am–6 pm, weekdays')).toEqual([
      'time:time:09:00',
      'time:time:18:00',
      'weekday:weekday:0,weekday:1,weekday:2,weekday:3,weekday:4',
    ]);
    expect(values('Open 9am-6pm Monday-Friday.')).toEqual(['time:time:09:00', 'time:time:18:00', 'weekday:weekday:0', 'weekday:weekday:4']);
    expect(values('Open 9:00-17:30.')).toEqual(['time:time:09:00,time:21:00', 'time:time:17:30']);
  });

  it('leaves other dashes alone (dates, phone numbers, ranges of counts)', () => {
    expect(values('Call 555-1234 or come on 2026-03-14.')).toEqual(['phone:phone:5551234', 'date:date:2026-03-14,date:03-14']);
    expect(factSheet('It takes 5-7 days.').values.map((v) => v.text)).toEqual(['5-7 days', '5-7 days']);
  });
});

describe('signed percents', () => {
  it('reads "+9%" as the percent "9% more" states', () => {
    expect(factSheet('Usage was 912 kWh, +9% vs last October.').values.map((v) => v.keys[0])).toContain('percent:9');
  });
});

describe('noon and midnight', () => {
  it('reads them as the clock times they name', () => {
    const keys = (text: string) => factSheet(text).values.map((v) => v.keys[0]);
    expect(keys('Deliveries come between 8 am and noon; the desk is open until midnight.')).toEqual([
      'time:08:00',
      'time:12:00',
      'time:00:00',
    ]);
    expect(keys('Deliveries come 8 am to 12 pm; the desk is open until 12 am.')).toEqual(['time:08:00', 'time:12:00', 'time:00:00']);
  });
});

describe('possessives', () => {
  it("reads a number's possessive as the number", () => {
    const [v, ...more] = factSheet("Floor 3's printer is out of toner.").values;
    expect(more).toEqual([]);
    expect(v?.type).not.toBe('identifier');
    expect(v?.num).toBe(3);
  });
});

describe('short forms of values', () => {
  const keys = (text: string) => factSheet(text).values.map((v) => v.keys[0]);

  it('reads capitalized weekday abbreviations as weekdays', () => {
    expect(keys('Open Tue–Sun, closed Mon.')).toEqual(['weekday:1', 'weekday:6', 'weekday:0']);
    expect(keys('Thurs. and Fri only')).toEqual(['weekday:3', 'weekday:4']);
    // Lower-case words are what they spell.
    expect(keys('We sat down in the sun.')).toEqual([]);
  });

  it('reads "~45 min" as 45 minutes and "under-5s" as the number 5', () => {
    expect(keys('Length: ~45 min')).toEqual(keys('Length: 45 minutes'));
    expect(keys('Adults $20, under-5s free')).toEqual(keys('Adults $20, under 5 free'));
  });
});

describe('a letter or a Roman numeral after a name', () => {
  const names = (text: string) =>
    factSheet(text)
      .values.filter((v) => v.type === 'entity')
      .map((v) => v.text);

  it('continues the name ("Gate B", "Terminal C", "Mark IV")', () => {
    expect(names('The shuttle leaves from Gate B near Terminal C.')).toEqual(['Gate B', 'Terminal C']);
    expect(names('We stock the Canon Mark IV body.')).toEqual(['Canon Mark IV']);
    // A capital letter alone starts nothing.
    expect(names('Option B is cheaper.')).toEqual([]);
  });
});
