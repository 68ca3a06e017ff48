import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'escaped-label-value-key-0123456789';
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const storedEscaped = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(escapeAll(JSON.stringify({ messages: [{ role: 'user', content: `login data\n${text}\nthanks` }] })), 'application/json');

/**
 * A non-ASCII password after another language's label and a colon, in JSON whose encoder escapes
 * every non-ASCII character (Python's `json.dumps`): `\u043f\u0430\u0440\u043e\u043b\u044c: \u043f…`.
 * The value was read up to its first `\` and found empty, so nothing was taken (the same text
 * unescaped was). Trust audit 3 left it; trust audit 4 (2026-12-03) found each stored.
 */
describe('a non-ASCII password written as JSON escapes after a label and a colon', () => {
  const cases: [string, string][] = [
    ['пароль: подсолнух', 'подсолнух'],
    ['Пароль: Подсолнух7', 'Подсолнух7'],
    ['hasło: słonecznik', 'słonecznik'],
    ['şifre: ayçiçeği', 'ayçiçeği'],
    ['contraseña: añoranza', 'añoranza'],
    ['mot de passe : été2026', 'été2026'],
  ];

  it('is redacted', () => {
    for (const [text, pw] of cases) expect(storedEscaped(text), text).not.toContain(escapeAll(pw));
  });

  it('keeps what follows the value, and labels stated as prose, byte for byte', () => {
    const out = storedEscaped('пароль: подсолнух, логин: ivan');
    expect(out).toContain(escapeAll(', логин'));
    for (const text of ['пароль должен быть длинным', 'hasło jest wymagane', 'Bestellung ORD-2024-88123, Straße 12, 35,00 €'])
      expect(storedEscaped(text), text).not.toContain('[redacted');
  });
});
