import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const added = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('added_claim'));

describe('a predication joined after a comma to a reworded clause, claiming what production never says', () => {
  it('is an added claim where it extends what is covered ("every…", "also…") or states a value of its own', () => {
    expect(
      added(
        'Lockers are $30 a month for up to 12 cases. Access is by appointment only. Deliveries from merchants are accepted on weekdays.',
        'For $30 a month a locker takes up to 12 cases. Visits need an appointment. Merchant deliveries come in on weekdays, and every bottle is photographed and logged on arrival.',
      ).join(),
    ).toContain('every bottle is photographed');
    expect(
      added(
        'Dress hire is $95 for the weekend. Return by Monday noon or a late fee of $25 a day applies.',
        'A weekend dress hire costs $95. Bring it back by noon Monday or pay $25 a day late, and a pressing charge of $15 is added on return.',
      ).join(),
    ).toContain('pressing charge');
  });

  it('is an added claim where the part gives something at no charge ("included", "free", "at our expense")', () => {
    expect(
      added(
        'Lawn treatments are $59 per visit, billed after each one. We treat about every 6 weeks from March to October.',
        'Each treatment costs $59, billed after the visit. Treatments come about every 6 weeks between March and October, and fall core aeration is included in the program.',
      ).join(),
    ).toContain('core aeration');
    expect(
      added(
        'Our commission is 35% of gross sales, with a $1,500 minimum. The sale runs over a Friday and Saturday.',
        'We charge 35% commission on gross sales, $1,500 minimum, and a uniformed guard watches the rooms at our expense. The sale runs Friday and Saturday.',
      ).join(),
    ).toContain('uniformed guard');
  });

  it('is an added claim where the part gives money back ("refunded", "credited", "reimbursed", "waived")', () => {
    expect(
      added(
        'Your parcel to Lyon is delayed by the strike. Tracking will update once it is moving again, usually within 48 hours.',
        'The strike has held up your parcel to Lyon. Tracking updates once it moves again, usually within 48 hours, and the delivery charge is refunded to your card without you asking.',
      ).join(),
    ).toContain('delivery charge is refunded');
    // Production gives that money back too: no new claim.
    expect(
      added(
        'Your parcel to Lyon is delayed by the strike. Tracking will update within 48 hours. The delivery charge is refunded to your card.',
        'The strike has held up your parcel to Lyon. Tracking updates within 48 hours, and the delivery charge is refunded to your card.',
      ),
    ).toEqual([]);
  });

  it('is no added claim where the part hedges, explains, restates production or names nothing new', () => {
    // A possibility: an elaboration.
    expect(
      added(
        'Runners pick up their bibs on Friday. The race starts at 8 am.',
        'Bibs are collected on Friday, and every runner can also pick up a free map at the desk. Start time is 8 am.',
      ),
    ).toEqual([]);
    // The part says what another production sentence says, in its words.
    expect(
      added(
        'Tables and chairs are included in the hire price. Every heater is $40 a day.',
        'Tables and chairs come with the hire, and every heater is $40 a day.',
      ),
    ).toEqual([]);
    // No universal, additive word or value: how a longer answer elaborates.
    expect(
      added(
        'Plots are $60 a season. Water is included.',
        'A plot costs $60 for the season, and water is included - there are taps at the end of the rows.',
      ),
    ).toEqual([]);
  });
});
