import { describe, expect, it } from 'vitest';
import { judged as high } from '../../../test/judged.js';
import { WordIds } from '../../text/word-ids.js';
import { factSheetWith } from '../clauses/fact-sheet.js';
import { entitySupported } from './entity-support.js';
import type { FactValue } from './fact-value.js';

const entity = (text: string): FactValue => ({ type: 'entity', keys: [`entity:${text.toLowerCase()}`], text, weak: false });

describe('entitySupported', () => {
  it('finds every word of a name in an answer, whatever its case, by the name as written', () => {
    const words = new WordIds();
    const sheet = factSheetWith('Send it to the retry-after header. We ship from porto.', words);
    expect(entitySupported(entity('Porto'), [sheet])).toBe(true);
    expect(entitySupported(entity('Retry-After'), [sheet])).toBe(true);
    expect(entitySupported(entity('Lisbon'), [sheet])).toBe(false);
    // Two values with the same text answer alike (the words are kept by the name, not by the value).
    expect(entitySupported(entity('Porto'), [sheet])).toBe(true);
  });

  it('answers by the table each answer was read with, when tables change between and back', () => {
    const one = new WordIds();
    const two = new WordIds();
    // "Lisbon" is a word of table two only: the ids found in one must not be taken for two's.
    const inOne = factSheetWith('Your flight leaves from Porto.', one);
    const inTwo = factSheetWith('Your flight leaves from Lisbon, not Porto.', two);
    for (let round = 0; round < 2; round++) {
      expect(entitySupported(entity('Lisbon'), [inOne])).toBe(false);
      expect(entitySupported(entity('Lisbon'), [inTwo])).toBe(true);
      expect(entitySupported(entity('Porto'), [inOne])).toBe(true);
      expect(entitySupported(entity('Porto'), [inTwo])).toBe(true);
      expect(entitySupported(entity('Porto Lisbon'), [inOne, inTwo])).toBe(true);
    }
    // A word the table lacked when first asked is found once an answer using it is read.
    expect(entitySupported(entity('Faro'), [inOne])).toBe(false);
    const later = factSheetWith('We also fly from Faro.', one);
    expect(entitySupported(entity('Faro'), [later])).toBe(true);
  });

  it('takes a menu path as unsupported where the answer states another from the same first step', () => {
    const words = new WordIds();
    const other = factSheetWith('Your subscription renews yearly. Turn it off in Settings > Billing.', words);
    expect(entitySupported(entity('Settings > Subscription'), [other])).toBe(false);
    // No other path: its words decide, as for any name.
    expect(entitySupported(entity('Settings > Subscription'), [factSheetWith('Open the Subscription page of Settings.', words)])).toBe(
      true,
    );
    // Both stated: supported.
    const both = factSheetWith('Use Settings > Billing for cards and Settings > Subscription for renewals.', words);
    expect(entitySupported(entity('Settings > Subscription'), [both])).toBe(true);
  });
});

describe('an acronym in the singular and the plural', () => {
  it('names one thing ("ATMs" / "ATM"); another acronym is another name', () => {
    expect(high('Our ATMs are free to use.', 'Using our ATM is free.')).toEqual([]);
    expect(high('Using our ATM is free.', 'Our ATMs are free to use.')).toEqual([]);
    expect(high('Our ATMs are free to use.', 'Our CDMs are free to use.')).not.toEqual([]);
  });
});
