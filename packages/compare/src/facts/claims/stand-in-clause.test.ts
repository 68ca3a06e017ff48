import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const claims = (original: string, candidate: string): string[] =>
  diffFacts(factSheet(original), factSheet(candidate))
    .filter((d) => d.explainedByNoise !== true && d.severity === 'high')
    .map((d) => `${d.kind}: ${d.message}`);

// An answer that keeps every value of the original and rewords one of its sentences in words of its
// own: the reworded sentence finds no partner by its words, and the original's sentence is left
// without one too. Said with the same stance (both obliging, both denying), it is that sentence.
const original =
  'Your repair ticket RX-4471 is open. The technician visits on Friday at 2 pm. ' +
  'The unit must be packed in its original case before the visit. The call-out fee is $60.';

describe('a clause that stands in for one the candidate left out', () => {
  it('reads a sentence reworded with the same stance as that sentence, not as a new claim', () => {
    const reworded =
      'Ticket RX-4471 is open, and a technician comes by on Friday at 2 pm. ' +
      'Please note the device has to go back into the box it shipped in ahead of time. You will pay $60 for the call-out.';
    expect(claims(original, reworded)).toEqual([]);
    const denied = 'Opened software cannot be refunded. Your licence key is ZX-0931. Support is open 9-17 on weekdays.';
    expect(
      claims(denied, 'Licence key: ZX-0931. Once a package has been unsealed we cannot give the money back. Support: 9-17 on weekdays.'),
    ).toEqual([]);
  });

  it('still reads a new sentence as a claim when the original has no sentence left over', () => {
    const added = `${original} You must also bring a photo ID to the visit.`;
    expect(claims(original, added)).toEqual([expect.stringContaining('added_claim')]);
  });

  it('still reads it as a claim when the left-over sentence has another stance', () => {
    const optional = original.replace(
      'The unit must be packed in its original case before the visit.',
      'You can leave the unit in its case.',
    );
    const reworded =
      'Ticket RX-4471 is open, and a technician comes by on Friday at 2 pm. ' +
      'Please note the device has to go back into the box it shipped in ahead of time. You will pay $60 for the call-out.';
    expect(claims(optional, reworded)).toEqual([expect.stringContaining('added_claim')]);
  });

  it('still reads it as a claim when the candidate drops a value of the original', () => {
    // Without the original's values the answer is no sentence-for-sentence rewording: what it leaves
    // out is left out, and its own sentences are its own.
    const shorter = 'Ticket RX-4471 is open. Please note the device has to go back into the box it shipped in ahead of time.';
    expect(claims(original, shorter)).toContainEqual(expect.stringContaining('added_claim'));
  });

  it('reads the consequence after a condition as the rest of an original clause that says both in one', () => {
    const booked =
      "Your table for four is booked at 7:30 pm on Friday. If the terrace is closed for rain we'll move you indoors or refund the deposit in full.";
    const cut =
      "Your table for four is set for Friday at 7:30 pm. If rain closes the terrace, you'll get an indoor table or your whole deposit back.";
    expect(claims(booked, cut)).toEqual([]);
    expect(claims(booked, `${cut} Parking is free for all diners after 6 pm.`)).toHaveLength(1);
  });
});

const addedClaims = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'added_claim' && d.explainedByNoise !== true)
    .map((d) => String(d.candidate ?? ''));

describe('a left-over clause another clause of the candidate says', () => {
  it('is no new claim where it rewords a sentence the candidate says nowhere else', () => {
    expect(
      addedClaims(
        'The parcel must be sealed before pickup. Labels are printed at the counter.',
        'Labels get printed at the counter. Please note the box has to be taped shut before the courier arrives.',
      ),
    ).toEqual([]);
  });

  it('is a new claim where the clause left over is said by another clause of the candidate', () => {
    // "…, so you only carry a day pack" is said by the candidate's first sentence, not by the mechanic.
    expect(
      addedClaims(
        "Your bags are driven to each night's inn, so you only carry a day pack. Every bike comes with a lock and a pump. Breakfast is included.",
        'A car drives your bags on to every night’s inn, so a day pack is all you need. Your bike has a lock and a pump. Breakfast is included. A mechanic will ride out to fix a puncture anywhere on the route.',
      ),
    ).toEqual(['A mechanic will ride out to fix a puncture anywhere on the route.']);
  });
});
