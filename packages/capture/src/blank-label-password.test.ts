import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'blank-label-password-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const storedJson = (text: string, escaped: boolean): string => {
  const body = JSON.stringify({ messages: [{ role: 'user', content: `Olá, dados de acesso:\n${text}\nObrigado` }] });
  return createRedactor(redaction, key)
    .forExchange()
    .body(escaped ? escapeAll(body) : body, 'application/json');
};

/**
 * A password of letters only after another language's label and a blank alone (`senha girassol`,
 * `Passwort sonnenblume`): trust audit 3 left it, since `senha incorreta` reads the same. Taken
 * where it is clearly a password: the label starts its statement (at most two words before it on
 * its line, `minha senha`), the word is lower-case and ends the line, and it reads as no prose
 * about a password (a state, an infinitive, `atual`, `padrão`). Trust audit 4 (2026-12-03).
 */
describe('a letters-only password after a label and a blank alone', () => {
  const cases: [string, string][] = [
    ['senha girassol', 'girassol'],
    ['minha senha girassol', 'girassol'],
    ['Passwort sonnenblume', 'sonnenblume'],
    ['Kennwort sonnenblume.', 'sonnenblume'],
    ['contraseña girasol', 'girasol'],
    ['mot de passe tournesol', 'tournesol'],
    ['wachtwoord zonnebloem', 'zonnebloem'],
    ['пароль подсолнух', 'подсолнух'],
    ['hasło słonecznik', 'słonecznik'],
    ['şifre ayçiçeği', 'ayçiçeği'],
    ['usuário bob, senha girassol', 'girassol'],
  ];

  it('is redacted: in text, in a JSON string, and with every non-ASCII letter escaped', () => {
    for (const [text, pw] of cases) {
      expect(stored(text), text).not.toContain(pw);
      expect(storedJson(text, false), text).not.toContain(pw);
      expect(storedJson(text, true), text).not.toContain(escapeAll(pw));
    }
  });

  it('leaves prose about a password, UI labels and longer sentences byte for byte', () => {
    for (const text of [
      'senha incorreta',
      'Senha Atual',
      'digite a senha atual',
      'senha padrão',
      'Passwort vergessen',
      'Passwort ändern',
      'Passwort Richtlinie',
      'Kennwort zurücksetzen',
      'mot de passe oublié',
      'contraseña segura',
      'wachtwoord wijzigen',
      'пароль неверный',
      'введите пароль',
      'hasło wymagane',
      'şifre yanlış',
      'Você pode alterar a senha quando quiser no painel',
      'Die Passwort Länge muss zwölf Zeichen sein',
      'Pedido ORD-2024-88123 reserva XK7P2Q total R$ 35,00 em 2026-12-03',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text, false), text).not.toContain('[redacted');
      expect(storedJson(text, true), text).not.toContain('[redacted');
    }
  });
});
