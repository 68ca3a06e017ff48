import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'soft-wrapped-key-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const storedJson = (text: string, escaped: boolean): string => {
  const body = JSON.stringify({ messages: [{ role: 'user', content: text }] });
  return createRedactor(redaction, key)
    .forExchange()
    .body(escaped ? escapeAll(body) : body, 'application/json');
};

/**
 * A key wrapped where a typesetter hyphenates: a soft hyphen (U+00AD) at the line's end, which a
 * page shows as `-` and a copy keeps invisible; and a key wrapped over three lines whose middle line
 * is lower-case letters only (the wrap rule took no such line as a key's head: it reads as a word).
 * Trust audit 3 left "a key wrapped by a soft break inside lower-case letters"; trust audit 4
 * (2026-12-03) found each tail stored.
 */
describe('a key wrapped at a soft hyphen or over a lower-case middle line', () => {
  const keys = ['sk-proj-abcdefghijkmnopqrstuvwxyzabcdefgh', 'ghp_R8mK2xP9qL4vN7wT3zY6bH1cJ5dF0gS8aE2', 'xoxb-2048-1337-zqrtwmkplxvnbcdf'];

  it('is redacted whole, in text, in JSON and with the soft hyphen \\u-escaped', () => {
    for (const k of keys)
      for (const br of ['\u00ad\n', '\u00ad\r\n', '\u00ad\n    '])
        for (const at of [12, k.length - 8]) {
          const text = `here is the key: ${k.slice(0, at)}${br}${k.slice(at)} and more text`;
          const tail = k.slice(at, at + 6);
          for (const out of [stored(text), storedJson(text, false), storedJson(text, true)])
            expect(out, JSON.stringify(text)).not.toContain(tail);
        }
  });

  it('is redacted whole over three lines when the middle one is lower-case letters only', () => {
    for (const br of ['\n', '\r\n', '\n  '])
      for (const [head, middle, tail] of [
        ['sk-proj-Ab3dEf6hIj', 'abcdefghijkmnop', 'Qr8sT1vW4yZ7'],
        ['ghp_R8mK2xP9qL4v', 'nwtzybhcjdfgsae', 'K2Lm9Qp4'],
      ] as const) {
        const text = `key:\n${head}${br}${middle}${br}${tail}\nthanks`;
        for (const out of [stored(text), storedJson(text, false)]) {
          expect(out, JSON.stringify(text)).not.toContain(middle);
          expect(out, JSON.stringify(text)).not.toContain(tail);
        }
      }
  });

  it('leaves hyphenated prose, word lists and ids on consecutive lines byte for byte', () => {
    for (const text of [
      'The deliv\u00adery arrives to\u00ad\nmorrow between nine and noon, and the re\u00ad\nfund follows.',
      'apples\nbananas\ncherries\ndragonfruit',
      'Order ORD-2024-88123\nbooking XK7P2Q\ntracking 1Z999AA10123456784\nsha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b\nref 7f3a9c2e-1b4d-4e8f-9a6b-2c5d8e1f4a7b',
      'release-notes-2026\nimprovements\nbugfixes',
    ]) {
      expect(stored(text), JSON.stringify(text)).toBe(text);
      expect(storedJson(text, false), text).not.toContain('[redacted');
      expect(storedJson(text, true), text).not.toContain('[redacted');
    }
  });
});
