import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { connectUsingPasswords } from './connect-using-password.js';

const at = storedText('connect-using-password-key-0123456789');

/** DB2's `CONNECT TO db USER u USING PW`: trust audit 4 left it, trust audit 5 (2026-12-03) found it stored. */
describe("a password given to DB2's CONNECT … USING", () => {
  const passwords = ['sunflower', 'Db2Secret1', 'Tr0ub4dor&3', 'Xy7#qLm2'];
  const commands = [
    'db2 CONNECT TO SAMPLE USER db2inst1 USING {pw}',
    'db2 connect to sample user db2inst1 using {pw}',
    'db2 "connect to SAMPLE user db2inst1 using {pw}"',
    'db2 => CONNECT TO PROD USER app USING {pw};',
    'ATTACH TO db2node USER db2inst1 USING {pw}',
    'EXEC SQL CONNECT TO :db USER :usr USING {pw};',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('finds the password and a new one, nothing around them', () => {
    const text = 'db2 connect to sample user db2inst1 using Old1pw new New2pw confirm New2pw';
    expect(connectUsingPasswords(text).map(([s, e]) => text.slice(s, e))).toEqual(['Old1pw', 'New2pw', 'New2pw']);
  });

  it('leaves prose with "using" byte for byte', () => {
    for (const text of [
      'Connect to the database using the admin account.',
      'connect to prod as user alice using ssh keys',
      'We connect to SAMPLE using a service account.',
      'db2 connect to sample',
    ]) {
      expect(at.stored(text), text).toBe(text);
      expect(at.storedJson(text), text).not.toContain('[redacted');
    }
  });
});
