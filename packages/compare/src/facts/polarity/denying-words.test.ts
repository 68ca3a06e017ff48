import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// Words that deny what they govern, in the answer's own words: "avoids the fee" says "no fee",
// "exempt from the fee" (befreit, exento, isento, exonéré, esente) says "pays no fee"; "to avoid a
// fee" after a claim is its purpose, not a denial of it.
describe('words that deny', () => {
  it('reads "avoid" as denying what it governs', () => {
    expect(judged('Setting up autopay avoids the late fee.', 'With autopay set up, there is no late fee.')).toEqual([]);
    expect(
      judged('To avoid a late fee you can set up autopay in the app.', 'You may turn on autopay in the app to prevent a late fee.'),
    ).toEqual([]);
    expect(
      judged('You can avoid the late fee by paying before the 5th.', 'You cannot avoid the late fee by paying before the 5th.'),
    ).not.toEqual([]);
  });

  it('reads "exempt" as "not charged" and "not required", in the languages read', () => {
    expect(judged('Students are exempt from the registration fee.', 'Students pay no registration fee.')).toEqual([]);
    expect(judged('Students are exempt from the registration fee.', 'Students pay the registration fee.')).not.toEqual([]);
    expect(
      judged(
        'Small farms are exempt from inspection but still have to keep spray records.',
        'Small farms do not need an inspection, but they still have to keep spray records.',
      ),
    ).toEqual([]);
    expect(judged('Für Rentner wird keine Gebühr erhoben.', 'Rentner sind von der Gebühr befreit.')).toEqual([]);
    expect(judged('Los jubilados no pagan la tasa de basura.', 'Los jubilados están exentos de la tasa de basura.')).toEqual([]);
    expect(judged('Os aposentados não pagam a taxa de lixo.', 'Os aposentados estão isentos da taxa de lixo.')).toEqual([]);
  });

  it('reads a range of amounts with the currency on both ends ("€80-€95/day")', () => {
    expect(judged('Guides charge between €80 and €95 a day in the high season.', 'Guides: €80-€95/day in the high season.')).toEqual([]);
    expect(judged('Guides charge between €80 and €95 a day in the high season.', 'Guides: €80-€105/day in the high season.')).not.toEqual(
      [],
    );
  });
});

describe('the -ing form of a word that denies', () => {
  it('denies as its other forms do, so "avoids blocking" is two denials and "blocks" one', () => {
    expect(
      judged(
        'The nightly backup runs as a snapshot, which avoids blocking uploads to the archive, but it needs twice the disk space.',
        'The nightly backup runs as a snapshot, which blocks uploads to the archive while it runs, and it needs twice the disk space.',
      ).filter((d) => d.startsWith('polarity_flip')),
    ).toHaveLength(1);
    expect(
      judged('The firewall rule is on, preventing logins from abroad.', 'The firewall rule is on, refusing logins from abroad.').filter(
        (d) => d.startsWith('polarity_flip'),
      ),
    ).toEqual([]);
  });
});
