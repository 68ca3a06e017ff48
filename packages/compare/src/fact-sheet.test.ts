import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheet } from './fact-sheet.js';

// An ASCII answer's clause words are read from its tokens (each distinct token once) instead of
// tokenizing every clause's text again; any other answer takes the general path. Both must give
// the same words: a final line with a non-ASCII word sends the same clauses down the general path.
const pieces = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\x0b',
  'refund',
  'Refunds',
  'answered',
  'shipping',
  "don't",
  "rock'n'roll",
  "'tis",
  "dogs'.",
  "'quoted'",
  '"double"',
  '(aside)',
  'BK-4821',
  '$1,200.50',
  'e.g.',
  'ops@example.com',
  'https://example.com/a/',
  '**Note:**',
  '`npm test`',
  '- ',
  '1. ',
  '# ',
  ', but',
  '; ',
  ': ',
  '. ',
  '!',
  '?',
  'If',
  'the',
  'NASA',
  "can't",
  'x__y',
  ' | ',
];
const answers = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((p) => p.join(' '));

describe('factSheet', () => {
  it("reads an ASCII answer's clause words from its tokens as the general path reads them from the clause text", () => {
    const sameWords = (text: string): boolean => {
      const ascii = factSheet(text).clauses;
      const general = factSheet(`${text}\nÉté`).clauses.slice(0, ascii.length);
      expect(general.map((c) => c.content)).toEqual(ascii.map((c) => c.content));
      return true;
    };
    sameWords("Refunds aren't answered: see 'BK-4821' (rock'n'roll), e.g. dogs'. x__y");
    fc.assert(fc.property(answers, sameWords), { seed: 11, numRuns: 2000 });
  });
});
