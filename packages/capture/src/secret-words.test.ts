import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignNameHints } from './foreign-secret-words.js';
import { privateDataHints } from './private-data-name.js';
import { nextSecretWord, secretWord } from './secret-words.js';

/** What a scan of the regex itself finds from `from`, or of the camel-case first words (`pinHash`, `otpValue`) if earlier. */
function byRegex(text: string, from: number): { start: number; end: number } | undefined {
  const own = new RegExp(secretWord.source, secretWord.flags);
  own.lastIndex = from;
  const m = own.exec(text);
  const camel = /(?:[pP][iI]n|[tT]p)(?=[A-Z])/g;
  camel.lastIndex = from;
  const c = camel.exec(text);
  const first = m === null || (c !== null && c.index < m.index) ? c : m;
  return first === null ? undefined : { start: first.index, end: first.index + first[0].length };
}

// Words that overlap when read from inside one another (`passig`: `pass`, then `sig` from its
// second `s`; `tokenkey`, `sessionsig`), so a scan resumed inside a kept word finds another one.
const parts = fc.constantFrom(
  'pass',
  'sig',
  'session',
  'tokenkey',
  'passig',
  'PWD',
  'auth',
  'cookie',
  'ses',
  'пароль',
  '密码',
  'senha',
  'pinHash',
  'otpV',
  'TpA',
  'x',
  ' ',
  '"',
  ':',
);
const texts = fc.array(fc.oneof(parts, fc.string({ maxLength: 4 })), { maxLength: 16 }).map((p) => p.join(''));

describe('secretWord', () => {
  it('matches at each position what the plain alternation of the words matches (English first, then the shortest other word)', () => {
    const literal = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const others = [...new Set(foreignNameHints().map((w) => w.toLowerCase()))].sort((a, b) => a.length - b.length).map(literal);
    const plain = new RegExp(
      [
        'key',
        'token',
        'secret',
        'sig',
        'session',
        'pass',
        'pwd?',
        'auth',
        'cookie',
        'credential',
        'creds',
        'jwt',
        ...privateDataHints,
        ...others,
      ].join('|'),
      'giy',
    );
    const grouped = new RegExp(secretWord.source, 'giy');
    const words = fc.constantFrom(
      ...foreignNameHints(),
      ...privateDataHints,
      'KEY',
      'Tokens',
      'pwd',
      'Pw',
      'passwd',
      'sessionid',
      'kennwortx',
      'senhas',
      'PINs',
      'totp',
    );
    const text = fc.array(fc.oneof(words, parts, fc.string({ maxLength: 3 })), { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (let at = 0; at < t.length; at++) {
          plain.lastIndex = at;
          grouped.lastIndex = at;
          expect(grouped.exec(t)?.[0], `${t} at ${at}`).toBe(plain.exec(t)?.[0]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('nextSecretWord', () => {
  it('finds from any position what the regex finds from there, whatever text was asked about before', () => {
    fc.assert(
      fc.property(texts, texts, fc.array(fc.nat(80), { maxLength: 6 }), (text, other, froms) => {
        for (const from of froms) {
          const at = Math.min(from, text.length);
          expect(nextSecretWord(text, at)).toEqual(byRegex(text, at));
          // Another text in between (a nested JSON string's, the next body's) must not leak into this one's answers.
          expect(nextSecretWord(other, 0)).toEqual(byRegex(other, 0));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('walked word by word, finds every word the regex finds, also resuming inside a word it kept', () => {
    const walk = (text: string, next: (hit: { start: number; end: number }) => number) => {
      const out: string[] = [];
      for (let hit = nextSecretWord(text, 0); hit !== undefined; hit = nextSecretWord(text, next(hit))) out.push(`${hit.start}-${hit.end}`);
      return out;
    };
    const regexWalk = (text: string, next: (hit: { start: number; end: number }) => number) => {
      const out: string[] = [];
      for (let hit = byRegex(text, 0); hit !== undefined; hit = byRegex(text, next(hit))) out.push(`${hit.start}-${hit.end}`);
      return out;
    };
    // Resuming one character short of the word's end: inside `pass` of `passig`, the regex finds `sig`.
    expect(walk('passig', (h) => h.end - 1)).toEqual(['0-4', '3-6']);
    fc.assert(
      fc.property(texts, fc.integer({ min: -3, max: 3 }), (text, shift) => {
        const next = (h: { start: number; end: number }) => Math.max(h.start + 1, h.end + shift);
        expect(walk(text, next)).toEqual(regexWalk(text, next));
      }),
      { numRuns: 3000 },
    );
  });
});
