import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { foreignPasswordOfLetters } from './foreign-password-word.js';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'foreign-password-word-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
/** The text as a user message of a chat request, every non-ASCII character a `\u` escape (Python's json.dumps). */
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(
      JSON.stringify({ messages: [{ role: 'user', content: text }] }).replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      'application/json',
    );

/**
 * A password of letters only (a passphrase, a compound word) stated after another language's
 * copula: `la mia password è gattorosso`. Trust audit 2 left it: after a copula only a
 * credential's shape counted outside English, so every one of these was stored (trust audit 3).
 */
describe('a password of letters only after another language copula', () => {
  const passwords = ['gattorosso', 'girasolazul', 'sonnenblume', 'tournesol', 'girassol', 'zonnebloem', 'solrosen', 'Kotmruczek'];
  const stated = [
    'la mia password è',
    'la password è',
    'la contraseña es',
    'mi contraseña es',
    'contraseña es',
    'mein Passwort ist',
    'das Kennwort lautet',
    'mon mot de passe est',
    'le mot de passe est',
    'a minha senha é',
    'het wachtwoord is',
    'mitt lösenord är',
    'moje hasło to',
    'hasło jest',
    'el password es',
    'das Password ist',
    'mot de passe -',
  ];

  it('is redacted, in text and in JSON that escapes every non-ASCII character', () => {
    for (const label of stated)
      for (const pw of passwords) {
        const text = `ciao, ${label} ${pw} grazie`;
        expect(stored(text), text).not.toContain(pw);
        expect(storedJson(text), text).not.toContain(pw);
      }
  });

  it('is redacted when it has letters of the language, written or escaped', () => {
    for (const text of ['moje hasło to słonecznik', 'mein Passwort ist blümchenwiese', 'la contraseña es pingüinoazul']) {
      expect(stored(text), text).not.toMatch(/słonecznik|blümchenwiese|pingüinoazul/);
      expect(storedJson(text), text).not.toMatch(/onecznik|mchenwiese|inoazul/);
    }
  });

  it('leaves what prose says about a password, byte for byte', () => {
    for (const text of [
      'la password è sbagliata',
      'la password è scaduta, cambiala',
      'la tua password è troppo corta',
      'la password è stata cambiata ieri',
      'la password è obbligatoria',
      'la password è diversa da quella vecchia',
      'la password è personale e segreta',
      'la contraseña es incorrecta',
      'la contraseña es demasiado corta',
      'la contraseña es obligatoria',
      'tu contraseña es segura',
      'la contraseña es diferente',
      'mi contraseña es nueva',
      'das Passwort ist falsch',
      'das Passwort ist abgelaufen',
      'Ihr Passwort ist ungültig',
      'das Passwort ist zu kurz',
      'das Kennwort ist erforderlich',
      'das Passwort ist nicht korrekt',
      'das Passwort ist geändert worden',
      'le mot de passe est incorrect',
      'votre mot de passe est expiré',
      'le mot de passe est trop court',
      'le mot de passe est obligatoire',
      'le mot de passe est différent',
      'a senha é inválida',
      'a senha é obrigatória',
      'a senha é muito curta',
      'het wachtwoord is onjuist',
      'het wachtwoord is verlopen',
      'het wachtwoord is gewijzigd',
      'het wachtwoord is verplicht',
      'lösenordet är felaktigt',
      'hasło jest nieprawidłowe',
      'hasło jest wymagane',
      'el password es incorrecto',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});

describe('foreignPasswordOfLetters', () => {
  it('reads a word of letters as a password unless it reads as prose in those languages', () => {
    expect(foreignPasswordOfLetters('gattorosso')).toBe(true);
    expect(foreignPasswordOfLetters('sonnenblume')).toBe(true);
    expect(foreignPasswordOfLetters('sbagliata')).toBe(false);
    expect(foreignPasswordOfLetters('obligatoire')).toBe(false);
    expect(foreignPasswordOfLetters('geändert')).toBe(false);
    // Too short, or not letters only: another rule's business.
    expect(foreignPasswordOfLetters('gato')).toBe(false);
    expect(foreignPasswordOfLetters('gatto99')).toBe(false);
  });
});
