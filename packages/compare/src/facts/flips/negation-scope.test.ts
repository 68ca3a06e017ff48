import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens, splitClauses } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from '../polarity/clause-polarity.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map(
    (d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`,
  );
const negated = (s: string) => clausePolarity(clauseTokens(s)).negated;

describe('negative determiners and their scope', () => {
  it('counts "neither … nor" and "not … nor" as one negation', () => {
    expect(negated('Neither the frames nor the coating are covered')).toBe(true);
    expect(negated('The frames are not covered nor reimbursed')).toBe(true);
  });

  it('splits an elided negative clause off ("…, and neither is the coating")', () => {
    expect(splitClauses("The frames aren't covered, and neither is the coating.").map((c) => c.text)).toEqual([
      "The frames aren't covered",
      'and neither is the coating.',
    ]);
    expect(
      facts(
        'The frames are covered by your plan, but the coating is not.',
        "The frames aren't covered by your plan, and neither is the coating.",
      ),
    ).toHaveLength(1);
  });

  it('reads "with no …" and "without …" as denying their phrase, not the clause', () => {
    // The paraphrase says the hookup in a clause of its own: the first clause is no flip.
    expect(
      facts('Site 42 is a tent-only pitch with no electric hookup.', 'Site 42 is a tent-only pitch. It has no electric hookup.').filter(
        (d) => d.startsWith('polarity_flip'),
      ),
    ).toEqual([]);
    expect(facts('Return the old laptop to the desk without wiping it.', 'Bring the old laptop back to the desk.')).toEqual([]);
    // Where the other clause says what the phrase denies, it is a flip.
    expect(
      facts('Site 42 is a tent-only pitch with no electric hookup.', 'Site 42 is a tent-only pitch with an electric hookup.'),
    ).toHaveLength(1);
  });
});

describe('a negation bears on the word it governs', () => {
  const flips = (a: string, b: string, baselines: string[] = []) => facts(a, b, baselines).filter((d) => d.startsWith('polarity_flip'));

  it('is no flip where the other clause does not say the negated word and says the thing its own way', () => {
    expect(
      flips(
        "Please don't feed her for 8 hours before the visit, since we'll draw blood.",
        'Please hold her food for 8 hours before the visit because we will draw blood.',
      ),
    ).toEqual([]);
    expect(flips('We can make the cake gluten-free.', 'A gluten-free cake is no problem.')).toEqual([]);
    expect(flips('Please fast for 10 hours before the test.', 'Do not eat for 10 hours before the test.')).toEqual([]);
  });

  it('is a flip where the other clause says it, inflected or in another word of price, or has no word of its own', () => {
    expect(
      flips('The company pays for unused days when you leave.', 'The company does not pay for unused days when you leave.'),
    ).toHaveLength(1);
    expect(flips('Changing the date does not cost a fee on this fare.', 'On this fare, a date change is charged.')).toHaveLength(1);
    expect(flips('Do not try to make him vomit at home.', 'You should make him vomit at home.')).toHaveLength(1);
    expect(flips('Our kitchen is not nut-free.', 'Our kitchen is nut-free.')).toHaveLength(1);
  });

  it('reads "free for …" as about whom it is free for', () => {
    const original = 'Admission is $18 for adults and free for children under 12.';
    expect(flips(original, 'Adults pay $18.')).toEqual([]);
    expect(flips(original, 'Adult tickets cost $18.')).toEqual([]);
    expect(flips('Admission is free for children under 12.', 'Admission is not free for children under 12.')).toHaveLength(1);
    expect(flips('Admission is free for children under 12.', 'Children under 12 pay $5 for admission.')).toHaveLength(1);
  });

  it("lets the baselines that say it in the candidate's words judge a negation the original words differently", () => {
    const original = 'There will be an impact on your credit score.';
    const candidate = "Your credit score won't be affected by this.";
    // Alone, "an impact" and "won't be affected" are two wordings the rules cannot read against each other.
    expect(flips(original, candidate)).toEqual([]);
    expect(
      flips(original, candidate, ['Your credit score will be affected by this.', 'There will be an impact on your credit score.']),
    ).toEqual(["polarity_flip: will be affected by → won't be affected by"]);
  });
});

describe('baselines excuse a flip only by saying it the other way', () => {
  it('keeps a flip where the baseline words the claim in a way the rules cannot read against the candidate', () => {
    const original = 'Each year you retire before 65 reduces your monthly payment by 5%.';
    const baseline = 'For every year before 65, the monthly payment drops by 5%.';
    const candidate = 'Each year you retire before 65 increases your monthly payment by 5%.';
    expect(facts(original, candidate, [baseline])).toEqual([
      'polarity_flip: reduces your monthly payment → increases your monthly payment',
    ]);
    // A baseline that does say it the candidate's way still excuses it.
    expect(facts(original, candidate, ['Each year you retire before 65 increases your monthly payment by 5%, sadly.'])).toEqual([
      'polarity_flip (noise): reduces your monthly payment → increases your monthly payment',
    ]);
  });
});

describe('the clause of the other polarity about the same thing', () => {
  it('compares it where no clause of the original says the candidate clause closely', () => {
    const original = 'If Max ate some, call the Pet Poison Helpline right away. Do not try to make him vomit unless a vet tells you to.';
    const candidate =
      'If Max ate some, call the Pet Poison Helpline right away. You should make him vomit right away with hydrogen peroxide before calling.';
    expect(facts(original, candidate).filter((d) => d.startsWith('polarity_flip'))).toHaveLength(1);
  });

  it('leaves a clause alone that an original clause says closely', () => {
    const original = 'The telescope dome is not wheelchair accessible, but the lecture hall is.';
    const candidate = 'The lecture hall is wheelchair accessible, but the telescope dome is not.';
    expect(facts(original, candidate)).toEqual([]);
  });
});

describe('negations of other languages', () => {
  it('reads French, German, Spanish and Portuguese negations', () => {
    expect(negated('Les tabliers ne sont pas fournis.')).toBe(true);
    expect(negated('Die Schürzen sind nicht inbegriffen.')).toBe(true);
    expect(negated('Nunca compartimos sus datos.')).toBe(true);
    expect(negated('Não é necessário agendar.')).toBe(true);
    expect(
      facts('Les tabliers sont fournis, ingrédients compris.', 'Les tabliers ne sont pas fournis, ingrédients compris.').filter((d) =>
        d.startsWith('polarity_flip'),
      ),
    ).toHaveLength(1);
  });
});

describe('a lifted necessity bears on what it lifts', () => {
  const flips = (a: string, b: string, baselines: string[] = []) =>
    facts(a, b, baselines).filter((d) => d.startsWith('polarity_flip') && !d.includes('(noise)'));

  it('is no flip against a clause that says nothing of the lifted act', () => {
    expect(flips('You do not need to bring your own laptop.', 'A laptop will be provided for you.')).toEqual([]);
    expect(flips('Bringing a personal laptop is not necessary.', 'A laptop will be provided for you.')).toEqual([]);
  });

  it('is no flip against a clause that grants the permission in words of its own', () => {
    expect(flips('Your insurance card is not needed.', 'You can leave your insurance card at home.')).toEqual([]);
    expect(
      flips(
        "You don't need to bring your insurance card, but please bring a photo ID.",
        'Please bring a photo ID. You can leave your insurance card at home.',
        ["Your insurance card isn't needed; a photo ID is."],
      ),
    ).toEqual([]);
  });

  it('is a flip against a clause that says it', () => {
    expect(flips('You do not need to bring your own laptop.', 'Bring your own laptop.')).toHaveLength(1);
    expect(flips('A referral is not required for the visit.', 'A referral is required for the visit.')).toHaveLength(1);
  });
});

describe('a baseline excuses a flip only by saying the opposite of what the original negates', () => {
  it('is not excused by a baseline that leaves the negated phrase out', () => {
    expect(
      facts('Site 42 is a tent-only pitch with no electric hookup.', 'Site 42 is a tent-only pitch with an electric hookup.', [
        'Site 42 is for tents only.',
      ]),
    ).toEqual(['polarity_flip: no electric hookup → an electric hookup']);
  });
});

describe('a negation of a second predicate', () => {
  it('is no flip against a clause that says only the first ("…for two guests and doesn\'t have a balcony" / "…for two guests")', () => {
    expect(facts('Room 4 is for two guests and does not have a balcony.', 'Room 4 is for two guests.')).toEqual([]);
    expect(
      facts('Site 9 is a tent-only pitch with no electric hookup.', 'Site 9 is tent-only, and there is no electricity at the pitch.', [
        'Site 9 is for tents only and does not have power.',
      ]),
    ).toEqual([]);
  });

  it('is still a flip against a clause that says the second predicate the other way', () => {
    expect(facts('Room 4 is for two guests and does not have a balcony.', 'Room 4 is for two guests and has a balcony.')).toHaveLength(1);
  });
});

describe('a negated first predicate the other clause leaves out', () => {
  const original =
    "A standard setup is $75 and takes 3 working days. Fret levelling isn't part of it and costs $120 extra if needed. We don't work on instruments with active pickups.";

  it('is no flip where the other says the subject and the second predicate only', () => {
    expect(
      facts(original, 'Setup: $75, 3 working days. Fret levelling +$120. No active-pickup instruments.').filter((d) =>
        d.startsWith('polarity_flip'),
      ),
    ).toEqual([]);
  });

  it('still flips where the other says the negated predicate the other way', () => {
    expect(
      facts(
        original,
        "A standard setup is $75 and takes 3 working days. Fret levelling is part of it and costs $120 extra if needed. We don't work on instruments with active pickups.",
      ).some((d) => d.startsWith('polarity_flip')),
    ).toBe(true);
  });
});
