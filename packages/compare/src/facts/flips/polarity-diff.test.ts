import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from '../polarity/clause-polarity.js';

const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet)).map(
    (d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`,
  );
const modality = (s: string) => clausePolarity(clauseTokens(s)).modality;

describe('the modal scale: must / should / may', () => {
  it('reads advice between necessity and possibility', () => {
    expect(modality('You should bring your own shoes')).toBe('advice');
    expect(modality('Booking ahead is recommended for vehicles')).toBe('advice');
    expect(modality('We strongly advise a backup first')).toBe('advice');
    expect(modality('You must bring your own shoes')).toBe('necessity');
    // Advice beside a permission is a permission: it is not required.
    expect(modality('An alignment is recommended but optional')).toBe('possibility');
  });

  it('reports necessity weakened to advice and advice weakened to a permission', () => {
    expect(facts('Both signers must bring a photo ID.', 'Both signers should bring a photo ID.')).toEqual([
      'modality_change: must bring a photo → should bring a photo',
    ]);
    expect(facts('Life jackets must be worn on the water.', 'Life jackets are recommended on the water.')).toHaveLength(1);
    expect(facts('You should bring your own pedals.', 'You may bring your own pedals.')).toEqual([
      'modality_change: should bring your own → may bring your own',
    ]);
  });

  it('takes a request as strong as advice: "please bring" and "you should bring" agree', () => {
    expect(facts('Please bring your cycling shoes.', 'You should bring your cycling shoes.')).toEqual([]);
  });

  it('reads a permission restricted by "only" as a rule, not a permission ("allowed only in the rings")', () => {
    expect(modality('Campfires are allowed only in the metal fire rings')).toBe(null);
    expect(modality('You can only pay by card')).toBe(null);
    expect(facts('Campfires are allowed only in the metal fire rings.', 'Fires have to stay in the metal fire rings.')).toEqual([]);
    // Without "only" it is a permission, and the change to a rule is one.
    expect(facts('Campfires are allowed in the metal fire rings.', 'Campfires have to stay in the metal fire rings.')).toHaveLength(1);
  });

  it('lifts a necessity whose subject a negative determiner denies ("No referral is required")', () => {
    expect(modality('No referral is required for this visit')).toBe('possibility');
    expect(facts('You do not need a referral for this visit.', 'No referral is required for this visit.')).toEqual([]);
  });
});

describe('baselines and modality', () => {
  it('does not let a flip production varies on hide a change of modality it does not vary on', () => {
    const original = 'You may turn on low-balance alerts so this does not happen again.';
    const baseline = 'You may turn on low-balance alerts to prevent another fee.';
    const candidate = 'You need to turn on low-balance alerts to prevent another fee.';
    expect(facts(original, candidate, [baseline]).filter((d) => d.startsWith('modality_change:'))).toHaveLength(1);
  });

  it('judges the modality by the baselines where the original states none', () => {
    const original = 'Call +1 415 555 0134 to open an account with the branch team.';
    const baseline = 'To open an account with the branch team you can call +1 415 555 0134.';
    const candidate = 'To open an account with the branch team you must call +1 415 555 0134.';
    expect(facts(original, candidate, [baseline]).filter((d) => d.startsWith('modality_change:'))).toHaveLength(1);
    expect(facts(original, baseline.replace('can', 'may'), [baseline])).toEqual([]);
  });
});

describe('one-word claims', () => {
  const flips = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.severity === 'high')
      .map((d) => d.kind);

  it('compares a claim of one content word with the same word negated', () => {
    expect(flips('Cancellations are free.', 'Cancellations are not free.')).toEqual(['polarity_flip']);
    expect(flips('You need a referral.', "You don't need a referral.")).toEqual(['polarity_flip']);
  });

  it('leaves two one-word claims about different things alone', () => {
    expect(flips('Cancellations are free.', "Parking isn't free.")).not.toContain('polarity_flip');
  });
});

describe('a value anchors a clause to its sentence', () => {
  it('does not judge a clause by a baseline sentence that shares its words but not its value', () => {
    // "Your annual paid vacation is 25 days" says what "…twenty-five days of paid holiday" says; the
    // baseline's "remaining vacation is not paid out" shares two words with it and no value.
    const original = 'Each year you are entitled to twenty-five days of paid holiday. If you resign, remaining vacation is not paid out.';
    const baseline = 'If you resign, remaining vacation is not paid out.';
    expect(facts(original, 'Your annual paid vacation is 25 days.', [baseline])).toEqual([]);
    expect(
      facts(original, 'Your annual paid vacation is 25 days. Unused days are not paid when you resign.', [
        'Each year you are entitled to twenty-five days of paid holiday. If you resign, remaining vacation is not paid out.',
      ]),
    ).toEqual([]);
  });

  it('still reads the baseline sentence that states the value', () => {
    const original = 'You get twenty-five days of paid holiday. Unused vacation is not paid out.';
    const baseline = 'Unused vacation of 5 days is not paid out.';
    expect(facts(original, 'Unused vacation of 5 days is paid out.', [baseline]).some((d) => d.startsWith('polarity_flip'))).toBe(true);
  });
});

describe('encouragement worded with a negation', () => {
  it('reads "don\'t hesitate to" and "don\'t worry" as no negation and no prohibition', () => {
    const original = 'Repairs in the first year are free of charge.';
    expect(
      facts(
        original,
        'Small issues are common at first, so please do not hesitate to call us - repairs in the first year are free of charge.',
      ),
    ).toEqual([]);
    expect(facts(original, "Don't worry - repairs in the first year are free of charge.")).toEqual([]);
    expect(modality("Please don't hesitate to call us")).toBe(null);
    // A real negation beside it still counts.
    expect(facts(original, "Please don't hesitate to call us - repairs in the first year are not free of charge.")).toHaveLength(1);
  });
});

describe('one pole of price worded with and without a negation', () => {
  it('reads "aren\'t covered by that price" and "is extra" as one claim, not a flip', () => {
    const original = "A dental cleaning for a dog is $310. Extractions aren't covered by that price and are charged per tooth.";
    expect(facts(original, 'A dog dental cleaning is $310. Tooth extractions are extra and priced tooth by tooth.')).toEqual([]);
    // The other pole is still a flip.
    expect(facts(original, 'A dog dental cleaning is $310. Extractions are covered by that price.')).toHaveLength(1);
    expect(facts('Breakfast is included in the rate.', 'Breakfast is charged separately.')).toHaveLength(1);
  });
});
