import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldConfusablesMapped, mayHoldConfusable } from './confusable-chars.js';

/**
 * The gate before the folded reading (`mayHoldConfusable`: one pass with a table; ASCII text read
 * only at its escapes) never says no where a character that folds stands beside a key character:
 * over random text of ASCII key pieces, Cyrillic, fullwidth, mathematical, Armenian, Cherokee,
 * Lisu and Coptic look-alikes, dashes, prose of those scripts and Turkish, raw and JSON-escaped.
 * The reference reads the folded text itself: wherever folding changed a character that now
 * stands beside a key character or another changed one, the gate must say yes.
 */
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const pieces = [
  'sk',
  '-proj-',
  'AKIA',
  'ghp_',
  'Ab3dEf6h',
  '2020',
  ' ',
  '"',
  '\\',
  '\\n',
  'ѕ',
  'к',
  'ｓｋ',
  '𝐬𝐤',
  'օ',
  'Ꭺ',
  'ꓢ',
  'ⲟ',
  'ꜱ',
  '–',
  '‐',
  'Բարև',
  'ᏣᎳᎩ',
  'kırmızı',
  'Пароль',
  'é',
];
const piece = fc.oneof(
  fc.constantFrom(...pieces),
  fc.constantFrom(...pieces).map(escapeAll),
  fc.string({ maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 2 }),
);
const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

/** Whether folding changed two neighbouring characters of the result, or one beside an ASCII key character: a key may show. */
function foldedJoint(t: string): boolean {
  const { folded, from } = foldConfusablesMapped(t);
  const changed = (i: number): boolean => {
    const at = from[i] as number;
    return (from[i + 1] as number) - at !== 1 || t.charAt(at) !== folded.charAt(i);
  };
  // A JSON escapeAll left unfolded is one character of another script, not the ASCII it is written with.
  const inEscape = new Set<number>();
  for (const m of t.matchAll(/\\u[0-9a-fA-F]{4}/g)) for (let k = 0; k < 6; k++) inEscape.add(m.index + k);
  const keyChar = (i: number): boolean => /[A-Za-z0-9_-]/.test(folded.charAt(i)) && !changed(i) && !inEscape.has(from[i] as number);
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = changed(i);
    const b = changed(i + 1);
    if (!a && !b) continue;
    // A dash or low-line look-alike ("–", "﹍" folding to "-", "_") counts between two ASCII key
    // characters, one a letter (checked below), as the gate's `dash` kind does; two weak letters of one script never.
    const dashA = a && /[-_]/.test(folded.charAt(i));
    const dashB = b && /[-_]/.test(folded.charAt(i + 1));
    if ((a && keyChar(i + 1) && !dashA) || (b && keyChar(i) && !dashB)) return true;
    const l = folded.charAt(i - 1);
    const r = folded.charAt(i + 1);
    if (dashA && keyChar(i - 1) && keyChar(i + 1) && /[A-Za-z]/.test(l + r) && /[A-Za-z0-9]/.test(l) && /[A-Za-z0-9]/.test(r)) return true;
  }
  return false;
}

describe('mayHoldConfusable', () => {
  it('says yes wherever a folded character stands beside an ASCII key character', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (foldedJoint(t)) expect(mayHoldConfusable(t)).toBe(true);
      }),
      { numRuns: 6000 },
    );
  });

  it('takes a low-line look-alike as a dash: at the end or between digits no key, beside a letter one', () => {
    expect(foldedJoint('0\ufe4d')).toBe(false);
    expect(mayHoldConfusable('0\ufe4d')).toBe(false);
    expect(mayHoldConfusable('2020\u20132021')).toBe(false);
    expect(mayHoldConfusable('ghp\ufe4dAb3dEf6h')).toBe(true);
    expect(mayHoldConfusable('ghp\ufe4d1b3dEf6h')).toBe(true);
    expect(mayHoldConfusable('xoxb\u20101234\u20105678')).toBe(true);
    expect(mayHoldConfusable(escapeAll('xoxb\u20101234'))).toBe(true);
  });

  it('says no to prose of one script, Turkish, digit ranges and plain ASCII (the property is not vacuous)', () => {
    for (const t of ['Բարև ձեր', 'ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ', 'kırmızı ayakkabı', '2020–2021', 'plain ascii', escapeAll('caf\u00e9 pr\u00eat')])
      expect(mayHoldConfusable(t), t).toBe(false);
    for (const t of ['ѕk-proj', 'Ꮪk-proj', 'sk–proj', escapeAll('sօk'), escapeAll('𝐬𝐤-proj'), 'sk-prⲟj'])
      expect(mayHoldConfusable(t), t).toBe(true);
  });
});
