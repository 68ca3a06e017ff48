import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'password-labels-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(
      JSON.stringify({ messages: [{ role: 'user', content: text }] }, null, 0).replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      'application/json',
    );

/**
 * A password labelled as people write one in Italian, Spanish, Portuguese, French, Dutch, Polish,
 * Turkish, Japanese and Chinese: after a colon, after the language's copula, or after a blank
 * alone (`senha GatoAzul55`); and `la password è X`, the English word with another language's
 * copula. Found by trust audit 2 (2026-12-03): the copula and the blank forms were stored.
 */
describe('a password labelled in another language', () => {
  const pw = 'Gatto99rosso';
  const labelled = [
    'la password è',
    'la mia password è',
    'la password:',
    'la contraseña es',
    'contraseña:',
    'contraseña',
    'a senha é',
    'senha:',
    'senha',
    'le mot de passe est',
    'mot de passe :',
    'mot de passe',
    'het wachtwoord is',
    'wachtwoord:',
    'wachtwoord',
    'hasło to',
    'hasło jest',
    'hasło:',
    'hasło',
    'şifre:',
    'şifresi',
    'şifre',
    'パスワードは',
    'パスワード：',
    'パスワード',
    '密码是',
    '密码：',
    '密码',
  ];

  it('is redacted after a colon, a copula or a blank, in text and in JSON that escapes every non-ASCII character', () => {
    for (const label of labelled) {
      const text = `ciao, ${label} ${pw} grazie`;
      expect(stored(text), text).not.toContain(pw);
      expect(storedJson(text), text).not.toContain(pw);
    }
  });

  it('leaves prose about a password and ordinary figures after one', () => {
    for (const text of [
      'la password è sbagliata',
      'la contraseña es incorrecta',
      'senha incorreta, tente de novo',
      'mot de passe oublié ? Cliquez ici',
      'wachtwoord vergeten',
      'hasło jest nieprawidłowe',
      'şifre yanlış',
      'password e username sono obbligatori',
      'senha 2024-12-03 expirou',
      'contraseña 12 caracteres',
    ])
      expect(stored(text), text).toBe(text);
  });
});
