import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  judged(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

describe('what the original denies, extended to it by "too", "alike", "both", "every" in a reworded answer', () => {
  it('is a flip where the candidate affirms, with an additive or universal word, what a negation of the original governs', () => {
    expect(
      flips(
        'A standard tuning is $140 and takes about 90 minutes. We don’t tune electronic organs, since they never go out of pitch. If the organ hasn’t been tuned in five years, a regulation visit comes first. Please keep the church quiet.',
        'Our tuning runs about 90 minutes for $140. We look after pipe and electronic organs alike. An organ untouched for five years first needs a regulation visit. We ask for a quiet church during the work.',
      ),
    ).toHaveLength(1);
    expect(
      flips(
        'Resoling is $60 for leather and $45 for rubber. We can’t repair boots with moulded plastic soles. Jobs take about a week, and shoes left over 90 days are donated.',
        'Leather resoles cost $60 and rubber ones $45; moulded plastic soles are fine too. Allow roughly a week, and anything left more than 90 days goes to charity.',
      ),
    ).toHaveLength(1);
    expect(
      flips(
        'Rush printing is $30 extra. Rush isn’t available for metallic banners. Proofs are emailed within a day.',
        'Rush printing costs $30 more and covers every banner finish. Proofs arrive by email within a day.',
      ),
    ).toHaveLength(1);
  });

  it('is a flip where an additive word extends the predicate to what the original denies it of (its subject)', () => {
    expect(
      flips(
        'Aerial classes are $28 and limited to six students. You must be 16 or older. Private lessons aren’t available at the moment.',
        'Each aerial class is $28 with up to six students, aged 16 and over. Private lessons can be booked too.',
      ),
    ).toHaveLength(1);
  });

  it('reads the predication that extends on its own, after a comma, where the first says its own negation word', () => {
    expect(
      flips(
        'Prevented planting is covered if a storm keeps you from planting by the final date, but it isn’t available on acreage left unplanted in each of the previous three years.',
        'Prevented planting pays when a storm keeps you from planting by the final date, and that applies to acreage left unplanted in the previous three years too.',
      ).join(),
    ).toContain('acreag');
  });

  it('reads "and so is X" as saying the predicate before again of X', () => {
    expect(
      flips(
        'Bags are moved by van to each hotel. Breakfast is included every day, but dinners are not.',
        'Our van takes your bags to each hotel. Breakfast is included, and so is dinner at each hotel.',
      ).join(),
    ).toContain('dinner');
    expect(
      flips('Breakfast is included every day, but dinners are not.', 'Breakfast is included, but dinners are not, and so is the city tax.'),
    ).toEqual([]);
  });

  it('reads "free" as denying a charge, extended only by a clause that charges', () => {
    expect(
      flips(
        'Courts cost £24 an hour. Racket hire is free for members; guests pay £3.',
        'Courts are £24 an hour. Rackets are £3 for everyone, members and guests alike.',
      ).join(),
    ).toContain('racket');
    expect(
      flips(
        'Courts cost £24 an hour. Racket hire is free for members; guests pay £3.',
        'Courts are £24 an hour. Members and guests alike can hire rackets at the desk; guests pay £3.',
      ),
    ).toEqual([]);
  });

  it('is no flip where the candidate keeps the negation, says it the original’s way elsewhere, or extends what the original affirms', () => {
    // Said negated: a paraphrase.
    expect(
      flips(
        'Classes are $28. We don’t offer private lessons at the moment.',
        'Each class costs $28, and private lessons aren’t on offer for now either.',
      ),
    ).toEqual([]);
    // "every" over what the original affirms ("changes … are free"), its denied word elsewhere.
    expect(
      flips(
        'Jewellery changes within three months are free. We don’t pierce anyone under 16.',
        'Every jewellery change in the first three months is free, and nobody under 16 gets pierced.',
      ),
    ).toEqual([]);
    // The denied word kept negated in another clause of the candidate.
    expect(
      flips(
        'We service pipe organs. We don’t tune electronic organs.',
        'All pipe organs are serviced too. Electronic organs are not something we tune.',
      ),
    ).toEqual([]);
    // "too" of degree ("too young") is no addition.
    expect(
      flips(
        'We don’t take photos of babies under 6 months. Prints are ready in ten minutes.',
        'Babies under 6 months are too young for us to photograph. Prints take ten minutes.',
      ),
    ).toEqual([]);
    // The negation's scope ends at a predication joined after a comma: "every player wears" is the second one's.
    expect(
      flips(
        'Players under 7 aren’t allowed in the arena, and everyone must wear the vest provided. Games last 20 minutes.',
        'You have to be 7 or older to enter the arena, and every player wears one of our vests. Each game is 20 minutes.',
      ),
    ).toEqual([]);
    // A baseline affirms the word: production itself says it both ways.
    expect(
      flips(
        'We can’t repair boots with moulded rubber soles. Jobs take a week.',
        'Moulded rubber soles are fine too. Allow about a week.',
        ['Moulded rubber soles can be repaired on request. Allow a week.'],
      ),
    ).toEqual([]);
  });
});
