import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

// The same value written another way: an ordinal in words, a figure rounded and said to be, a
// count in the answer's own language, a rate in symbols, a name by its initials or its possessive.
// Each is the value production states, and a different value still differs.
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

  it('reads "an hour and a half" as 90 minutes and "a three-working-day wait" as 3 working days', () => {
    expect(judged('The fitting takes 90 minutes and costs $40.', 'It costs $40, and the fitting lasts an hour and a half.')).toEqual([]);
    expect(judged('The fitting takes 90 minutes.', 'The fitting lasts an hour.')).not.toEqual([]);
    expect(judged('Delivery takes a day and a half.', 'Delivery takes 36 hours.')).toEqual([]);
    expect(judged('Refunds arrive within three working days.', 'Expect a three-working-day wait for refunds.')).toEqual([]);
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

describe('compact forms of a value', () => {
  it('reads a price in cents ("45¢", "45¢/page") as the dollar amount ("$0.45 per page")', () => {
    expect(
      judged('Black-and-white copies are $0.45 per page at the front desk.', 'Copies: 45¢/page (black and white), front desk.'),
    ).toEqual([]);
    expect(judged('Each extra pound is 45 cents.', 'Every extra pound costs 45¢.')).toEqual([]);
    expect(
      judged('Black-and-white copies are $0.45 per page at the front desk.', 'Copies: 54¢/page (black and white), front desk.'),
    ).not.toEqual([]);
  });

  it('reads a month range written with a dash ("Oct–Mar", "October-March") as its two months', () => {
    expect(judged('The rink is open from October through March.', 'Rink season: Oct–Mar.')).toEqual([]);
    expect(judged('The rink is open from October through March.', 'The rink is open October-March.')).toEqual([]);
    expect(judged('The rink is open from October through March.', 'Rink season: Oct–Apr.')).not.toEqual([]);
  });

  it('reads sizes written "4×6", "4x6" and "4 x 6" as the same size, and another size as a change', () => {
    const original = 'Prints come in 4×6 inches for $1 and 8 x 10 for $6.';
    expect(judged(original, 'Sizes: 4x6 in. $1, 8×10 $6.')).toEqual([]);
    expect(judged(original, 'We print 4 × 6-inch photos for $1 and 8x10s for $6.')).toEqual([]);
    expect(judged(original, 'Sizes: 5x7 in. $1, 8×10 $6.')).not.toEqual([]);
  });

  it('reads a clock time without am/pm as either half of the day ("from 6:30 to 8:00" in the evening)', () => {
    const original = 'Choir practice is on Thursdays, 7:15–9:00 p.m., in the church hall.';
    expect(judged(original, 'Choir practice runs Thursday evenings from 7:15 to 9:00 in the church hall.')).toEqual([]);
    expect(judged(original, 'Choir practice runs Thursday evenings from 7:15 to 9:30 in the church hall.')).not.toEqual([]);
    expect(judged(original, 'Choir practice is on Thursdays, 7:15–9:00 a.m., in the church hall.')).not.toEqual([]);
  });

  it('reads a code with a trailing "+" ("EN1078+", "or newer") as the code it names', () => {
    expect(judged('Helmets must meet EN1078 or a newer standard.', 'Helmets: EN1078+ required.')).toEqual([]);
    expect(judged('Helmets must meet EN1078 or a newer standard.', 'Helmets: EN1080+ required.')).not.toEqual([]);
  });
});

describe('a product of counts is no size', () => {
  it('reads "2 × 45 min" as two sessions of 45 minutes, not a 2x45 size', () => {
    expect(
      judged('The workshop is two sessions of 45 minutes and costs $80.', 'Workshop: 2 × 45 min, $80.', [
        'Our workshop runs as 2 × 45-minute sessions for $80.',
      ]),
    ).toEqual([]);
    expect(judged('The course is three sessions of three hours each.', 'Course: 3 × 3 h.', ['The course is 3 × 3-hour sessions.'])).toEqual(
      [],
    );
  });
});

describe('more compact forms of a value', () => {
  it('reads "half an hour", "half hour" and "half-hour" as 30 minutes, not as an hour', () => {
    const original = 'Shuttles leave the car park every 30 minutes from 8 a.m.';
    expect(judged(original, 'A shuttle leaves the car park every half hour, starting at 8 a.m.')).toEqual([]);
    expect(judged(original, 'Shuttles run from the car park at half-hour intervals from 8 a.m.')).toEqual([]);
    expect(judged(original, 'From 8 a.m. there is a shuttle from the car park every half an hour.')).toEqual([]);
    expect(judged(original, 'A shuttle leaves the car park every hour, starting at 8 a.m.')).not.toEqual([]);
    // "Half-day" names a kind of outing: leaving it out drops no fact.
    expect(
      judged(
        'The half-day kayak trip leaves the jetty at 9:00 and is back by 13:00. It costs $50.',
        'For $50 you leave the jetty at 9:00 and are back by 13:00.',
      ),
    ).toEqual([]);
  });

  it('reads amounts joined by a slash ("$12/$18", "$300/5 days") as each amount', () => {
    const original = 'Day passes are $12 off-peak and $18 at peak times; a locker is $300 for 5 days.';
    expect(judged(original, 'Day pass $12/$18 (off-peak/peak). Locker: $300/5 days.')).toEqual([]);
    expect(judged(original, 'Day pass $12/$21 (off-peak/peak). Locker: $300/5 days.')).not.toEqual([]);
    expect(judged(original, 'Day pass $12/$18 (off-peak/peak). Locker: $300/6 days.')).not.toEqual([]);
  });

  it('reads "yd" as yards ("a 10-yd skip" is a 10-yard skip)', () => {
    expect(judged('We deliver a 10-yard skip for $300.', 'A 10-yd skip is $300, delivered.')).toEqual([]);
    expect(judged('We deliver a 10-yard skip for $300.', 'A 12-yd skip is $300, delivered.')).not.toEqual([]);
  });

  it('does not read a verb after a number as what it counts ("under 5 get in free")', () => {
    const values = (text: string): string[] => factSheet(text).values.map((v) => v.keys.join(','));
    expect(values('Children under 5 get in free.')).toEqual(['number:5']);
    expect(values('Groups over 10 can book the back room.')).toEqual(['number:10']);
    expect(values('Bring 2 forms of ID.')).toEqual(['quantity:form:2']);
  });

  it('reads an acronym with a suffix ("RICS-accredited") as the acronym it names', () => {
    expect(
      judged(
        'Every survey is signed off by one of our RICS surveyors.',
        'Every survey is signed off by one of our RICS-accredited surveyors.',
      ),
    ).toEqual([]);
    expect(
      judged(
        'Every survey is signed off by one of our RICS surveyors.',
        'Every survey is signed off by one of our CIOB-accredited surveyors.',
      ),
    ).not.toEqual([]);
  });
});

describe('time zones', () => {
  it('reads the zone a time is given in as a fact of its own: another zone is a change, leaving it out is not', () => {
    const original = 'Our phone line is open 8 a.m. to 6 p.m. ET, Monday to Friday.';
    expect(judged(original, 'You can call us Monday to Friday between 8 a.m. and 6 p.m. Eastern time.')).toEqual([]);
    expect(judged(original, 'You can call us Monday to Friday between 8am and 6pm EST.')).toEqual([]);
    expect(judged(original, 'Call us Monday to Friday, 8 a.m. to 6 p.m.')).toEqual([]);
    expect(judged(original, 'Our phone line is open 8 a.m. to 6 p.m. PT, Monday to Friday.')).not.toEqual([]);
    // A zone's letters elsewhere are no zone ("PT" for physical therapy).
    expect(factSheet('Book PT sessions online.').values.map((v) => v.keys[0])).toEqual([]);
  });
});

describe('time zones after hours written as bare numbers', () => {
  it('reads "weekdays 9–5 ET." as hours in a zone, and not "3 PT sessions"', () => {
    const original = 'Email support@example.org, weekdays 9–5 ET.';
    expect(judged(original, 'Write to support@example.org; we answer weekdays 9–5 PT.')).not.toEqual([]);
    expect(judged(original, 'Write to support@example.org; we answer weekdays 9–5 ET.')).toEqual([]);
    expect(factSheet('Your plan covers 3 PT sessions a month.').values.filter((v) => v.keys[0]?.startsWith('tz:'))).toEqual([]);
  });
});

describe('a qualifier between a count and its unit of time', () => {
  it('reads "three previous years", "5 consecutive nights", "2 extra days" as the duration', () => {
    const durations = (text: string): string[] =>
      factSheet(text)
        .values.filter((v) => v.type === 'duration')
        .map((v) => v.keys[0] ?? '');
    expect(durations('It was left unplanted in each of the three previous years.')).toEqual(['duration:94608000']);
    expect(durations('The discount needs 5 consecutive nights.')).toEqual(['duration:432000']);
    expect(durations('You can keep it 2 extra days.')).toEqual(['duration:172800']);
    expect(
      judged(
        'Coverage is not available on acreage left unplanted in each of the previous three years.',
        'Coverage is not available on acreage left unplanted in each of the three previous years.',
      ),
    ).toEqual([]);
  });
});

describe('half as a share, and ordinals of a month’s days in words', () => {
  it('reads "half of the deposit" as 50 %, weakly', () => {
    expect(judged('Half of the deposit is refunded.', 'We refund 50% of the deposit.')).toEqual([]);
    expect(judged('We refund 50% of the deposit.', 'Half of the deposit is refunded.')).toEqual([]);
    expect(judged('Half of the deposit is refunded.', 'We refund 40% of the deposit.')).not.toEqual([]);
    expect(judged('Kids eat at half price on Mondays.', 'Kids eat for 50% off on Mondays.')).toEqual([]);
  });

  it('reads "the fifteenth" and "the twenty-first" as the 15th and the 21st', () => {
    expect(judged('Order by the 15th.', 'Order by the fifteenth.')).toEqual([]);
    expect(judged('Rent is due on the 21st.', 'Rent is due on the twenty-first.')).toEqual([]);
    expect(judged('Rent is due on the 21st.', 'Rent is due on the twenty-second.')).not.toEqual([]);
  });
});

describe('metric amounts in another unit of the same dimension', () => {
  it('reads "2 kg" as "2,000 grams", "300 cm" as "3 meters", "500 ml" as "0.5 litres"', () => {
    expect(judged('It weighs 2 kg.', 'It weighs 2,000 grams.')).toEqual([]);
    expect(judged('The cable is 300 cm long.', 'The cable is 3 meters long.')).toEqual([]);
    expect(judged('Use 500 ml of water.', 'Use 0.5 litres of water.')).toEqual([]);
    expect(judged('It weighs 2 kg.', 'It weighs 200 grams.')).not.toEqual([]);
    expect(judged('It is 10 inches wide.', 'It is 12 inches wide.')).toEqual(['fact_changed: 10 inches → 12 inches']);
  });
});

// A price in pence and a count scaled before a rate's slash, as bulleted answers write them.
describe('pence, and a scale word before a slash', () => {
  const keys = (s: string) => factSheet(s).values.map((v) => v.keys[0]);

  it('reads "40p" and "40 pence" as £0.40, and "1080p" as no price', () => {
    expect(keys('Photocopies are 40p a sheet')).toEqual(['money:GBP:0.4']);
    expect(keys('Photocopies are 40 pence a sheet')).toEqual(['money:GBP:0.4']);
    expect(keys('Streams are capped at 1080p')).toEqual(['number:1080']);
  });

  it('reads "2 million/year" as the count "2 million … a year" states', () => {
    expect(keys('Visitors: 2 million/year')).toEqual(['number:2000000']);
  });

  const hire = 'Hall hire is £0.40 per seat per hour, and the hall takes 2 million bookings a year across the county.';
  const baselines = [
    'Hiring the hall costs £0.40 a seat per hour; 2 million bookings are made across the county each year.',
    'It is £0.40 per seat per hour to hire the hall, and county-wide there are 2 million bookings yearly.',
    'Seats cost £0.40 each per hour of hire. Across the county the hall system handles 2 million bookings a year.',
  ];
  const bulleted = 'Hall hire:\n- Rate: 40p per seat per hour\n- Bookings: 2 million/year across the county';

  it('keeps a bulleted answer that writes them so as noise with 0, 1 and 3 baselines', () => {
    for (const n of [0, 1, 3]) expect(judged(hire, bulleted, baselines.slice(0, n))).toEqual([]);
  });

  it('still reads another figure as a change', () => {
    expect(judged(hire, bulleted.replace('40p', '45p'), baselines.slice(0, 1))).not.toEqual([]);
    expect(judged(hire, bulleted.replace('2 million', '3 million'), baselines.slice(0, 1))).not.toEqual([]);
  });
});

// Danish, Norwegian and Swedish answers: a count in words, a unit in its plural or genitive.
describe('a count in Scandinavian words', () => {
  const keys = (s: string) => factSheet(s).values.map((v) => v.keys[0]);

  it('reads "seks måneder", "tre veckor" and "én måneds" as the figures they name, in an answer read as Scandinavian', () => {
    expect(keys('Leieavtalen din løper i seks måneder fra du flyttet inn, og det er ikke mulig å si den opp før.')).toEqual([
      'duration:15552000',
    ]);
    expect(keys('Beställningen skickas inom tre veckor och det är gratis frakt till dig på alla order.')).toEqual(['duration:1814400']);
    expect(keys('Etter det gjelder én måneds frist, og det er ikke mulig å forkorte den for deg.')).toEqual(['duration:2592000']);
  });

  it('reads no English word as a number: "to", "fire" and "sex" stay words in English', () => {
    expect(keys('You need to fire the kiln to set the glaze on the pot, then leave it to cool; the form asks for sex and age.')).toEqual(
      [],
    );
  });

  const lease = 'Leieavtalen din varer i 6 måneder fra innflytting, og oppsigelsesfristen er 1 måned. Depositumet er 12 000 kr.';
  const baselines = [
    'Du leier i 6 måneder fra innflyttingsdagen, med 1 måneds oppsigelse. Depositum: 12 000 kr.',
    'Avtalen gjelder 6 måneder fra du flytter inn; oppsigelsesfristen er 1 måned, og depositumet er på 12 000 kr.',
    'Leien løper i 6 måneder fra innflytting. Du må si opp med 1 måneds varsel. Depositum 12 000 kr.',
  ];

  it('keeps a paraphrase that writes them in words as noise with 0, 1 and 3 baselines, and a changed count as a change', () => {
    const words = 'Du leier i seks måneder fra du flytter inn, og du har én måneds oppsigelsesfrist. Depositumet er 12 000 kr.';
    for (const n of [0, 1, 3]) expect(judged(lease, words, baselines.slice(0, n))).toEqual([]);
    expect(judged(lease, words.replace('seks', 'tre'), baselines.slice(0, 1))).not.toEqual([]);
  });
});
