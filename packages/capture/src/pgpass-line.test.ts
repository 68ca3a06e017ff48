import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { pgpassPasswords } from './pgpass-line.js';

const at = storedText('pgpass-line-test-key-0123456789');
const taken = (text: string) => pgpassPasswords(text).map(([s, e]) => text.slice(s, e));

/** `.pgpass` lines (trust audit 5 left them stored): the password after host, port, database and user. */
describe('a .pgpass line', () => {
  it('gives its password, with wildcards, an address, escapes, in text and in a JSON string', () => {
    expect(taken('db.example.com:5432:shop:app:Sunflower7!')).toEqual(['Sunflower7!']);
    expect(taken('*:*:*:postgres:pa\\:ss')).toEqual(['pa\\:ss']);
    expect(taken('10.0.0.5:6432:*:report:xK9#mQ2vL\nlocalhost:5432:db:u:Tr0ub4dor&3')).toEqual(['xK9#mQ2vL', 'Tr0ub4dor&3']);
    expectPasswordsRedacted(at, ['db.internal:5432:shop:app:{pw}', '*:*:*:postgres:{pw}'], ['Sunflower7!', 'Tr0ub4dor&3', 'xK9#mQ2vL']);
  });

  it('leaves times, ratios, IPv6-like runs and colons in prose byte for byte', () => {
    for (const text of [
      'time 12:30:45:678:999',
      '12:30:45:678:999',
      'see localhost:5432:db:u:pw now',
      'ratio 1:2:3:4:5',
      'fe80::1:2:3:4',
      'a:80:b:c',
      'Note: 3:2 odds: yes: no',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
