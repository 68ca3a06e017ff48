import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretWord } from './secret-words.js';
import { foldsApart, passwordLabels, statedPasswordValues } from './stated-password.js';

/**
 * `statedPasswordValues` reads only windows around the text's secret words, which every label holds; it
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

  // The windows are only around secret words: a label in which the scan finds none (`parola` before
  // trust audit 9) would never be read (`passwordLabels` holds each as written and without its marks).
  it('are around a word every label holds, and find each label on its own and one that spans a window edge', () => {
    const sticky = new RegExp(secretWord.source, 'iy');
    /** Whether `secretWord` matches inside `l` with letters on both sides (its look-arounds at their strictest). */
    const holdsWord = (l: string): boolean => {
      const padded = `a${l}aaa`;
      for (let at = 1; at <= l.length; at++) {
        sticky.lastIndex = at;
        const m = sticky.exec(padded);
        if (m !== null && at + m[0].length <= l.length + 1) return true;
      }
      return false;
    };
    expect(passwordLabels.filter((l) => !holdsWord(l))).toEqual([]);
    for (const l of passwordLabels) expect(windowed(`${l}: Kx7-pQ2m`), l).toEqual([[l.length + 2, l.length + 10]]);
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
