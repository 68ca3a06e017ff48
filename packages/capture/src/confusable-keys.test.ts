import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'confusable-keys-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(escapeAll(JSON.stringify({ messages: [{ role: 'user', content: `my key is ${text} thanks` }] })), 'application/json');

/** Fullwidth forms (U+FF01-FF5E) of every ASCII character. */
const fullwidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Letters swapped for the Cyrillic and Greek letters that look the same. */
const lookalikes: Readonly<Record<string, string>> = {
  s: 'ѕ',
  k: 'к',
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  i: 'і',
  A: 'Α',
  K: 'Κ',
  I: 'І',
  o2: 'ο',
};
const homoglyph = (s: string, letters: string): string => [...s].map((c) => (letters.includes(c) ? (lookalikes[c] ?? c) : c)).join('');
/** Mathematical bold letters and digits (one surrogate pair each), which NFKC folds to ASCII. */
const mathBold = (s: string): string =>
  [...s]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 97 && code <= 122) return String.fromCodePoint(0x1d41a + code - 97);
      if (code >= 65 && code <= 90) return String.fromCodePoint(0x1d400 + code - 65);
      if (code >= 48 && code <= 57) return String.fromCodePoint(0x1d7ce + code - 48);
      return c;
    })
    .join('');

/**
 * Keys written in fullwidth letters or with look-alike letters of another script (`ｓｋ-…`,
 * Cyrillic `ѕk-…`, mathematical bold `𝐬𝐤-…`) read, and are copied back, as the key; the key
 * shapes saw no `sk-` and the tail alone read as no token. Each was stored (trust audit 2's Left
 * list; trust audit 3).
 */
describe('a key in fullwidth or look-alike letters', () => {
  const keys = [
    ['sk-proj-', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv'],
    ['ghp_', 'R8mK2xP9qL4vN7wT3zY6bH1cJ5dF0gS8aE2'],
    ['AKIA', 'IOSFODNN7EXAMPLE'],
    ['xoxb-', '2048-1337-Zq8Rt5Wm2Kp9'],
    ['AIza', 'SyD-9tSrke72PouQmnMX3x4kBUxk5mIq1k8'],
  ] as const;
  const spellings: readonly [string, (prefix: string, tail: string) => string][] = [
    ['fullwidth key', (p, t) => fullwidth(p + t)],
    ['fullwidth prefix', (p, t) => fullwidth(p) + t],
    ['Cyrillic s and k', (p, t) => homoglyph(p, 'sk') + t],
    ['Cyrillic a, e, o, p, c, x', (p, t) => homoglyph(p, 'aeopcx') + homoglyph(t, 'aeopcx')],
    ['Greek capitals', (p, t) => homoglyph(p, 'AKI') + t],
    ['mathematical bold prefix', (p, t) => mathBold(p) + t],
  ];

  it('is redacted whole, in text and in JSON that escapes every non-ASCII character', () => {
    for (const [prefix, tail] of keys)
      for (const [name, spell] of spellings) {
        const written = spell(prefix, tail);
        if (written === prefix + tail) continue;
        // Its last 8 characters as written, raw and escaped (the whole key may be fullwidth).
        const end = [...written].slice(-8).join('');
        expect(stored(`here: ${written} ok`), `${name}: ${written}`).not.toContain(end);
        expect(storedJson(written), `${name} in JSON: ${written}`).not.toContain(escapeAll(end));
      }
  });

  it('is redacted where a dash or low-line look-alike stands between a letter and a digit', () => {
    for (const secret of [
      'ghp\ufe4d1aB3dEf6hJ9kLmN0pQrStUvWxYz12345678',
      'xoxb\u20101234567890\u20101234567890\u2010aBcDeFgHiJkLmNoPqRsTuVwX',
    ]) {
      expect(stored(`my key is ${secret} ok`), secret).not.toContain(secret.slice(-12));
      expect(storedJson(secret), secret).not.toContain(escapeAll(secret).slice(-12));
    }
    // Between two figures it joins no key: a year range stays as written.
    expect(stored('open 2020\u20132021, 9\u201317 daily')).toBe('open 2020\u20132021, 9\u201317 daily');
  });

  it('leaves text in those scripts and fullwidth figures byte for byte', () => {
    for (const text of [
      'Ваш заказ №10042 отправлен 03.12.2026, сумма 3500 руб.',
      'Пароль должен содержать не менее 8 символов',
      'Η παραγγελία σας ΑΒ-2041 στάλθηκε',
      '価格は１２３４円です。注文番号：ＡＢＣ－１２３４５',
      'ＯＫ、ありがとうございます',
      'Kod zamówienia: XK7P2Q, razem 35,00 zł',
      'the 𝐛𝐨𝐥𝐝 word and the ｆｕｌｌｗｉｄｔｈ word',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
