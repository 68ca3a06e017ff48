import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeStatements, statedCodes } from './code-statement.js';
import { foreignPasswordValues, labelledValues } from './foreign-password.js';
import { foreignPasswordLabels } from './foreign-secret-words.js';
import { secretFinder } from './secret-finder.js';
import { nearSecretWord, secretWord } from './secret-words.js';
import { builtinPatterns, type TextPattern } from './text-patterns.js';

/**
 * The rules gated by the secret words near which their matches must stand (`nearSecretWord`) find
 * exactly what they find without the gate: over each label and code statement in every case and
 * context, over random text built of the redactor's own shapes, and through the whole finder.
 */

const asciiLabels = foreignPasswordLabels.filter((l) => /^[\x20-\x7e]+$/.test(l));
const cased = (s: string): string[] => [
  s,
  s.toUpperCase(),
  s.charAt(0).toUpperCase() + s.slice(1),
  [...s].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join(''),
];

/** Pieces of text the gated rules and the secret-word scan react to, with ordinary words and punctuation. */
const piece = fc.oneof(
  fc.constantFrom(...foreignPasswordLabels, ...asciiLabels.flatMap(cased)),
  fc.constantFrom('code', 'Code', 'CODE', 'cODe', 'codes', 'verification', 'security', '2FA', 'one-time', 'login', 'backup'),
  fc.constantFrom('token', 'prompt_tokens', 'key', 'pass', 'passig', 'session', 'pin', 'otp', 'card', 'iban', 'secret', 'auth'),
  fc.constantFrom(' ', '  ', ': ', ':', '=', ' - ', ' is ', ' ist ', ' es ', '\t', '\n', '\\n', '"', '", "', '{"', '":"', '\u00a0'),
  fc.constantFrom('482913', '731', 'Xy7#qLm2', 'GatoAzul55', 'hunter2!', 'sk-proj-abcdef0123456789ABCD', 'the', 'order', 'shipping'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('nearSecretWord', () => {
  it('answers as the probe over the whole text does, for a probe whose every match holds a secret word', () => {
    // `(?:pass|token)\w{0,3}` is at most 8 long and holds `pass` or `token` wherever it matches.
    const probe = /(?:pass|token)[a-z]{0,3}/i;
    fc.assert(
      fc.property(text, (t) => {
        expect(nearSecretWord(t, probe, 8)).toBe(probe.test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a match the scan passed over inside an earlier word (`passenha`: `pass`, then no `senha`)', () => {
    const senha = /senha/i;
    expect(nearSecretWord('xx passenha: Gato55', senha, 5)).toBe(true);
    expect(nearSecretWord('no label here at all, only prompt_tokens', senha, 5)).toBe(false);
  });
});

describe('each ASCII label holds a secret word, whatever stands around it', () => {
  it('is found by the secret-word scan inside the label, in every case', () => {
    for (const label of asciiLabels)
      for (const form of cased(label))
        for (const [pre, post] of [
          ['', ''],
          ['x', 'x'],
          [' ', ': '],
          ['\\n', '1'],
        ] as const) {
          const t = `${pre}${form}${post}`;
          const scan = new RegExp(secretWord.source, secretWord.flags);
          const inside = [...t.matchAll(scan)].some((m) => m.index < pre.length + form.length && m.index + m[0].length > pre.length);
          expect(inside, `${JSON.stringify(t)}`).toBe(true);
        }
  });
});

describe('the gated rules find what they find without the gate', () => {
  it('foreignPasswordValues: every ASCII label stated in every case', () => {
    for (const label of asciiLabels)
      for (const form of cased(label)) {
        const t = `the ${form}: Xy7#qLm2 for the shop`;
        expect(labelledValues(t).length, t).toBeGreaterThan(0);
        expect(foreignPasswordValues(t), t).toEqual(labelledValues(t));
      }
  });

  it('codeStatements: `code` in any case (`cODE` was passed over when only code, Code and CODE were looked for)', () => {
    for (const form of cased('code').concat(['cODE', 'coDE']))
      for (const label of ['verification', '2FA', 'one-time', 'Security']) {
        const t = `your ${label} ${form}: 482913`;
        expect(statedCodes(t).length, t).toBe(1);
        expect(codeStatements(t), t).toEqual(statedCodes(t));
      }
  });

  it('both, over random text of labels, codes, secret words and punctuation', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foreignPasswordValues(t)).toEqual(labelledValues(t));
        expect(codeStatements(t)).toEqual(statedCodes(t));
      }),
      { numRuns: 4000 },
    );
  });

  it('through the finder: the same ranges as the finder over the ungated rules', () => {
    const ungated: TextPattern[] = builtinPatterns.map((p) =>
      'find' in p && p.find === foreignPasswordValues
        ? { name: p.name, find: labelledValues }
        : 'find' in p && p.find === codeStatements
          ? { name: p.name, find: statedCodes }
          : p,
    );
    expect(ungated).not.toEqual(builtinPatterns);
    const known = new Map<string, string>();
    const gated = secretFinder(builtinPatterns, known);
    const plain = secretFinder(ungated, known);
    fc.assert(
      fc.property(text, fc.boolean(), (t, json) => {
        const s = json ? JSON.stringify({ content: t, usage: { prompt_tokens: 3 } }) : t;
        expect(gated.ranges(s, true)).toEqual(plain.ranges(s, true));
      }),
      { numRuns: 2000 },
    );
  });
});
