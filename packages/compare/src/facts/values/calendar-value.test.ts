import { describe, expect, it } from 'vitest';
import { judged as high } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

const values = (s: string) => factSheet(s).values.map((v) => v.keys[0]);
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

describe('days of one month said once for both ends', () => {
  it('are two dates however the range is written', () => {
    for (const s of [
      'The retreat runs 4-9 May.',
      'It is from 4 to 9 May.',
      'Between 4 and 9 May.',
      'It runs May 4-9.',
      'It runs from May 4 to 9.',
    ])
      expect(values(s)).toEqual(['date:05-04', 'date:05-09']);
  });

  it('leave times, figures and the verb "may" alone', () => {
    expect(values('It runs May 4 to 9 pm.')).toEqual(['date:05-04', 'time:21:00']);
    expect(values('Prices of 4-9 may apply.')).not.toContain('date:05-09');
  });

  it('so a paraphrase of the range is no changed date, and another day still is', () => {
    const original = 'The spring retreat runs 4-9 May and costs €890.';
    expect(high(original, 'Our spring retreat is from 4 to 9 May; it costs €890.')).toEqual([]);
    expect(high(original, 'Our spring retreat is from 4 to 12 May; it costs €890.').some((d) => d.startsWith('fact_changed'))).toBe(true);
  });
});

describe('a month abbreviation in capitals', () => {
  it('is an acronym alone ("the APR", "DEC rules") and a month with its day ("APR 5", "5 APR")', () => {
    expect(values('Based on your credit, the APR will be 8.9%.')).not.toContain('month:4');
    expect(values('Pay by APR 5.')).toContain('date:04-05');
    expect(values('Pay by 5 APR.')).toContain('date:04-05');
    expect(values('Renewals open in Mar.')).toContain('month:3');
    expect(
      high('Loans come with APRs from 8.9% to 24.9% depending on your credit.', 'Depending on your credit, the APR is 8.9% to 24.9%.'),
    ).toEqual([]);
    expect(high('Loans come with APRs from 8.9% to 24.9%.', 'Loans come with APRs from 9.9% to 24.9%.')).not.toEqual([]);
  });
});

describe('weekday names of other languages', () => {
  it('are weekdays, in their case forms', () => {
    expect(values('Rejestracja jest czynna od poniedziałku do piątku.')).toEqual(['weekday:0', 'weekday:4']);
    expect(values('Wir haben von Montag bis Samstag geöffnet.')).toEqual(['weekday:0', 'weekday:5']);
    expect(values('Abrimos de segunda-feira a sexta-feira.')).toEqual(['weekday:0', 'weekday:4']);
    expect(values('Nous sommes ouverts du lundi au vendredi.')).toEqual(['weekday:0', 'weekday:4']);
    expect(values('Envie a segunda via do boleto.')).toEqual([]);
  });

  it('changed, are a regression', () => {
    expect(high('Rejestracja jest czynna od poniedziałku do piątku.', 'Rejestracja przyjmuje od poniedziałku do soboty.')).not.toEqual([]);
  });
});
