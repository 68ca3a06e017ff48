import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { bindsUser } from './binds-user.js';

const binds = (text: string): boolean[] => factSheet(text).clauses.map(bindsUser);

describe('bindsUser', () => {
  it('reads a necessity, a charge or a bound as binding the user', () => {
    expect(binds('You must bring photo ID.')).toEqual([true]);
    expect(binds('A $25 restocking fee applies to opened items.')).toEqual([true]);
    expect(binds('The daily limit is $5,000.')).toEqual([true]);
    expect(binds('You have to cancel at least 48 hours ahead.')).toEqual([true]);
    expect(binds('Bookings close no later than 6 pm.')).toEqual([true]);
    expect(binds('Die Kaution beträgt 300 €.')).toEqual([true]);
    expect(binds('Le dépôt de garantie est de 300 €, et des frais de 15 € sont dus.')).toContain(true);
  });

  it('reads a prohibition, a cost, a condition and a bound on a figure as binding the user', () => {
    expect(binds("You can't rebook the same seat for 14 days.")).toEqual([true]);
    expect(binds('Printing a duplicate card costs $8.')).toEqual([true]);
    expect(binds('The quote assumes the boat is moored in a marina.')).toEqual([true]);
    expect(binds('Walk-ins are seated only at the bar.')).toEqual([true]);
    expect(binds('Free shipping applies to orders over $60.')).toEqual([true]);
    expect(binds('Groups of up to 12 people can book the room.')).toEqual([true]);
    expect(binds('Die Expresszustellung kostet 9 €.')).toEqual([true]);
    expect(binds('La recogida se hace solo con cita previa.')).toEqual([true]);
    expect(binds("L'accès est possible sauf le dimanche.")).toEqual([true]);
  });

  it('does not read a freedom or a word of bound before no figure as binding', () => {
    expect(binds("You don't need to print the ticket.")).toEqual([false]);
    expect(binds('There is no charge for the first visit.')).toEqual([false]);
    expect(binds('We are closed over the weekend.')).toEqual([false]);
    expect(binds('Whether you join is up to you.')).toEqual([false]);
  });

  it('does not read a description, an example or "has" as binding', () => {
    expect(binds('The room has a sea view.')).toEqual([false]);
    expect(binds('For example, a three-hour visit comes to $12.')).toEqual([false]);
    expect(binds('At most stations the shop opens at 7.')).toEqual([false]);
  });
});

const returns =
  'Returns are accepted within 30 days of delivery. A $25 restocking fee applies to opened items. Refunds go back to the original card within 5 business days.';
const returnsBaseline =
  'You can return items within 30 days of delivery; opened items carry a $25 restocking fee. The refund reaches the card you paid with in 5 business days.';

// A value every production answer states, dropped with the clause that stated it, in an answer
// about as long as the original: a regression when that clause binds the user.
describe('a dropped clause that binds the user', () => {
  it('names a dropped fee every production answer states', () => {
    const candidate =
      'You can send items back within 30 days of delivery. Your refund goes back to the original card you paid with within 5 business days.';
    expect(judged(returns, candidate, [returnsBaseline])).toEqual([
      'fact_dropped: dropped: "A $25 restocking fee applies to opened items."',
    ]);
  });

  it('names a dropped limit once, however many values the clause stated', () => {
    const original =
      'Transfers between your own accounts are free and arrive at once. Payments to other people are limited to $2,000 a day and 10 payments a month. You can raise the limit in the app.';
    const baseline =
      'Moving money between your own accounts is free and instant. For payments to others the cap is $2,000 daily and 10 payments monthly. The app lets you raise it.';
    const candidate =
      'Moving money between your own accounts is free and arrives at once. You can raise how much you send to other people in the app settings at any time.';
    expect(judged(original, candidate, [baseline])).toEqual([
      'fact_dropped: dropped: "Payments to other people are limited to $2,000 a day and 10 payments a month."',
    ]);
  });

  it('with no baseline, names it only where the other clauses are copied word for word', () => {
    const original =
      'Kayak hire is $30 an hour, including a paddle, a dry bag and a map of the lake. There is a 2-hour minimum on weekends. Life jackets are provided free of charge at the dock, in every size from child to adult.';
    const copied =
      'Kayak hire is $30 an hour, including a paddle, a dry bag and a map of the lake. Life jackets are provided free of charge at the dock, in every size from child to adult.';
    expect(judged(original, copied, [])).toEqual(['fact_dropped: dropped: "There is a 2-hour minimum on weekends."']);
    // Reworded: production's own answers may leave it out too, and none is known.
    const reworded =
      'Kayaks are $30 an hour with a paddle, a dry bag and a lake map included, and we hand out life jackets in every size, child to adult, at the dock for free.';
    expect(judged(original, reworded, [])).toEqual([]);
  });
});

describe('detail a shorter answer may drop stays noise', () => {
  it('an example, a repeated figure, a courtesy', () => {
    const original =
      'Parking costs $4 an hour. A three-hour visit, for example, comes to $12. The deposit is $50, paid at the desk. We refund the $50 deposit when you return the key. Thanks for choosing us!';
    const baseline =
      'Parking is $4 per hour, or $12 for three hours. There is a $50 deposit at the desk, refunded when the key comes back. Thank you for choosing us!';
    const candidate =
      'Parking is $4 an hour, and you pay a $50 deposit at the desk, which we give back as soon as you return the key to us.';
    expect(judged(original, candidate, [baseline])).toEqual([]);
  });

  it('a binding clause whose value a baseline leaves out (production does not always say it)', () => {
    const baseline = 'You can return items within 30 days of delivery, and the refund reaches the card you paid with in 5 business days.';
    const candidate =
      'You can send items back within 30 days of delivery. Your refund goes back to the original card you paid with within 5 business days.';
    expect(judged(returns, candidate, [baseline])).toEqual([]);
  });

  it('a much shorter answer', () => {
    expect(judged(returns, 'Returns within 30 days; refunds in 5 business days.', [returnsBaseline])).toEqual([]);
  });
});
