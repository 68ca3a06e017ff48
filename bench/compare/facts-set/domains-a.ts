import type { TextScenario } from './scenario.js';
import { clock, code, contact, count, date, duration, money, name, percent, pick, range, weekday } from './slot.js';

const cities = ['Lisbon', 'Porto', 'Seville', 'Bologna', 'Krakow', 'Ghent', 'Valencia', 'Bergen', 'Tallinn', 'Lyon'];
const hotels = ['Hotel Miramar', 'Casa Azul', 'the Harbour Inn', 'Hotel Lindenhof', 'the Old Mill Lodge'];
const banks = ['Northbank', 'Civic Savings', 'Harbor Federal'];
const clinics = ['Riverside Clinic', 'Elm Street Medical', 'Lakeview Health Center', 'Oakridge Practice'];
const doctors = ['Dr. Okafor', 'Dr. Lindqvist', 'Dr. Patel', 'Dr. Moreau', 'Dr. Haddad'];

/** Travel, banking, health scheduling. */
export const scenariosA: readonly TextScenario[] = [
  {
    domain: 'travel',
    slots: (r) => ({
      ref: code(`${pick(r, ['QX', 'KT', 'MB', 'ZR'])}${Math.floor(r.next() * 9000 + 1000)}${pick(r, ['L', 'P', 'H'])}`),
      city: name(pick(r, cities), cities),
      day: date(3 + Math.floor(r.next() * 8), 2 + Math.floor(r.next() * 25)),
      dep: clock(6 + Math.floor(r.next() * 12), pick(r, [0, 15, 30, 45])),
      bags: count(1 + Math.floor(r.next() * 2), 'checked bag'),
      fee: money(pick(r, [35, 45, 60, 75, 25])),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your flight to {city} is confirmed under booking reference {ref}.',
          'I have confirmed your booking to {city}; the reference is {ref}.',
          'Booking {ref} for your trip to {city} is [all set|confirmed|in place].',
        ],
      },
      {
        key: true,
        alts: [
          'It departs on {day} at {dep}.',
          'Departure is scheduled for {dep} on {day}.',
          'You [leave|fly out] on {day}, with the plane taking off at {dep}.',
        ],
      },
      {
        alts: [
          'Your fare includes {bags}.',
          'The ticket comes with {bags} [at no extra cost|included].',
          '{bags} [is|are] included in this fare.',
        ],
      },
      {
        alts: [
          'Changing the date ⟨costs|does not cost⟩ [a fee of {fee}|{fee}] on this fare.',
          'On this fare, a date change ⟨is charged at {fee}|is not charged, though {fee} applies on basic fares⟩.',
          'If you change the date, you ⟨will pay {fee}|will not pay the {fee} change fee⟩.',
        ],
      },
      {
        alts: [
          'You ⟪must|can⟫ check in online [up to|no later than] 24 hours before departure.',
          'Online check-in ⟪is required|is available⟫ from 24 hours before the flight.',
          '[Please note you|You] ⟪have to|are able to⟫ check in online 24 hours ahead.',
        ],
      },
    ],
    short: [
      'Booked: {ref}, {city}, {day} at {dep}.',
      'Confirmed, reference {ref}: {city} on {day}, departing {dep}.',
      'Your {city} flight ({ref}) leaves {day} at {dep}.',
    ],
    extras: [
      'I hope you have a wonderful trip.',
      'It is a good idea to arrive at the airport early.',
      'You can find your boarding pass in the app once you have checked in.',
      'Safe travels!',
    ],
    claims: [
      'Seat selection is mandatory and costs an extra $15 per segment.',
      'All passengers must present a printed itinerary at the gate.',
      'This fare is non-refundable and cannot be transferred to another traveller.',
      'Carry-on bags are not permitted on this route.',
      'A fuel surcharge will be added at the airport.',
    ],
    varying: { slot: 'fee', values: (r) => money(pick(r, [30, 35, 40, 45, 50])) },
  },
  {
    domain: 'travel',
    slots: (r) => ({
      hotel: name(pick(r, hotels), hotels),
      nights: count(2 + Math.floor(r.next() * 5), 'night'),
      checkin: clock(pick(r, [14, 15, 16])),
      price: money(pick(r, [89, 120, 145, 210, 178])),
      conf: code(`H-${Math.floor(r.next() * 900000 + 100000)}`),
      day: weekday(Math.floor(r.next() * 7)),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your stay at {hotel} is booked for {nights}, confirmation {conf}.',
          'I reserved {nights} at {hotel} (confirmation number {conf}).',
          'Confirmation {conf}: {nights} at {hotel}.',
        ],
      },
      {
        key: true,
        alts: ['The rate is {price} per night.', 'Each night costs {price}.', 'You will pay {price} a night.'],
      },
      {
        alts: [
          'Check-in opens at {checkin} on {day}.',
          'You can check in from {checkin} on {day}.',
          'On {day}, rooms are ready from {checkin}.',
        ],
      },
      {
        alts: [
          'Breakfast ⟨is|is not⟩ included in the rate.',
          'The rate ⟨includes|does not include⟩ breakfast.',
          '[Your booking|This rate] ⟨covers breakfast|comes without breakfast⟩.',
        ],
      },
      {
        alts: [
          'Guests ⟪must|may⟫ show a photo ID at the front desk.',
          'At the front desk you ⟪will need to|can⟫ present a photo ID.',
          'A photo ID ⟪is required|can be shown⟫ at check-in.',
        ],
      },
    ],
    short: ['{hotel}, {nights}, {price}/night, conf {conf}.', 'Booked {nights} at {hotel} for {price} per night (confirmation {conf}).'],
    extras: [
      'Enjoy your stay!',
      'Let me know if you would like restaurant suggestions nearby.',
      'The hotel is a short walk from the old town.',
    ],
    claims: [
      'A city tax of 4 euros per night must be paid in cash on arrival.',
      'Late check-out is not available for this booking.',
      'Pets are not allowed in any of the rooms.',
      'Cancellations made less than 7 days before arrival are charged in full.',
    ],
    varying: { slot: 'price', values: (r) => money(pick(r, [119, 120, 121, 125])) },
  },
  {
    domain: 'banking',
    slots: (r) => ({
      fee: money(pick(r, [35, 25, 29, 15, 40])),
      balance: money(Math.round(r.next() * 2000 + 100) + pick(r, [0, 0.25, 0.5, 0.8])),
      days: duration(pick(r, [1, 2, 3]), 'day', 'business'),
      ticket: code(`CASE-${Math.floor(r.next() * 90000 + 10000)}`),
      bank: name(pick(r, banks), banks),
      on: date(1 + Math.floor(r.next() * 11), 1 + Math.floor(r.next() * 27)),
    }),
    sentences: [
      {
        key: true,
        alts: [
          "I've waived the {fee} overdraft charge on your account.",
          'The {fee} overdraft fee has been [waived|reversed|refunded].',
          'We [reversed|removed] the overdraft fee of {fee}.',
        ],
      },
      {
        key: true,
        alts: [
          'The credit will appear within {days}, bringing your balance to {balance}.',
          'Expect the money back within {days}; your balance will then be {balance}.',
          'Within {days} your balance will return to {balance}.',
        ],
      },
      {
        alts: [
          'Your reference for this request is {ticket}.',
          'I logged this as {ticket}.',
          'For your records, the case number is {ticket}.',
        ],
      },
      {
        alts: [
          'This ⟨will|will not⟩ affect your credit score.',
          'Your credit score ⟨will be|won’t be⟩ affected by this.',
          '⟨There will be an impact|There is no impact⟩ on your credit score.',
        ],
      },
      {
        alts: [
          'The change was recorded by {bank} on {on}.',
          '{bank} processed the adjustment on {on}.',
          'On {on}, {bank} recorded the adjustment.',
        ],
      },
      {
        alts: [
          'To avoid future fees you ⟪must|can⟫ set up a low-balance alert in the app.',
          'Setting up a low-balance alert ⟪is required|is an option⟫ to avoid this next time.',
          'You ⟪need to|may⟫ turn on low-balance alerts [so this does not happen again|to prevent another fee].',
        ],
      },
    ],
    short: [
      'Done: the {fee} fee is waived; it will be back within {days} (case {ticket}).',
      'Waived {fee}. Balance {balance} within {days}. Ref {ticket}.',
    ],
    extras: [
      'I understand how frustrating unexpected fees can be.',
      'Thank you for banking with us.',
      'You can follow the status of your request in the app.',
    ],
    claims: [
      'Note that only one fee waiver is allowed per calendar year.',
      'Your overdraft limit has also been reduced to $100.',
      'A $5 processing charge applies to every waiver.',
      'Future overdraft fees cannot be waived on this account type.',
    ],
  },
  {
    domain: 'banking',
    slots: (r) => ({
      rate: percent(pick(r, [3, 4, 5, 2])),
      min: money(pick(r, [500, 1000, 250, 2500])),
      term: count(pick(r, [6, 12, 18, 24]), 'month'),
      phone: contact(pick(r, ['+1 415 555 0134', '+1 415 555 0199', '+1 415 555 0172']), [
        '+1 415 555 0134',
        '+1 415 555 0199',
        '+1 415 555 0172',
      ]),
      partner: name(pick(r, banks), banks),
      start: date(1 + Math.floor(r.next() * 11), 1 + Math.floor(r.next() * 27)),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'The fixed-term savings account pays {rate} a year for {term}.',
          'For a {term} term, the savings account earns {rate} annually.',
          'You would earn {rate} per year over {term}.',
        ],
      },
      {
        key: true,
        alts: ['The minimum deposit is {min}.', 'You need at least {min} to open it.', 'Opening it takes a deposit of {min} or more.'],
      },
      {
        alts: ['The offer starts on {start}.', 'This rate is available from {start}.', 'From {start}, new accounts get this rate.'],
      },
      {
        alts: [
          'Withdrawals before the end of the term ⟨are|are not⟩ allowed.',
          'You ⟨can|cannot⟩ withdraw money before the term ends.',
          'Early withdrawals ⟨are possible|are not possible⟩ during the term.',
        ],
      },
      {
        alts: [
          'The account is held with our partner {partner}.',
          '{partner}, our partner bank, holds the deposit.',
          'Deposits are held by {partner}.',
        ],
      },
      {
        alts: [
          'To open one you ⟪must|can⟫ call us on {phone}.',
          'Call {phone} to open an account; this ⟪is required|is one option⟫.',
          'You ⟪have to|may⟫ phone {phone} to get started.',
        ],
      },
    ],
    short: ['{rate} a year for {term}, minimum {min}; call {phone}.', 'It pays {rate}/year over {term} with a {min} minimum.'],
    extras: [
      'Savings accounts like this suit money you will not need soon.',
      'Rates are reviewed regularly.',
      'I am happy to compare it with our other accounts.',
    ],
    claims: [
      'Interest is taxed at 20% before it is paid out.',
      'A monthly maintenance fee of $4 applies to this account.',
      'Only existing customers are eligible for this rate.',
      'The rate can be lowered at any time during the term.',
    ],
  },
  {
    domain: 'health',
    slots: (r) => ({
      clinic: name(pick(r, clinics), clinics),
      doctor: name(pick(r, doctors), doctors),
      day: date(1 + Math.floor(r.next() * 11), 2 + Math.floor(r.next() * 26)),
      at: clock(8 + Math.floor(r.next() * 9), pick(r, [0, 30])),
      ref: code(`APT-${Math.floor(r.next() * 900000 + 100000)}`),
      copay: money(pick(r, [20, 25, 30, 40])),
      early: duration(pick(r, [10, 15, 20]), 'minute'),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your appointment with {doctor} at {clinic} is on {day} at {at}.',
          'I booked you in with {doctor} on {day}, {at}, at {clinic}.',
          'You are seeing {doctor} at {clinic} on {day} at {at}.',
        ],
      },
      {
        alts: ['Your confirmation number is {ref}.', 'The booking reference is {ref}.', 'Keep {ref} as your confirmation.'],
      },
      {
        alts: [
          'You ⟨need|don’t need⟩ a referral for this visit.',
          'A referral ⟨is needed|isn’t needed⟩ for this appointment.',
          '⟨This visit requires a referral|No referral is required for this visit⟩.',
        ],
      },
      {
        alts: ['Your copay is {copay}.', 'The visit has a copay of {copay}.', 'Expect a {copay} copay at the desk.'],
      },
      {
        alts: [
          'Please arrive {early} early to fill in the forms.',
          'Plan to be there {early} before your slot for paperwork.',
          'Arriving {early} ahead gives you time for the forms.',
        ],
      },
      {
        alts: [
          'Cancellations ⟪must|can⟫ be made at least 24 hours in advance.',
          'You ⟪have to|can⟫ cancel up to 24 hours before the visit.',
          'If plans change, ⟪you must cancel|you can cancel⟫ 24 hours ahead.',
        ],
      },
    ],
    short: ['Booked: {doctor}, {clinic}, {day} at {at} ({ref}).', 'See {doctor} on {day} at {at}, {clinic}. Confirmation {ref}.'],
    extras: ['Bring a list of any medications you take.', 'We look forward to seeing you.', 'Parking is available behind the building.'],
    claims: [
      'You must fast for 12 hours before the appointment.',
      'A $50 fee is charged for missed appointments.',
      'Only patients under 65 can be seen at this clinic.',
      'The doctor will not be able to prescribe medication at this visit.',
    ],
    varying: { slot: 'early', values: (r) => duration(pick(r, [10, 15, 20]), 'minute') },
  },
  {
    domain: 'health',
    slots: (r) => ({
      lab: name(pick(r, clinics), clinics),
      results: range(2, pick(r, [3, 4, 5]), 'days'),
      portal: contact('https://portal.example-health.org/results', [
        'https://portal.example-health.org/results',
        'https://portal.example-health.org/labs',
        'https://myhealth.example.org/results',
      ]),
      fast: duration(pick(r, [8, 10, 12]), 'hour'),
      opens: clock(pick(r, [7, 8]), pick(r, [0, 30])),
      day: weekday(Math.floor(r.next() * 5)),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your blood test is at {lab}, which opens at {opens}.',
          '{lab} runs the blood test; doors open at {opens}.',
          'Go to {lab} for the blood draw, open from {opens}.',
        ],
      },
      {
        key: true,
        alts: ['Please fast for {fast} before the test.', 'Do not eat for {fast} beforehand.', 'You should fast {fast} ahead of the draw.'],
      },
      {
        alts: ['Results usually take {results}.', 'Expect results in {results}.', 'It takes {results} for the results to come back.'],
      },
      {
        alts: ['You can see them at {portal}.', 'They will be posted at {portal}.', 'Check {portal} for the results.'],
      },
      {
        alts: [
          'Water ⟨is|is not⟩ allowed while fasting.',
          'You ⟨may|may not⟩ drink water during the fast.',
          'Drinking water ⟨is fine|is not allowed⟩ before the test.',
        ],
      },
      {
        alts: [
          'Walk-ins on {day} ⟪must|can⟫ take a number at reception.',
          'On {day}, walk-in patients ⟪need to|may⟫ take a ticket at reception.',
          'If you come on {day} without a booking, you ⟪have to|can⟫ take a number at the desk.',
        ],
      },
    ],
    short: ['{lab}, from {opens}; fast {fast}; results in {results} at {portal}.', 'Fast {fast}, go to {lab} (opens {opens}).'],
    extras: [
      'Wear a shirt with sleeves that roll up easily.',
      'Most people find the test quick and painless.',
      'Thanks for taking care of your health.',
    ],
    claims: [
      'Results are only shared by post, never online.',
      'Each test costs $75 unless your plan covers it.',
      'You must bring a urine sample from the morning of the test.',
      'Children under 12 are not tested at this location.',
    ],
  },
];
