import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheet } from './clauses/fact-sheet.js';
import { clauseTokens } from './clauses/split-clauses.js';
import { diffFacts } from './fact-diff.js';
import { clausePolarity } from './polarity/clause-polarity.js';

const keys = (text: string): string[] => factSheet(text).values.map((v) => v.keys[0] ?? '');
const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map(
    (d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`,
  );

describe('factSheet values', () => {
  it('reads money, percent, durations, dates, times, ids, e-mails, URLs and phones into normal forms', () => {
    expect(
      keys(
        'Email ann@example.org or see https://example.org/help/. Call +1 415 555 0100 about #4821 and INV-2024-0193 on 2026-03-14 at 14:30 for €1,200.50 (16%).',
      ),
    ).toEqual([
      'email:ann@example.org',
      'url:https://example.org/help',
      'phone:4155550100',
      'id:4821',
      'id:inv-2024-0193',
      'date:2026-03-14',
      'time:14:30',
      'money:EUR:1200.5',
      'percent:16',
    ]);
  });

  it('compares spelled-out and written numbers, units and dates as the same value', () => {
    const same: [string, string][] = [
      ['It costs twenty dollars.', 'It costs $20.'],
      ['The link is valid for one hour.', 'The link is valid for 60 minutes.'],
      ['Delivery takes two weeks.', 'Delivery takes 14 days.'],
      ['We open at 9am.', 'We open at 9:00 AM.'],
      ['The meeting is on March 3.', 'The meeting is on 3rd of March.'],
      ['It is sixteen percent off.', 'It is 16% off.'],
      ['Refunds take 5-7 business days.', 'Refunds take five to seven working days.'],
      ['Available on weekdays.', 'Available Monday to Friday.'],
    ];
    for (const [a, b] of same) expect({ a, b, d: facts(a, b) }).toEqual({ a, b, d: [] });
  });

  it('names what changed: amounts, dates, times, ids, names, polarity and modality', () => {
    expect(facts('The fee is $35.', 'The fee is $53.')).toEqual(['fact_changed: $35 → $53']);
    expect(facts('Your flight leaves on 2026-04-02.', 'Your flight leaves on 2026-04-03.')).toEqual([
      'fact_changed: 2026-04-02 → 2026-04-03',
    ]);
    expect(facts('Pickup is at 5pm.', 'Pickup is at 5am.')).toEqual(['fact_changed: 5pm → 5am']);
    expect(facts('Write to help@bank.example for a copy.', 'Write to support@bank.example for a copy.')).toEqual([
      'fact_changed: help@bank.example → support@bank.example',
    ]);
    expect(facts('Your order ships from Rotterdam.', 'Your order ships from Hamburg.')).toEqual(['fact_changed: Rotterdam → Hamburg']);
    expect(facts('You will not be charged for the change.', 'You will be charged for the change.')).toEqual([
      'polarity_flip: will not be charged for → will be charged for',
    ]);
    expect(facts('You must bring a photo ID.', 'You may bring a photo ID.')).toEqual([
      'modality_change: must bring a photo → may bring a photo',
    ]);
  });

  it('calls a value production varies on noise, and reports a stable dropped value without raising it', () => {
    expect(
      facts('Hi Anna, your table is booked for 7pm.', 'Hi Omar, your table is booked for 7pm.', ['Hi Ben, your table is booked for 7pm.']),
    ).toEqual(['fact_changed (noise): Anna → Omar']);
    const dropped = diffFacts(factSheet('Refunds take 5 days and cost $10.'), factSheet('Refunds take 5 days.'), []);
    expect(dropped.map((d) => [d.kind, d.severity])).toEqual([['fact_dropped', 'low']]);
  });

  it('covers any language for digits and codes, and never throws on arbitrary Unicode', () => {
    expect(facts('Ihr Termin ist am 2026-05-04 um 10:30.', 'Ihr Termin ist am 2026-05-14 um 10:30.')).toEqual([
      'fact_changed: 2026-05-04 → 2026-05-14',
    ]);
    expect(facts('ご予約番号は AB12CD です。', 'ご予約番号は AB12CE です。')).toEqual(['fact_changed: AB12CD → AB12CE']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (a, b) => {
        const d = diffFacts(factSheet(a), factSheet(b), [factSheet(`${a} ${b}`)]);
        return Array.isArray(d) && d.every((x) => typeof x.message === 'string');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('negation and modality by grammar', () => {
  const polarity = (text: string) => clausePolarity(clauseTokens(text));

  it('reads "no longer", a coordinated clause and "free" (no charge) as polarity', () => {
    expect(facts('Your subscription is no longer active.', 'Your subscription is still active.')).toEqual([
      'polarity_flip: is no longer active → is still active',
    ]);
    expect(
      facts("Orders ship within two days, and you won't pay for shipping.", 'Orders ship within two days, and you will pay for shipping.'),
    ).toEqual(["polarity_flip: won't pay for shipping → will pay for shipping"]);
    // With or without the comma, a coordinated clause is compared on its own.
    expect(
      facts('Shipping is free, and we will text you a tracking link.', "Shipping is free and we won't text you a tracking link."),
    ).toEqual(["polarity_flip: will text you a → won't text you a"]);
    // A baseline that says "free" says what "no charge" says: it does not excuse "a charge".
    expect(
      facts('There is no charge for the first consultation.', 'There is a charge for the first consultation.', [
        'The first consultation is free.',
      ]),
    ).toEqual(['polarity_flip: is no charge for the → is a charge for the']);
    expect(facts('Joining the club is free.', 'Joining the club is not free.')).toHaveLength(1);
    expect(facts('There is no fee to join.', 'Joining is free of charge.')).toEqual([]);
    // A bound is not a negation.
    expect(polarity('Arrive no later than 9am.').negated).toBe(false);
    expect(polarity('The wait is no longer than ten minutes.').negated).toBe(false);
  });

  it('tells a lifted obligation (permission) from a prohibition', () => {
    expect(polarity("You don't need to bring a printed ticket.")).toEqual({ negated: true, modality: 'possibility' });
    expect(polarity('There is no need to book ahead.')).toEqual({ negated: true, modality: 'possibility' });
    expect(polarity('A deposit is not required.')).toEqual({ negated: true, modality: 'possibility' });
    expect(polarity('You must not bring food into the lab.')).toEqual({ negated: true, modality: 'necessity' });
    // A request or a prohibition by imperative obliges as a request does (as strongly as advice).
    expect(polarity('Please do not bring food into the lab.')).toEqual({ negated: true, modality: 'necessity', request: true });
    expect(polarity("Don't bring food into the lab.")).toEqual({ negated: true, modality: 'necessity', request: true });
    expect(polarity('Please bring your badge.')).toEqual({ negated: false, modality: 'necessity', request: true });
    expect(polarity("No, you're free to leave early.")).toEqual({ negated: false, modality: 'possibility' });
    expect(facts('Please do not water the plant for a week.', 'There is no need to stop watering the plant for a week.')).toHaveLength(1);
  });
});

describe('antonyms and polarity per aligned claim', () => {
  it('reads a word that denies its positive counterpart (closed, excluded, declined, blocked, except) as a negation', () => {
    expect(facts('The office is closed on Sundays.', 'The office is open on Sundays.')).toHaveLength(1);
    expect(facts('The office is closed on Sundays.', 'The office is not open on Sundays.')).toEqual([]);
    expect(facts('Roof leaks are excluded from the plan.', 'Roof leaks are included in the plan.')).toHaveLength(1);
    expect(facts('Roof leaks are excluded from the plan.', 'Roof leaks are not included in the plan.')).toEqual([]);
    expect(facts('Comforters are accepted at the counter.', 'Comforters are declined at the counter.')).toHaveLength(1);
    expect(facts('Merging is blocked until the pipeline passes.', 'Merging is not blocked until the pipeline passes.')).toHaveLength(1);
    expect(
      facts('Bikes are allowed on all trains except during rush hours.', 'Bikes are allowed on all trains, including during rush hours.'),
    ).toHaveLength(1);
    // "we cover the cost" says what "free" says, in the price sense.
    expect(facts('We do not cover the cost of the return label.', 'The return label is not free.')).toEqual([]);
    expect(facts('Return shipping costs you nothing.', 'We cover the cost of the return label.')).toEqual([]);
  });

  it('reads a change of direction (increase / decrease, above / below, before / after) as a flip', () => {
    expect(facts('Your premium will increase at renewal.', 'Your premium will decrease at renewal.')).toHaveLength(1);
    expect(facts('Your income is below the limit for aid.', 'Your income is above the limit for aid.')).toHaveLength(1);
    expect(facts('Payment is taken after the proof is approved.', 'Payment is taken before the proof is approved.')).toHaveLength(1);
  });

  it('reads a coordinated prohibition ("…, and don\'t…") as its own clause, and a trailing "unless…" as a condition', () => {
    expect(
      facts(
        'Call the helpline right away. Do not make him vomit unless a vet tells you to.',
        "Call the helpline right away, and don't make him vomit unless a vet says so.",
      ),
    ).toEqual([]);
    expect(
      facts('Do not make him vomit unless a vet tells you to.', 'Make him vomit right away unless a vet tells you not to.'),
    ).toHaveLength(1);
  });

  it('is not excused by a baseline clause that is a condition, nor by one aligned to another sentence', () => {
    expect(
      facts('Changing the date does not cost a fee on this fare.', 'On this fare, a date change is charged a fee.', [
        'If you change the date, you will not pay the change fee.',
      ]),
    ).toEqual(['polarity_flip: "Changing the date does not cost a fee on this fare." → "On this fare, a date change is charged a fee."']);
  });
});

describe('values compared per aligned clause', () => {
  it('reports a changed value that production states elsewhere, in another clause', () => {
    expect(
      facts(
        'Employees get 22 days of paid leave per year. Requests can be sent 21 days in advance.',
        'Employees get 21 days of paid leave per year. Requests can be sent 21 days in advance.',
      ),
    ).toEqual(['fact_changed: 22 days → 21 days']);
    expect(facts('One checked bag is included in this fare.', 'Two checked bags are included in this fare.')).toHaveLength(1);
  });

  it("is noise where a baseline states the candidate's value in that clause", () => {
    expect(
      facts('The system should produce about 9,800 kWh a year.', 'The system should produce about 10,000 kWh a year.', [
        'The system should produce roughly 10,000 kWh a year.',
      ]).every((d) => d.includes('(noise)')),
    ).toBe(true);
  });
});

describe('added claims', () => {
  it('needs more than one shared word to pair a sentence with production', () => {
    const original =
      'Your booking to Seville is confirmed. Departure is at 11am on June 11. Two checked bags are included. A date change costs $35 on this fare.';
    const candidate =
      'Your booking to Seville is confirmed. Departure is at 11am on June 11. Two checked bags are included. A date change costs $35. This fare is non-refundable and cannot be transferred to another traveller.';
    expect(facts(original, candidate).filter((d) => d.startsWith('added_claim'))).toHaveLength(1);
  });
});

describe('numbers with units, scales and frequencies', () => {
  it('normalises units, scale words and frequency words', () => {
    const same: [string, string][] = [
      ['The plan includes 20GB of data.', 'The plan includes 20 GB of data.'],
      ['The plan includes 20 gigabytes of data.', 'The plan includes 20GB of data.'],
      ['The crate weighs 35kg.', 'The crate weighs 35 kilograms.'],
      ['The grant is $1.5 million.', 'The grant is $1,500,000.'],
      ['The grant is $1.5m.', 'The grant is 1.5 million dollars.'],
      ['Water it twice a week.', 'Water it two times a week.'],
    ];
    for (const [a, b] of same) expect({ a, b, d: facts(a, b) }).toEqual({ a, b, d: [] });
    expect(facts('Take one tablet three times a day.', 'Take one tablet twice a day.')).toHaveLength(1);
    expect(facts('The crate weighs 35kg.', 'The crate weighs 53kg.')).toEqual(['fact_changed: 35kg → 53kg']);
    // "once" as a conjunction is no count.
    expect(keys('Once you pay, the order ships.')).toEqual([]);
  });

  it('does not let a count of one thing support a value with another unit', () => {
    expect(facts('The cabin sleeps 2 guests and you can stay 4 nights.', 'The cabin sleeps 2 guests and you can stay 2 nights.')).toEqual([
      'fact_changed: 4 nights → 2 nights',
    ]);
  });
});

describe('counted numbers', () => {
  it('reads a spelled count joined to its noun ("two-tier") as a count of it', () => {
    expect(keys('A two-tier cake serves about 40 people.')).toEqual(['quantity:tier:2', 'quantity:person:40']);
    expect(facts('A two-tier cake serves about 40 people.', 'A three-tier cake serves about 40 people.')).toEqual([
      'fact_changed: two-tier → three-tier',
    ]);
  });

  it('reads a run of number words only as grammar allows ("twenty-four", not "one two three")', () => {
    expect(keys('For a twenty-four months term.')).toEqual(keys('For a 24 months term.'));
    expect(keys('Count one two three four.')).not.toContain('number:10');
  });

  it('compares spelled counts where the clause aligns, whatever else the answer counts', () => {
    // "a month" counts one too; it does not state "one car".
    expect(facts('The plan is $29.99 a month and covers one car.', 'The plan is $29.99 a month and covers two cars.')).toEqual([
      'fact_changed: one car → two cars',
    ]);
    expect(facts('We have two in stock at the Eastgate branch.', 'We have four in stock at the Eastgate branch.')).toEqual([
      'fact_changed: two → four',
    ]);
    // A bare "one" is as often a pronoun.
    expect(facts('One of our agents will call you.', 'Two of our agents will call you.')).toEqual([]);
  });

  it('does not take a baseline that leaves the count out for production varying on it', () => {
    const original = 'The Unlimited plan is $29.99 a month and covers one car.';
    const baseline = 'Unlimited costs $29.99 monthly for a single vehicle.';
    expect(facts(original, 'The Unlimited plan is $29.99 a month and covers two cars.', [baseline])).toEqual([
      'fact_changed: one car → two cars',
    ]);
    expect(
      facts(original, 'The Unlimited plan is $29.99 a month and covers two cars.', ['The plan covers two cars for $29.99 a month.']),
    ).toEqual(['fact_changed (noise): one car → two cars']);
  });
});

describe('what production varies on', () => {
  it('does not take a baseline that leaves a value out for production varying on it', () => {
    const original = 'We waived the $35 overdraft fee. Your booking is with Harbor Travel.';
    const shorter = 'We waived the overdraft fee.';
    expect(facts(original, 'We waived the $53 overdraft fee. Your booking is with Harbor Travel.', [shorter])).toEqual([
      'fact_changed: $35 → $53',
    ]);
    expect(facts(original, 'We waived the $35 overdraft fee. Your booking is with Summit Travel.', [shorter])).toEqual([
      'fact_changed: Harbor Travel → Summit Travel',
    ]);
  });

  it('takes a baseline that states another value of that kind for production varying', () => {
    const original = 'We waived the $35 overdraft fee.';
    expect(facts(original, 'We waived the $53 overdraft fee.', ['We waived the $40 overdraft fee.'])).toEqual([
      'fact_changed (noise): $35 → $53',
    ]);
    expect(facts(original, 'We waived the $53 overdraft fee.', ['The $53 overdraft fee is waived.'])).toEqual([
      'fact_changed (noise): $35 → $53',
    ]);
  });

  it('does not take a figure the original states too, in a baseline clause beside the changed one, for production varying', () => {
    // "a month" (the rent's period) is 30 days, so the candidate's figure is stated somewhere;
    // the baseline's "24-month" is the lease's length, which the original gives too, not its notice said otherwise.
    const original = 'Rent is €900 a month. The lease runs for 24 months, with 60 days of notice to leave.';
    const candidate = 'Rent is €900 a month. The lease runs for 24 months, with 30 days of notice to leave.';
    const baseline = 'Rent: €900 a month. 24-month lease; 60 days of notice to move out.';
    expect(facts(original, candidate, [baseline])).toEqual(['fact_changed: 60 days → 30 days']);
  });
});

describe('frequencies', () => {
  it('takes "once a month" for how "every month" says it, and still compares it with "twice a month"', () => {
    expect(facts('Stargazing nights are held every month.', 'Stargazing nights are held once a month.')).toEqual([]);
    expect(facts('Stargazing nights are held once a month.', 'Stargazing nights are held twice a month.')).toEqual([
      'fact_added: states twice (no production answer does)',
    ]);
  });
});

describe('times and days', () => {
  const facts = (a: string, b: string) => diffFacts(factSheet(a), factSheet(b)).map((d) => `${d.kind}: ${d.message}`);

  it('reads a bulleted range of hours as the sentence that says it', () => {
    expect(facts('Walk-ins are welcome from 9 am to 6 pm on weekdays.', 'Walk-ins welcome: 9 am–6 pm, weekdays')).toEqual([]);
  });

  it('compares the days an aligned clause names ("on weekdays" / "on weekends")', () => {
    expect(facts('Walk-ins are welcome from 9 am to 6 pm on weekdays.', 'Walk-ins are welcome from 9 am to 6 pm on weekends.')).toEqual([
      'fact_changed: weekdays → weekends',
    ]);
  });
});

describe('a value left out of a claim the candidate still makes', () => {
  const dropped = (a: string, b: string, baselines: string[] = []) =>
    diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
      .filter((d) => d.kind === 'fact_dropped')
      .map((d) => `${d.severity}: ${d.original}`);
  const answer =
    'The course runs over two weekends and costs $450, which covers equipment rental. Students must be able to swim 200 metres.';

  it('is high where the claim is kept without it and nothing in its place', () => {
    expect(
      dropped(answer, 'The course runs over two weekends and covers equipment rental. Students must be able to swim 200 metres.'),
    ).toEqual(['high: $450']);
    expect(
      dropped(
        'Day passes are $22. Additional guests are $35 each. The lounge is open from 5 am to 11 pm.',
        'Day passes are $22. Additional guests can be added at the front desk. The lounge is open from 5 am to 11 pm.',
      ),
    ).toEqual(['high: $35']);
  });

  it('stays low where a shorter answer condenses, the sentence goes, or a baseline leaves it out', () => {
    expect(dropped(answer, 'Two weekends, equipment included; you need to swim 200 metres.')).toEqual(['low: $450']);
    expect(
      dropped(answer, 'Equipment rental is included in the course. Students must be able to swim 200 metres before the first dive.'),
    ).toEqual(['low: $450']);
    expect(
      dropped(answer, 'The course runs over two weekends and covers equipment rental. Students must be able to swim 200 metres.', [
        'Over two weekends, with equipment rental. Students must be able to swim 200 metres.',
      ]),
    ).toEqual([]);
  });

  it('stays low for a day said relative to the answer ("today"): a paraphrase says "is on its way"', () => {
    expect(
      dropped(
        'Your order shipped today with UPS and should arrive by Thursday. Signature is not required.',
        'Your order is on its way with UPS and should arrive by Thursday. Signature is not required.',
      ),
    ).toEqual(['low: today']);
  });
});

describe('generic nouns', () => {
  const claims = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind === 'added_claim')
      .map((d) => d.candidate);

  it('reads a clause that points back with a generic noun ("this feature") as no new claim', () => {
    expect(
      claims(
        'Off-cycle runs are not included in the Starter plan; they are available on Growth and above.',
        "This feature isn't part of Starter; it comes with Growth and higher plans.",
      ),
    ).toEqual([]);
  });

  it('still reads a clause with new words of its own as one', () => {
    expect(
      claims(
        'Off-cycle runs are not included in the Starter plan; they are available on Growth and above.',
        'Off-cycle runs are not included in the Starter plan; they are available on Growth and above. Refunds are never issued for annual billing.',
      ),
    ).toEqual(['Refunds are never issued for annual billing.']);
  });
});
