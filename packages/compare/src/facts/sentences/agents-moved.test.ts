import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const moved = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('an action moved between the service and the reader in a reworded answer', () => {
  it('is a flip where the service did it and the reader now does, or the other way round', () => {
    expect(
      moved(
        'Our technicians mount the television on the wall and hide the cables. The bracket is $45.',
        'The bracket costs $45. Wall mounting is a job for yourselves, using the template in the box.',
      ).join(),
    ).toContain('the service → the reader');
    expect(
      moved(
        'Hikers bring their own sleeping bags to the hut. Dinner and breakfast are served at the hut.',
        'Sleeping bags are provided in the hut, and dinner and breakfast are served there.',
      ).join(),
    ).toContain('the reader → the service');
    expect(moved('Return postage is on us: use the label in the parcel.', 'Postage for returns is at your own expense.').join()).toContain(
      'the service → the reader',
    );
    // What "isn't provided" leaves to the reader.
    expect(
      moved(
        'Parking permits aren’t provided with the booking. The tour runs for three hours.',
        'The tour runs for three hours, and our staff arrange your parking permit before you arrive.',
      ).join(),
    ).toContain('the reader → the service');
    // "…is your job".
    expect(
      moved(
        'Emptying the shelves is your job, the day before the fitting. The new units take a day to fit.',
        'The new units take a day to fit, and our fitters empty the shelves for you first.',
      ).join(),
    ).toContain('the reader → the service');
    // "…with our own ladders": the service brings it.
    expect(
      moved(
        'You’ll need to provide a ladder tall enough for the gutters.',
        'Our fitters arrive with our own ladders for the gutters.',
      ).join(),
    ).toContain('the reader → the service');
    // What a price includes is the service's to provide.
    expect(
      moved(
        'The rental fee includes a helmet. Rides start at the barn.',
        'Rides start at the barn, and helmets are yours to bring.',
      ).join(),
    ).toContain('the service → the reader');
    // A request ("Please …") is the reader's task.
    expect(
      moved(
        'Please return the room keys to the front desk at checkout. Late checkout is $20.',
        'Late checkout costs $20. Our housekeeper collects the room keys from your room at checkout.',
      ).join(),
    ).toContain('the reader → the service');
  });

  it('is no flip where both say the same side, a price is free, or a possibility is the reader’s', () => {
    // The word that says who ("provided") is not what the action is about.
    expect(
      moved('Towels and lockers are provided at the pool.', 'Towels and lockers are provided at the pool; goggles aren’t provided.').filter(
        (m) => m.includes('the reader'),
      ),
    ).toEqual([]);
    expect(
      moved(
        'Our team installs the dishwasher and takes the old one away.',
        'The installation is done by our team, and the old dishwasher is removed too.',
      ),
    ).toEqual([]);
    expect(moved('Delivery of the sofa is included at no extra charge.', 'We deliver the sofa for you.')).toEqual([]);
    expect(
      moved('You collect the prints from the counter the next day.', 'The prints can be collected from the counter the next day.'),
    ).toEqual([]);
  });

  it('is noise where a baseline puts the action on the candidate’s side', () => {
    expect(
      moved('We book the ferry crossing for you.', 'Ferry crossings are booked by you.', ['You book the ferry crossing yourself.']),
    ).toEqual([expect.stringContaining('(noise)')]);
  });

  it('is no noise where the baseline’s stretch restates the original’s claim more closely than the candidate’s', () => {
    const original = 'Strings that break are replaced free, but a cracked body is repaired at your cost unless you have the insurance.';
    const candidate = 'We replace broken strings, and cracks in the body are covered as well.';
    // The baseline's condition ("if you aren't insured") reads its stretch as the service's; its
    // words are the original's claim (repair, expense, insurance), not the candidate's.
    expect(
      moved(original, candidate, [
        "Broken strings are replaced at no charge; a cracked body is repaired at your expense if you aren't insured.",
      ]),
    ).toEqual([expect.not.stringContaining('(noise)')]);
  });
});
