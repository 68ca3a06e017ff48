import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { splitClauses } from '../clauses/split-clauses.js';

// Identifiers written without the shapes the value patterns knew (a host name, a file's path, a
// code of digit groups with thousands separators, a number with a capital letter after a hyphen)
// and names after a title's abbreviation ("Dr.", "Mr.") or numbers after "No.": a changed one is a
// changed fact, whatever it is called.
describe('abbreviations before a name or a number', () => {
  it('do not end the sentence ("with Dr. Okafor on Tuesday", "(No. 63/418,227)")', () => {
    expect(splitClauses('Your test is booked with Dr. Okafor on Tuesday. Please bring your card.').map((c) => c.text)).toEqual([
      'Your test is booked with Dr. Okafor on Tuesday.',
      'Please bring your card.',
    ]);
    expect(splitClauses('Application (No. 63/418,227) was filed. Mr. Osei will call.').map((c) => c.sentence)).toEqual([0, 1]);
    // A real end still ends: "No." as a reply, a sentence ending in a lower-case "no."
    expect(splitClauses('No. You do not need one.').length).toBe(2);
    expect(splitClauses('I said no. Then it rained.').length).toBe(2);
  });

  it('"No." before a number abbreviates "number" and negates nothing', () => {
    expect(factSheet('Your application (No. 63/418,227) was filed on 14 March 2026.').clauses[0]?.polarity.negated).toBe(false);
  });

  it('reports a name changed after a title', () => {
    const o = 'Your fitting is on Tuesday, 9 June at 10:15 with Mr. Okafor. Please bring the liner you use now.';
    expect(judged(o, o.replace('Okafor', 'Osei'))).toEqual(['fact_changed: Mr Okafor → Mr Osei']);
    expect(judged(o, o)).toEqual([]);
  });
});

describe('identifiers', () => {
  it('reads a host name, a path to a file and digit groups with separators as identifiers', () => {
    const ids = (s: string) =>
      factSheet(s)
        .values.filter((v) => v.type === 'identifier')
        .map((v) => v.text);
    expect(ids('The domain bluefinch.io is available.')).toEqual(['bluefinch.io']);
    expect(ids('In src/db/schema.ts, set the pool to twenty connections.')).toEqual(['src/db/schema.ts']);
    expect(ids('Your provisional application (No. 63/418,227) was filed.')).toEqual(['63/418,227']);
    expect(ids('We can grade your 1909-S VDB cent.')).toEqual(['1909-S']);
    // Prose: words joined by a slash, abbreviations with one-letter pieces, a menu's path, a count.
    expect(ids('Bring your ID and/or passport, e.g. a.m. or p.m., under Settings/Privacy/Export, a 3-day pass.')).toEqual([]);
  });

  it('reports a changed host name, file, code or coin mark', () => {
    const cases: [string, string][] = [
      ['The domain bluefinch.io is available. Registration is $39 for the first year.', 'bluefinch.co'],
      ['In src/db/schema.ts, set the pool to twenty connections. Restart the server after it.', 'src/db/client.ts'],
      ['Your provisional application (No. 63/418,227) was filed on 14 March 2026.', '63/418,272'],
      ['We can grade and encapsulate your 1909-S VDB cent through PCGS for $65.', '1909-D'],
    ];
    for (const [o, to] of cases) {
      const from = factSheet(o).values.find((v) => v.type === 'identifier')?.text ?? '';
      expect(judged(o, o.replace(from, to)), o).toEqual([`fact_changed: ${from} → ${to}`]);
      expect(judged(o, o)).toEqual([]);
    }
  });
});

// A release number or an address of three or more dotted parts ("3.8.2", "10.0.0.12") is neither a
// figure nor a date: one read as nothing let "update to 3.8.2" → "3.2.8" pass as the same answer.
describe('dotted versions and addresses', () => {
  const ids = (s: string) =>
    factSheet(s)
      .values.filter((v) => v.type === 'identifier')
      .map((v) => v.text);

  it('reads them as identifiers, and leaves two-part figures and dotted dates as they were', () => {
    expect(ids('Update the firmware to version 3.8.2, then restart.')).toEqual(['3.8.2']);
    expect(ids('Point it at 10.0.0.12 and pin 2.4.0-rc.1 in the lock file.')).toEqual(['10.0.0.12', '2.4.0-rc.1']);
    expect(ids('It costs 3.50 and runs at 2.4 GHz.')).toEqual([]);
    expect(factSheet('The hearing was moved to 03.12.2026 at the court.').values.map((v) => v.type)).toEqual(['date']);
  });

  it('reports a changed one, whatever its digits', () => {
    const o = 'If it still flashes, update the firmware to version 3.8.2 from our downloads page.';
    expect(judged(o, o.replace('3.8.2', '3.2.8'))).toEqual(['fact_changed: 3.8.2 → 3.2.8']);
    expect(judged(o, o)).toEqual([]);
  });
});
