import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
    .map((d) => `flagged${d.explainedByNoise === true ? ' (noise)' : ''}`);

const rest = 'The studio opens at 9am on weekdays. Parking is in the yard behind the building.';

describe('the one sentence of an answer rewritten to say the opposite about the same thing', () => {
  it('is a flip where a requirement or a prohibition becomes a permission', () => {
    expect(
      flips(
        `${rest} Please leave strollers in the lobby: no prams are allowed on the gallery floors.`,
        `${rest} Your stroller can come up to the gallery floors with you.`,
      ),
    ).toEqual(['flagged']);
    expect(
      flips(
        `${rest} A parent must stay in the building during the session.`,
        `${rest} You're free to drop your child off and head out during the session.`,
      ),
    ).toEqual(['flagged']);
    expect(
      flips(`${rest} Walk-ins aren't possible, so book a slot online first.`, `${rest} Feel free to turn up whenever it suits you.`),
    ).toEqual(['flagged']);
  });

  it('reads the part of a sentence that changed side, where the rest keeps its own', () => {
    expect(
      flips(
        `${rest} Photos are welcome, but please leave drones at home.`,
        `${rest} Photos are welcome, and small drones can be flown over the field.`,
      ),
    ).toEqual(['flagged']);
    expect(
      flips(
        `${rest} After the induction, you can join the evening course, which you must finish before using the lathe alone.`,
        `${rest} After the induction, you can use the lathe alone straight away, or join the evening course.`,
      ),
    ).toEqual(['flagged']);
    // "please keep…" asks as "please leave…" does ("please keep in mind" is no request).
    expect(
      flips(
        `${rest} Photos are welcome, but please keep drones at home.`,
        `${rest} Photos are welcome, and small drones can be flown over the field.`,
      ),
    ).toEqual(['flagged']);
    // The part that changed keeps its side ("please leave drones at home" / "drones have to stay at home").
    expect(
      flips(`${rest} Photos are welcome, but please leave drones at home.`, `${rest} Photos are welcome, but drones have to stay at home.`),
    ).toEqual([]);
  });

  it('is a flip where a permission becomes a requirement', () => {
    expect(
      flips(
        `${rest} No previous sewing experience is needed: the tutor shows everyone the basics first.`,
        `${rest} At least a year of sewing experience is required before you join.`,
      ),
    ).toEqual(['flagged']);
  });

  it('is none where the rewritten sentence takes the same side, or is about something else', () => {
    expect(
      flips(`${rest} Please leave bikes outside: no bicycles are allowed in the hall.`, `${rest} Bicycles have to stay outside the hall.`),
    ).toEqual([]);
    expect(flips(`${rest} Bookings are required for Sunday classes.`, `${rest} Sunday classes start at 10am sharp.`)).toEqual([]);
  });

  it('is noise where a baseline takes the candidate’s side', () => {
    expect(
      flips(`${rest} Bookings are required for Sunday classes.`, `${rest} There's no need to book Sunday classes.`, [
        'We open at 9am on weekdays and you park in the yard. You can just turn up for Sunday classes, no need to book.',
      ]),
    ).toEqual(['flagged (noise)']);
  });

  it('reads "X are welcome" as a permission and "closed to X" as a restriction', () => {
    const original = 'The open day is on Sunday 4 June from 10:00. Parking is free. Children are welcome. Bring sturdy shoes for the tour.';
    expect(
      flips(
        original,
        'The open day is on Sunday 4 June from 10:00. Parking is free. The site is closed to children this year. Bring sturdy shoes for the tour.',
      ),
    ).toHaveLength(1);
    // Welcome in other words: no flip.
    expect(
      flips(
        original,
        'The open day is on Sunday 4 June from 10:00. Parking is free. Kids can come along too. Bring sturdy shoes for the tour.',
      ),
    ).toEqual([]);
  });
});
