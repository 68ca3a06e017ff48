import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { alsoAdds } from './also-adds.js';

const original = 'Microchipping is $25 and takes a few minutes. Registration with the national database is included.';

describe('"also" before a verb of action, adding what production never names', () => {
  it('is an added claim in a reworded answer, said by the service, the speaker or a thing', () => {
    for (const added of [
      'The chip also unlocks our pet doors.',
      'I’ll also give you a printed collar tag.',
      'We also trim claws while you wait.',
    ])
      expect(
        judged(original, `Chipping costs $25 and only takes minutes. ${added} National database registration is part of the price.`),
        added,
      ).toEqual([`added_claim: adds "${added}" (no production answer says this)`]);
  });

  it('is none for the reader’s "also", advice or telling, words production uses, or German "also"', () => {
    for (const added of ['You can also book online.', 'We also recommend a follow-up visit.', 'I’ll also email you the receipt.'])
      expect(
        judged(original, `Chipping costs $25 and only takes minutes. ${added} National database registration is part of the price.`),
        added,
      ).toEqual([]);
    const german = factSheet('Bettwäsche und Handtücher sind inklusive, Sie brauchen also nichts davon mitzubringen.');
    const last = german.clauses[german.clauses.length - 1];
    expect(last !== undefined && alsoAdds(last, german, [factSheet('Die Wohnung kostet 90 € pro Nacht.')])).toBe(false);
  });
});
