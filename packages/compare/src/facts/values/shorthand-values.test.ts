import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

// Terse answers write values in shorthand; the value is what production states in full.
const valueDiffs = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'fact_added' || d.kind === 'fact_changed' || d.kind === 'added_claim')
    .map((d) => `${d.kind}: ${d.message}`);

describe('values written in shorthand', () => {
  it('reads a sign or a bound before an amount as the amount ("+$40/room", ">$25k")', () => {
    expect(valueDiffs('Pet-odour treatment is $40 extra per room.', 'Pet odour treatment: +$40/room.')).toEqual([]);
    expect(valueDiffs('The fee is reimbursed because the account is worth more than $25,000.', 'Fee reimbursed (account >$25k).')).toEqual(
      [],
    );
    expect(valueDiffs('Pet-odour treatment is $40 extra per room.', 'Pet odour treatment: +$45/room.')).not.toEqual([]);
  });

  it('reads a dash between a day and a month as "to" ("Dec 20–Jan 3")', () => {
    expect(
      valueDiffs(
        'Your delivery is paused from December 20 to January 3 and restarts on January 4.',
        'Delivery paused Dec 20–Jan 3, restarting Jan 4.',
      ),
    ).toEqual([]);
    expect(
      valueDiffs(
        'Your delivery is paused from December 20 to January 3 and restarts on January 4.',
        'Delivery paused Dec 20–Jan 5, restarting Jan 4.',
      ),
    ).not.toEqual([]);
  });

  it('reads a bare hour as the clock time on that hour ("Check-in 15–19")', () => {
    expect(valueDiffs('Check-in is from 15:00 to 19:00 at the front desk.', 'Check-in 15–19 at the front desk.')).toEqual([]);
    expect(valueDiffs('Check-in is from 15:00 to 19:00 at the front desk.', 'Check-in 15–20 at the front desk.')).not.toEqual([]);
  });

  it('reads "only once" before a clause as its conjunction, not a count ("only once they\'re dry")', () => {
    expect(
      valueDiffs(
        'Carpets take 6 to 8 hours to dry; move the furniture back when they are dry.',
        "Carpets take 6 to 8 hours to dry; move the furniture back only once they're dry.",
      ),
    ).toEqual([]);
    // "only once" as a count is still one.
    expect(valueDiffs('You can reschedule the appointment.', 'You can reschedule the appointment only once.')).not.toEqual([]);
  });
});
