import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldsApart, passwordLabels, statedPasswordValues, wordlessLabels } from './stated-password.js';

/**
 * `statedPasswordValues` reads only windows around the text's secret words and wordless labels; it
 * finds exactly what a read of the whole text finds — each label in every case and at every
 * distance from a secret word before it (across a window's edge), and random text of labels,
 * statements, values, secret words, filler and punctuation in ASCII and other scripts.
 */

const windowed = (text: string) => statedPasswordValues(text);
const whole = (text: string) => statedPasswordValues(text, true);
const cased = (s: string): string[] => [s, s.toUpperCase(), s.charAt(0).toUpperCase() + s.slice(1)];

const piece = fc.oneof(
  fc.constantFrom(...passwordLabels.flatMap(cased)),
  fc.constantFrom('et', 'em', 's', 'i', 'ul', 'ünü'),
  fc.constantFrom(
    'key',
    'token',
    'pass',
    'secret',
    'auth',
    'prompt_tokens',
    'пароль',
    'passig',
    'Einpasswort',
    '$PASSWORD',
    '--password-stdin',
  ),
  fc.constantFrom(' ', '  ', ': ', ':', '=', ' - ', ', ', '\t', '\n', '\\n', '"', '\\"', '\u00a0', '：', '“'),
  fc.constantFrom(' is ', ' lautet ', " c'est ", ' är ', ' là ', ' είναι ', ' for the admin account', ' від бази', ' es '),
  fc.constantFrom('Kx7-pQ2m', 'Xy7#qLm2', 'hunter2!', '12', 'v2.1.0', 'https://app.example/x', 'secrets.txt', 'home-brewed'),
  fc.constantFrom('the', 'order', 'shipping', 'xxxxxxxxxx', 'ä', '数据', 'x'.repeat(17), 'a'.repeat(9)),
);

describe('the label windows of a stated password', () => {
  it('find what a read of the whole text finds, for each label at every distance after a secret word', () => {
    for (const l of passwordLabels)
      for (const form of cased(l))
        for (let gap = 0; gap <= 40; gap++)
          for (const lead of ['key ', 'token ', 'пароль ', '']) {
            const text = `${lead}${'x'.repeat(gap)} ${form}: Kx7-pQ2m and ${form}et är Kx7-pQ2m`;
            expect(windowed(text), text).toEqual(whole(text));
          }
  });

  it('find what a read of the whole text finds, in random text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(windowed(text)).toEqual(whole(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Since trust audit 9 every label holds a word of the secret-word scan, so `wordlessLabels` may be
  // empty; each label is found on its own either way, through a window or through its own search.
  it('find every label, whether the secret-word scan holds a word of it or not (wordlessLabels), and one that spans a window edge', () => {
    for (const l of [...passwordLabels, ...wordlessLabels]) expect(windowed(`${l}: Kx7-pQ2m`), l).toEqual([[l.length + 2, l.length + 10]]);
    const text = `key ${'x'.repeat(10)} Password: Kx7-pQ2m`;
    expect(windowed(text).map(([s, e]) => text.slice(s, e))).toEqual(['Kx7-pQ2m']);
  });

  it('read the whole text when it holds a letter the label regex folds and the word scan does not (foldsApart)', () => {
    const letters = [...new Set(passwordLabels.join(''))].filter((c) => c.trim() !== '');
    const classes = letters.map((c) => `^[${c.replace(/[\]\\^-]/g, '\\$&')}]$`);
    const folds = classes.map((c) => [new RegExp(c, 'iu'), new RegExp(c, 'i')] as const);
    // The characters the label regex takes for any label letter, then each asked letter by letter.
    const anyLetter = new RegExp(classes.map((c) => `(?:${c})`).join('|'), 'iu');
    const apart: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const x = String.fromCharCode(code);
      if ((code < 0xd800 || code > 0xdfff) && anyLetter.test(x) && folds.some(([u, plain]) => u.test(x) && !plain.test(x))) apart.push(x);
    }
    expect(apart.length).toBeGreaterThan(0);
    for (const x of apart) expect(foldsApart.test(x), `U+${x.charCodeAt(0).toString(16)}`).toBe(true);
    const text = 'api \u212aey: Kx7-pQ2m';
    expect(windowed(text)).toEqual(whole(text));
    expect(windowed(text)).toHaveLength(1);
  });
});
