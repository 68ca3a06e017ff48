import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'short-pin-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ messages: [{ role: 'user', content: text }] }), 'application/json');

/**
 * A PIN or code of one or two digits where its name labels it (`my PIN is 7`, `PIN code 09`): a
 * labelled code was taken from three digits only, so these were stored (trust audit 2's Left
 * list; trust audit 3). A count after the name (`PIN is 4 digits long`) is no code.
 */
describe('a labelled PIN or code of fewer than 3 digits', () => {
  it('is redacted, in text and in JSON', () => {
    for (const [text, code] of [
      ['my PIN is 7, thanks', '7,'],
      ['your PIN is 42.', '42.'],
      ['pin code 09 please', '09 '],
      ['CVV is 12', ' 12'],
      ['meine PIN ist 42 danke', ' 42 '],
    ] as const) {
      expect(stored(text), text).not.toContain(code);
      expect(storedJson(text), text).not.toContain(code);
    }
  });

  it('leaves counts and ordinary figures after a name, byte for byte', () => {
    for (const text of [
      'the PIN is 4 digits long',
      'your PIN has 6 characters',
      'PIN 2 of 4 attempts left',
      'the code is 42 lines',
      'pin 3 to the board',
      'connect the LED to pin 2',
      'PIN 42',
      'Enter a PIN of 4 to 6 digits',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
