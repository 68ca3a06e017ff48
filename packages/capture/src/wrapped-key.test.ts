import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'wrapped-key-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ messages: [{ role: 'user', content: text }] }), 'application/json');

/**
 * A key wrapped onto a second line — by a terminal, an editor or an e-mail client, with or
 * without indentation — was redacted up to the line's end at best, and its tail (under the 24
 * characters a token needs alone) stored; a key cut before its shape was complete was not found
 * at all (trust audit 2's Left list; trust audit 3).
 */
describe('a key wrapped onto a second line', () => {
  const keys = [
    'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUvWx1yZ',
    'ghp_R8mK2xP9qL4vN7wT3zY6bH1cJ5dF0gS8aE2',
    'AKIAIOSFODNN7EXAMPLE',
    'xoxb-2048-1337-Zq8Rt5Wm2Kp9Lx4Vn7',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    'Zx9Qw2Er7Ty4Ui8Op3As6Df1Gh5Jk0LmNb7Vc2Xz9Qa4Ws8Ed3Rf',
  ];
  const breaks = ['\n', '\r\n', '\n    ', '\n\t', '\n> '];

  it('is redacted whole wherever the line breaks, in text and in a JSON string', () => {
    for (const k of keys)
      for (const br of breaks)
        for (const at of [8, Math.floor(k.length / 2), k.length - 6]) {
          const text = `here is the key: ${k.slice(0, at)}${br}${k.slice(at)} and more text`;
          const head = k.slice(Math.max(0, at - 6), at);
          const tail = k.slice(at, at + 6);
          for (const out of [stored(text), storedJson(text)]) {
            expect(out, JSON.stringify(text)).not.toContain(head);
            expect(out, JSON.stringify(text)).not.toContain(tail);
          }
        }
  });

  it('leaves ids, codes, hashes and words on consecutive lines byte for byte', () => {
    for (const text of [
      'Order ORD-2024-88123\nBooking BK-XK7P2Q-2026\nTotal 35.00',
      'order id ORD-2024-88123\nREF-77812-AB',
      'commit 3f9c2a1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90\nAuthor: Ann',
      'uuid 550e8400-e29b-41d4-a716-446655440000\n550e8400-e29b-41d4-a716-446655440001',
      'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nsize 1234',
      'flight LH2041\nseat 14C\ngate B22',
      'the-quick-brown-fox\njumps-over-2-lazy-dogs',
      'version v2.14.3-rc1\nbuild 20261203.4',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
