import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const claims = (a: string, b: string): string[] =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'added_claim')
    .map((d) => d.message);

const original =
  'Your cabin on deck 6 is booked for the 12-night cruise. Drinks at the pool bar are charged to your room. ' +
  'The spa is open daily, and the gym is free for guests.';

describe('a new sentence built from production words', () => {
  it('is a new claim when no single production sentence says those words together', () => {
    // "added", "free", "spa", "cabin" and "booking" all occur, in three sentences about other things.
    expect(claims(original, `${original} We have added a free spa pass to your cabin booking.`)).toHaveLength(1);
  });

  it('is no new claim where one production sentence says most of them', () => {
    expect(claims(original, `${original} The gym is free for guests and open daily.`)).toEqual([]);
  });
});

describe('a new sentence that makes something free', () => {
  const answer =
    'Your cabin on deck 6 is booked for the 12-night cruise. The spa is open daily for the whole cruise. The gym is free for guests.';

  it('needs a production sentence that says it free too', () => {
    expect(claims(answer, `${answer} You'll also get free spa access for the whole cruise.`)).toHaveLength(1);
    expect(claims(answer, `${answer} The spa is open every day of the cruise.`)).toEqual([]);
  });
});
