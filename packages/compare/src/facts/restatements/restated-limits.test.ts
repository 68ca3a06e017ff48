import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// One limit or one group said from the other side, and what an "and" joins: each is the same claim,
// and a limit or a group changed is still a change.
describe('an age floor said as a minimum or as "over-Ns"', () => {
  it('reads "the minimum <noun> age is N" as the floor a denial under N says', () => {
    expect(judged('We do not rent kayaks to anyone under 16.', 'Our minimum rental age is 16.')).toEqual([]);
    expect(judged('We do not rent kayaks to anyone under 16.', 'Our minimum rental age is 14.')).not.toEqual([]);
  });

  it('reads "over-Ns" as the floor at N ("only sells to over-18s")', () => {
    expect(judged("The shop doesn't sell fireworks to anyone under 18.", 'The shop only sells fireworks to over-18s.')).toEqual([]);
    expect(judged("The shop doesn't sell fireworks to anyone under 18.", 'The shop sells fireworks to under-18s.')).not.toEqual([]);
  });
});

describe('a group of an item set apart by a bound', () => {
  it('does not move an item whose part is priced apart ("Hampers over $60 ship free" / "smaller hampers pay $5.50")', () => {
    expect(
      judged(
        'Hampers over $60 ship free; below that, delivery is $5.50.',
        'Spend more than $60 and delivery costs nothing; smaller hampers pay $5.50.',
      ),
    ).toEqual([]);
    // The whole item moved is still a change.
    expect(
      judged('Hampers ship free; gift cards cost $5.50 to post.', 'Hampers pay $5.50 delivery; gift cards cost $5.50 to post.'),
    ).not.toEqual([]);
  });
});

describe('an "and" that joins two predicates, not two items', () => {
  it('does not read a noun before "and can\'t …" as an item of a list moved across', () => {
    const original =
      "Sponsoring a puppy costs $25 a year and you'll receive a photo, a certificate and two letters. Sponsorships are symbolic: the puppy stays at the kennel and can't be taken home.";
    expect(
      judged(
        original,
        "Sponsoring a puppy costs $25 a year, and you'll receive a photo, a certificate and two letters with news from the kennel. Sponsorships are symbolic: your puppy stays here with its litter and can't be taken home.",
      ),
    ).toEqual([]);
    // An item of a list moved across is still a flip.
    expect(
      judged(
        'Guests may use the pool and the sauna after 6 p.m., but towels, glassware and loud music are not permitted on the deck.',
        'Guests may use the pool and the sauna after 6 p.m., and glassware is fine too, but towels and loud music are not permitted on the deck.',
      ),
    ).not.toEqual([]);
  });
});
