import { describe, expect, it } from 'vitest';
import { factSheet } from '../src/facts/clauses/fact-sheet.js';
import { diffFacts } from '../src/facts/fact-diff.js';

const kinds = (original: string, candidate: string, baselines: string[] = []) =>
  diffFacts(factSheet(original), factSheet(candidate), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'added_claim')
    .map((d) => `${d.kind}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('an item moved between what is allowed and what is not', () => {
  const rules = 'Guests may use the pool and the sauna after 6 p.m., but towels, glassware and loud music are not permitted on the deck.';
  const moved =
    'Guests may use the pool and the sauna after 6 p.m., and glassware is fine too, but towels and loud music are not permitted on the deck.';

  it('reads an item dropped from a prohibited list and named in the permission as a flip', () => {
    expect(kinds(rules, moved)).toEqual(['polarity_flip']);
    // No additive word: the rest of the list kept on its side, the item gone from it.
    const listed =
      'Guests may use the pool, the sauna and glassware after 6 p.m., but towels and loud music are not permitted on the deck.';
    expect(kinds(rules, listed)).toEqual(['polarity_flip']);
  });

  it("takes the move as production varying where a baseline names the item on the candidate's side", () => {
    const baseline = 'After 6 p.m. the pool, the sauna and glassware are fine, but towels and loud music are not permitted on the deck.';
    expect(kinds(rules, moved, [baseline])).toEqual(['polarity_flip (noise)']);
  });

  it('reads an excluded item named as included in the clause that grants the rest as a flip', () => {
    const original =
      'Every membership covers the gym floor and group classes. We do not cover personal training sessions, but every other service is included for $40 a month.';
    const candidate =
      'Every membership covers the gym floor and group classes. Every service, personal training sessions included, is covered for $40 a month.';
    expect(kinds(original, candidate)).toEqual(['polarity_flip']);
  });

  it('reads an item said in a negated clause in both answers, or reordered, as no flip', () => {
    const reordered =
      'Towels, glassware and loud music are not permitted on the deck, but guests may use the pool and the sauna after 6 p.m.';
    expect(kinds(rules, reordered)).toEqual([]);
    const split =
      'Guests may use the pool and the sauna after 6 p.m. Towels are not permitted on the deck, and neither are glassware or loud music.';
    expect(kinds(rules, split)).toEqual([]);
  });

  it('leaves "only" and "except" constructions to the other rules: an exception names the item on the other side', () => {
    const original = 'We do not offer samples of the reserve wines, but every other wine can be sampled for $4 a glass.';
    const except = 'Every wine except the reserve wines can be sampled for $4 a glass.';
    expect(kinds(original, except)).toEqual([]);
  });

  it('takes a baseline that names the item on the opposite pole as the original’s side, not the candidate’s', () => {
    const original = "The evening course is $320 for ten weeks. Course books are included, but the exam fee of $90 isn't.";
    const candidate = 'The evening course is $320 for ten weeks. Course books and the exam fee are included.';
    // "is extra" keeps the fee out of the price with no negation: production does not vary on it.
    expect(kinds(original, candidate, ['Our ten-week evening course costs $320, books included. The $90 exam fee is extra.'])).toEqual([
      'polarity_flip',
    ]);
    // A baseline that includes the fee too still excuses it.
    expect(kinds(original, candidate, ['The ten-week evening course is $320; books and the $90 exam fee are included.'])).toEqual([
      'polarity_flip (noise)',
    ]);
  });
});
