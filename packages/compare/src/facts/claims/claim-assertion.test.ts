import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { asserts } from './claim-assertion.js';

const clause = (s: string) => {
  const c = factSheet(s).clauses[0];
  if (c === undefined) throw new Error(`no clause in ${s}`);
  return c;
};

describe('asserts: words that commit only in one sense', () => {
  it('reads "fine" after a verb of being or feeling as how someone is, not a penalty', () => {
    for (const s of ['Our staff can make sure you feel fine.', 'Most people feel fine within the hour.', 'Either time is fine by us.'])
      expect(asserts(clause(s)), s).toBe(false);
    // The noun is money.
    for (const s of ['You will pay a fine for late returns.', 'Late returns carry a fine.', 'The fine is waived for seniors.'])
      expect(asserts(clause(s)), s).toBe(true);
  });

  it('reads "only" before a vague small amount as how little, not a restriction', () => {
    for (const s of [
      'The draw itself takes only a few minutes.',
      'It takes only a moment to sign in.',
      'The fitting takes only a little longer.',
    ])
      expect(asserts(clause(s)), s).toBe(false);
    // A restriction to someone or something is still a claim.
    for (const s of [
      'Only members can book the courts.',
      'The lounge is for business travellers only.',
      'Only a few seats are eligible for upgrades.',
    ])
      expect(asserts(clause(s)), s).toBe(true);
  });
});

describe('asserts: what happens next and what is covered', () => {
  it('reads "will follow" as an event promised, "will follow up" as keeping the customer informed', () => {
    expect(asserts(clause('A reception with light refreshments will follow in the family lounge.'))).toBe(true);
    expect(asserts(clause('Our team will follow up by email tomorrow.'))).toBe(false);
  });

  it('reads a guarantee in any form ("guaranteed for life") as a commitment', () => {
    for (const s of ['The steel frame is guaranteed for life.', 'Every repair comes with a guarantee.'])
      expect(asserts(clause(s)), s).toBe(true);
  });

  it('reads what is covered ("covered by your insurance", "coverage") as an entitlement', () => {
    for (const s of ["The repair is covered by your homeowner's insurance.", 'Your plan gives full coverage for the glasses.'])
      expect(asserts(clause(s)), s).toBe(true);
  });
});

describe('asserts: "feel free to" names no price', () => {
  it('reads "free" in "feel free to" as an invitation, "free" of a price as a commitment', () => {
    expect(asserts(clause('Feel free to bring a friend along to the tasting evening.'))).toBe(false);
    expect(asserts(clause('A friend can join the tasting evening for free.'))).toBe(true);
  });
});

describe('asserts: what a class of people or things named may do', () => {
  it('reads "<people> can <act>" as a permission the service grants', () => {
    for (const s of [
      'Members can book bays up to a month ahead.',
      'Season ticket holders can park in the staff car park.',
      'Children under five can ride on a parent’s lap.',
    ])
      expect(asserts(clause(s)), s).toBe(true);
  });

  it('leaves a pronoun subject, a state, a change or a likelihood alone', () => {
    for (const s of [
      'Prices can vary between the summer and winter seasons.',
      'The weather on the hill can change very quickly.',
      'Parking near the harbour can be tricky at weekends.',
      'Beginners can feel a little sore the next morning.',
      'It can take a couple of tries to get the hang of it.',
      'Regular stretching can help with sore shoulders.',
      'Good question, via ferrata can sound scarier than it is!',
    ])
      expect(asserts(clause(s)), s).toBe(false);
  });
});
