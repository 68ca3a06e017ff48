import { describe, expect, it } from 'vitest';
import { passwordShapedLabelValues } from './password-shaped-label.js';

const taken = (text: string): string[] => passwordShapedLabelValues(text).map(([s, e]) => text.slice(s, e));

describe('a value of a password shape after a label of any language', () => {
  it('takes it alone on its line after one to three words of letters, as written and in a JSON string', () => {
    expect(taken('nenosiri: Q9x!Seed4k2')).toEqual(['Q9x!Seed4k2']);
    expect(taken('Habari\nნამდვილი პაროლი: Q9x!Seed4k2\nasante')).toEqual(['Q9x!Seed4k2']);
    expect(taken('{"content":"Why?\\nкұпия сөз: Q9x!Seed4k2\\nthanks"}')).toEqual(['Q9x!Seed4k2']);
    expect(taken('- pasfhocal：Q9x!Seed4k2')).toEqual(['Q9x!Seed4k2']);
  });

  it('leaves values of other shapes, labels of four words or more, and text after the value', () => {
    for (const text of [
      'Version: Release-2024.1a',
      'Build: 7F3a-99c2',
      'Kontakt: Jan.Novak7@example.cz',
      'Link: https://Example.com/a?b=C1!',
      'nenosiri: hunter22',
      'nenosiri: Q9x!Seed4k2 ni siri yako',
      'the new shared team nenosiri: Q9x!Seed4k2',
      'x = {"k": "Q9x!Seed4k2"}',
    ])
      expect(taken(text), text).toEqual([]);
  });
});
