import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string): string[] => judged(a, b).filter((d) => d.startsWith('polarity_flip'));

describe('a negation whose predication names a subject the other clause does not name', () => {
  it('is no flip between two reworded clauses', () => {
    // The "never" is the newer vouchers', which the candidate's clause does not speak of.
    expect(
      flips(
        'Vouchers printed before 2023 lapse after 12 months, newer vouchers never lapse.',
        'Your voucher is older, so it lapses 12 months after it was printed.',
      ),
    ).toEqual([]);
    // The "free" is the fitting's; the candidate's clause is about the price of the hire.
    expect(flips('We hire out the roof box for $30 a week, fitted free at our depot.', 'Hire price: $30 per week per roof box.')).toEqual(
      [],
    );
  });

  it('is a flip where the other clause names the subject, or the negation has none of its own', () => {
    expect(
      flips('Helmets are provided for every rider on the trail.', 'Each rider brings a helmet, since the centre has no helmets to lend.'),
    ).not.toEqual([]);
    expect(flips('We repair the frame at no charge.', 'Frame repairs cost $40 at our workshop.')).not.toEqual([]);
  });
});

describe('a negation in the predication that opens its clause', () => {
  it('is a flip though its subject is reworded', () => {
    expect(flips('Refunds are not possible on sale items.', 'We will give your money back on sale items within 14 days.')).not.toEqual([]);
  });
});

describe('a negation after a lead-in the other clause does not speak of', () => {
  it('is a flip', () => {
    expect(
      flips('Tastings happen in the cellar, and guests are welcome to join.', 'For insurance reasons, visitors may not join the tastings.'),
    ).not.toEqual([]);
  });
});

describe('a negation in a joined predication that shows no predicate of its own', () => {
  it('is a flip: the words before it may be the predicate', () => {
    expect(
      flips(
        'The kayak tour costs $60 and includes every paddle except a spray deck.',
        'The tour is $60 and gives you all the gear, a spray deck too.',
      ),
    ).not.toEqual([]);
  });
});
