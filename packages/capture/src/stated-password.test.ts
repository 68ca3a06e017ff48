import { describe, expect, it } from 'vitest';
import { statedPasswordValues } from './stated-password.js';

const taken = (text: string) => statedPasswordValues(text).map(([s, e]) => text.slice(s, e));

describe('a password stated with words between its label and its value', () => {
  it('reads the value after an inflected label, a statement of up to three words, or up to four words and a colon', () => {
    expect(taken('lösenordet är Kx7-pQ2m')).toEqual(['Kx7-pQ2m']);
    expect(taken('şifrem Kx7-pQ2m')).toEqual(['Kx7-pQ2m']);
    expect(taken("mot de passe, c'est Kx7-pQ2m")).toEqual(['Kx7-pQ2m']);
    expect(taken('Mi contraseña es "Kx7-pQ2m".')).toEqual(['Kx7-pQ2m']);
    expect(taken('Password for the admin account: Kx7-pQ2m')).toEqual(['Kx7-pQ2m']);
    expect(taken('Why?\\nDas Passwort lautet: Kx7-pQ2m\\nthanks')).toEqual(['Kx7-pQ2m']);
  });

  it('takes no word, count, date, version, URL, path, template, identifier or hyphenated word', () => {
    for (const text of [
      'Das Passwort muss mindestens 12 Zeichen haben.',
      'the password is incorrect',
      'password reset link: https://app.example/reset',
      'password: process.env.DB_PASSWORD',
      'password file: secrets.txt',
      'API keys, hacking together home-brewed tools',
      'the password policy: v2.1.0',
      'docker login --password-stdin -u bob',
      'x=passwords_total=12',
      '[redacted:password:0123456789ab]',
    ])
      expect(taken(text), text).toEqual([]);
  });
});
