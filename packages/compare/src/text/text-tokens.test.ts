import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textTokenIds, textTokens } from './text-tokens.js';
import { WordIds } from './word-ids.js';

// textTokenIds reads an ASCII text chunk by chunk (runs between white space, each distinct chunk
// tokenized once per table); it must give the ids of exactly the words textTokens reads from the
// whole text, for any text (non-ASCII ones take the general path).
const pieces = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\x0b',
  '\x0c',
  'Refund',
  'refunds.',
  'answered,',
  'SHIPPING',
  "don't",
  "there's",
  'driver’s',
  "rock'n'roll",
  "'tis",
  "dogs'",
  "'",
  'BK-4821',
  '$1,200.50',
  'e.g.',
  'ops@example.com',
  '**Note:**',
  '`npm`',
  'x__y',
  '(a)',
  'KELVIN \u212a',
  'café',
  '東京',
  'ſo',
];
const texts = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 30 }).map((p) => p.join(''));

describe('textTokenIds', () => {
  it('gives the ids of the words textTokens reads from the whole text', () => {
    const same = (text: string): boolean => {
      const words = new WordIds();
      const ids = textTokenIds(text, words);
      // Twice: the second read comes from the chunk memo.
      expect(textTokenIds(text, words)).toEqual(ids);
      expect(ids.map((id) => words.words[id])).toEqual(textTokens(text));
      return true;
    };
    same("Refunds answered: see 'BK-4821' (rock'n'roll), e.g. dogs'. x__y\x0bz");
    fc.assert(fc.property(texts, same), { seed: 11, numRuns: 3000 });
  });
});

describe('textTokens', () => {
  it('reads "\'s" as the word it is attached to ("there\'s" → there, "driver\'s" → driver), straight or curly', () => {
    expect(textTokens("There's a driver's seat")).toEqual(['there', 'a', 'driver', 'seat']);
    expect(textTokens('There’s a driver’s seat, café')).toEqual(['there', 'a', 'driver', 'seat', 'café']);
    expect(textTokens("That's it, let's go")).toEqual(['that', 'it', 'let', 'go']);
    expect(textTokens("don't, we're")).toEqual(["don't", "we're"]);
  });
});
