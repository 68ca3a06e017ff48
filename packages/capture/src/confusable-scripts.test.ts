import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'confusable-scripts-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const storedJson = (text: string, escaped: boolean): string => {
  const body = JSON.stringify({ messages: [{ role: 'user', content: `my key is ${text} thanks` }] });
  return createRedactor(redaction, key)
    .forExchange()
    .body(escaped ? escapeAll(body) : body, 'application/json');
};

/**
 * Keys written with look-alike letters of scripts beyond Cyrillic, Greek, fullwidth and
 * mathematical ones: Armenian (`օ`, `հ`, `ս`), Cherokee (`Ꭺ`, `Ꮪ`), Lisu (`ꓮ`, `ꓢ`), Coptic
 * (`ⲟ`), Latin small capitals (`ꜱ`, `ᴄ`, `ᴏ`), and dashes that read as `-`
 * (`‐`, `–`, `−`). Unicode's confusables (UTS #39) give each a single ASCII prototype. Trust audit 3
 * left them; trust audit 4 (2026-12-03) found each stored.
 */
describe('a key in look-alike letters of other scripts', () => {
  const keys: [string, string][] = [
    ['sk-prօj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'Ab3dEf6hIj9kLm2nOp5qRs8t'],
    ['Ꮪk-proj-Cd4eFg7hIj0kLm3nOp6qRs9tUv2wXy5z', 'Cd4eFg7hIj0kLm3nOp6qRs9t'],
    ['ꜱk-proj-Ef5gHi8jKl1mNo4pQr7sTu0vWx3yZa6b', 'Ef5gHi8jKl1mNo4pQr7sTu0v'],
    ['sk-prⲟj-Gh6iJk9lMn2oPq5rSt8uVw1xYz4aBc7d', 'Gh6iJk9lMn2oPq5rSt8uVw1x'],
    ['ᎪKIAJ2QW8RT5YU3PL9ZX', 'J2QW8RT5YU3PL9ZX'],
    ['ꓮKIAJPQRSTUV2WXYZ345', 'JPQRSTUV2WXYZ345'],
    ['gհp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3h', 'aB3dE6gH9jK2mN5pQ8sT1vW4'],
    ['ꓮIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'SyA1b2C3d4E5f6G7h8I9j0K1'],
    ['sk‐proj‐Jk7lMn0oPq3rSt6uVw9xYz2aBc5dEf8gHi', 'Jk7lMn0oPq3rSt6uVw9xYz2a'],
    ['sk–ant–api03–Mn8oPq1rSt4uVw7xYz0aBc3dEf6gHi9jKl', 'Mn8oPq1rSt4uVw7xYz0aBc3d'],
  ];

  it('is redacted, in text, in JSON and with every non-ASCII character \\u-escaped', () => {
    for (const [k, tail] of keys) {
      expect(stored(`my key is ${k} thanks`), k).not.toContain(tail);
      expect(storedJson(k, false), k).not.toContain(tail);
      expect(storedJson(k, true), k).not.toContain(tail);
    }
  });

  it('leaves prose in those scripts, Turkish, ranges with dashes and ids byte for byte', () => {
    for (const text of [
      'Բարև, ձեր պատվերը ճանապարհին է, հասցեն՝ Երևան 0010',
      'ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏍᎦᏯ ᎤᏬᏚᎯ',
      'ꓡꓲ-ꓢꓳ ꓟꓴ ꓙꓵ',
      'Sipariş numarası ORD-2024-88123, kırmızı ayakkabı, toplam 35,00 TL',
      'Open 9–17, 2020–2021 season, pages 12‐18, temperature −5 °C',
      'שלום, ההזמנה שלך בדרך, מספר הזמנה 10042',
      'Order ORD-2024-88123, booking XK7P2Q, ref 7f3a9c2e-1b4d-4e8f-9a6b-2c5d8e1f4a7b, sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text, false), text).not.toContain('[redacted');
      expect(storedJson(text, true), text).not.toContain('[redacted');
    }
  });
});
