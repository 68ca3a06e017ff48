import { describe, expect, it } from 'vitest';
import { diffFacts } from './fact-diff.js';
import { factSheet } from './fact-sheet.js';

// The same value written another way: an ordinal in words, a figure rounded and said to be, a
// count in the answer's own language, a rate in symbols, a name by its initials or its possessive.
// Each is the value production states, and a different value still differs.
const judged = (a: string, b: string, baselines: readonly string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.severity === 'high' && d.explainedByNoise !== true)
    .map((d) => `${d.kind}: ${d.message}`);

describe('the same value written another way', () => {
  it('reads an ordinal in words as the ordinal in digits ("fourth floor" / "4th floor")', () => {
    expect(judged('The meeting room is on the fourth floor, next to the lifts.', 'Meeting room: 4th floor, next to the lifts.')).toEqual(
      [],
    );
    expect(judged('Your locker is in the second row from the door.', 'Locker: 2nd row from the door.')).toEqual([]);
    expect(
      judged('The meeting room is on the fourth floor, next to the lifts.', 'Meeting room: 5th floor, next to the lifts.'),
    ).not.toEqual([]);
  });

  it('reads a figure said to be rounded ("roughly $8,000") as the original figure, not a change', () => {
    expect(
      judged(
        'The renovation quote is $7,950 including labour. Work starts on May 3.',
        'The renovation quote is roughly $8,000 including labour. Work starts on May 3.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Your balance of 12,640 miles stays valid until next spring.',
        'Your balance of about 12,600 miles stays valid until next spring.',
      ),
    ).toEqual([]);
    // Not rounded: another figure, or one said exactly.
    expect(
      judged(
        'The renovation quote is $7,950 including labour. Work starts on May 3.',
        'The renovation quote is roughly $9,000 including labour. Work starts on May 3.',
      ),
    ).not.toEqual([]);
    expect(
      judged(
        'The renovation quote is $7,950 including labour. Work starts on May 3.',
        'The renovation quote is $8,000 including labour. Work starts on May 3.',
      ),
    ).not.toEqual([]);
  });

  it('reads counts spelled in the language of the answer (Spanish, Portuguese, German, French, Italian)', () => {
    expect(
      judged(
        'La garantía cubre el motor durante tres años y la batería durante ocho años desde la compra.',
        'Garantía: motor 3 años, batería 8 años desde la compra.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'O reembolso chega em cinco dias úteis e a taxa de envio é devolvida em dois dias.',
        'Reembolso: 5 dias úteis; taxa de envio devolvida em 2 dias.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Die Kaution beträgt zwei Monatsmieten und wird nach vier Wochen zurückgezahlt.',
        'Kaution: 2 Monatsmieten, zurückgezahlt nach 4 Wochen.',
      ),
    ).toEqual([]);
    expect(judged("Le colis arrive en trois jours ouvrés et l'échange est gratuit.", 'Colis: 3 jours ouvrés, échange gratuit.')).toEqual(
      [],
    );
    expect(judged('Il corso dura sei settimane con due lezioni a settimana.', 'Corso: 6 settimane, 2 lezioni a settimana.')).toEqual([]);
    // Another count is still another.
    expect(
      judged(
        'La garantía cubre el motor durante tres años y la batería durante ocho años desde la compra.',
        'Garantía: motor 3 años, batería 6 años desde la compra.',
      ),
    ).not.toEqual([]);
    // An English "once" or "due" is no Spanish eleven or Italian two.
    expect(
      judged('Pay once the order ships; the balance is due on delivery.', 'Pay once the order ships; the balance is due on delivery!'),
    ).toEqual([]);
  });

  it('reads "3×/day" as three times a day and "24/7" as round the clock', () => {
    expect(
      judged(
        'Take the tablets three times a day with food. The helpline is open 24 hours a day.',
        'Tablets 3×/day with food; helpline 24/7.',
      ),
    ).toEqual([]);
    expect(judged('Take the tablets three times a day with food.', 'Tablets 2×/day with food.')).not.toEqual([]);
  });

  it('reads a name by its initials or with a possessive as the name ("ICC (A)", "the Deployment\'s")', () => {
    expect(
      judged(
        'Your shipment is insured under the Institute Cargo Clauses (A) from the warehouse.',
        'Shipment insured under ICC (A) from the warehouse.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'The Gateway Service rejects the request because the Router has no route for it.',
        "The request is rejected: the Router's table has no route for it in the Gateway Service.",
      ),
    ).toEqual([]);
    expect(
      judged(
        'Your shipment is insured under the Institute Cargo Clauses (A) from the warehouse.',
        'Shipment insured under IBC (A) from the warehouse.',
      ),
    ).not.toEqual([]);
  });
});

describe('clock ranges with noon, and halves in words', () => {
  it('reads "8 a.m.-noon", "9am-noon" and "noon-2pm" as two clock times', () => {
    const original = 'The technician arrives on Friday between 8 a.m. and noon.';
    expect(judged(original, 'The technician arrives on Friday, 8 a.m.-noon.')).toEqual([]);
    expect(judged('The desk is staffed from 9am to noon.', 'Desk hours: 9am-noon.')).toEqual([]);
    expect(judged('The desk is staffed from noon to 2pm.', 'Desk hours: noon-2pm.')).toEqual([]);
    expect(judged(original, 'The technician arrives on Friday, 8 a.m.-1 p.m.')).not.toEqual([]);
  });

  it('reads "three and a half hours" as 3.5 hours', () => {
    const original = 'The tour takes three and a half hours.';
    expect(judged(original, 'The tour takes 3.5 hours.')).toEqual([]);
    expect(judged('The tour takes 3-3.5 hours.', 'The tour takes three to three and a half hours.')).toEqual([]);
    expect(judged(original, 'The tour takes 4.5 hours.')).not.toEqual([]);
  });
});

describe('an age or an era joined to its number', () => {
  it('reads "12-year-old" as 12 years and "Pre-1850" as 1850', () => {
    expect(judged('This juniper is about 12 years old.', 'A ~12-year-old juniper.')).toEqual([]);
    expect(judged('We cannot guarantee records older than 1850.', 'Pre-1850 records are not guaranteed.')).toEqual([]);
  });

  it('while another age or year still differs', () => {
    expect(judged('This juniper is about 12 years old.', 'A 21-year-old juniper.')).not.toEqual([]);
    expect(judged('We cannot guarantee records older than 1850.', 'Pre-1880 records are not guaranteed.')).not.toEqual([]);
  });
});
