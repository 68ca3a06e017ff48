import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { foreignPasswordValues } from './foreign-password.js';
import { createRedactor } from './redactor.js';

const taken = (text: string) => foreignPasswordValues(text).map(([s, e]) => text.slice(s, e));
const redactor = createRedactor(parseConfig({}).tap.redaction, 'foreign-password-test-key-0123456789');

describe('foreignPasswordValues', () => {
  it('takes the value a password label in another language states', () => {
    expect(taken('Mein Passwort: KuchenBlau-71, danke')).toEqual(['KuchenBlau-71']);
    expect(taken('Kennwort = Sommer2024')).toEqual(['Sommer2024']);
    expect(taken('mi contraseña: PerroVerde88.')).toEqual(['PerroVerde88']);
    expect(taken('mon mot de passe : Chaton!Bleu9')).toEqual(['Chaton!Bleu9']);
    expect(taken('minha senha: GatoAzul#55')).toEqual(['GatoAzul#55']);
    expect(taken('パスワード: Sakura2024xyz')).toEqual(['Sakura2024xyz']);
    expect(taken('我的密码：Mima-8812，谢谢')).toEqual(['Mima-8812']);
    expect(taken('密码是abc12345')).toEqual(['abc12345']);
    expect(taken('das Passwort ist Blume#2024')).toEqual(['Blume#2024']);
    expect(taken('la contraseña es Luna-4471')).toEqual(['Luna-4471']);
    expect(taken('мой пароль: Медведь-2024')).toEqual(['Медведь-2024']);
    expect(taken('wachtwoord: tulpenveld')).toEqual(['tulpenveld']);
  });

  it('reads a label a JSON encoder wrote as \\u escapes (Python json.dumps)', () => {
    const body = '{"content": "mi contrase\\u00f1a: PerroVerde88 y \\u5bc6\\u7801\\uff1aMima-8812"}';
    expect(taken(body)).toEqual(['PerroVerde88', 'Mima-8812']);
  });

  it('leaves prose about a password, and words that only contain a label', () => {
    expect(taken('das Passwort ist falsch')).toEqual([]);
    expect(taken('la contraseña es incorrecta')).toEqual([]);
    expect(taken('Einpasswort: nope1234')).toEqual([]);
    expect(taken('Passwort vergessen? Klicken Sie hier')).toEqual([]);
  });

  it('through the redactor: no labelled password of the six languages is stored', () => {
    const secrets = ['KuchenBlau-71', 'PerroVerde88', 'Chaton!Bleu9', 'GatoAzul#55', 'Sakura2024xyz', 'Mima-8812'];
    const text = `Passwort: ${secrets[0]} contraseña: ${secrets[1]} mot de passe: ${secrets[2]} senha: ${secrets[3]} パスワード: ${secrets[4]} 密码：${secrets[5]}`;
    const out = redactor.forExchange().body(JSON.stringify({ messages: [{ role: 'user', content: text }] }), 'application/json');
    for (const s of secrets) expect(out).not.toContain(s);
    // A label the secret-name rules read too (`Passwort: …` is a name and a colon) is an assigned secret.
    expect(out).toMatch(/\[redacted:(?:password|assigned_secret):/);
  });
});

describe('foreignPasswordValues in JSON text', () => {
  it('a label at the start of a line of a JSON string (after a `\\n` escape) counts', () => {
    expect(taken(JSON.stringify({ content: 'hi\nPasswort: KuchenBlau-71' }))).toEqual(['KuchenBlau-71']);
  });
});
