import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectStringPasswords, connectStringPasswordsUngated } from './connect-string-password.js';

/**
 * The connect-string rule reads a `/` only when a user name stands right before it after a blank,
 * `=`, a quote or the text's start (so a URL's or a path's `/` costs one comparison): over random
 * text built of tools, users, passwords, quotes, escapes, URLs and paths it finds exactly what the
 * rule finds at every `/` without that test.
 */
const piece = fc.oneof(
  fc.constantFrom('expdp ', 'rman target ', 'SQL> connect ', '\\nCONN ', 'sqlldr userid=', 'impdp \\"', "exp '", 'sqlplus -s ', 'dgmgrl\t'),
  fc.constantFrom('sys/', 'scott/', 'c##admin/', '1abc/', ' hr/', '=hr/', '"sys/'),
  fc.constantFrom(
    'expdp',
    'IMPDP',
    'exp',
    'imp',
    'rman',
    'target',
    'catalog',
    'auxiliary',
    'sqlplus',
    'sqlldr',
    'dgmgrl',
    'connect',
    'CONN',
  ),
  fc.constantFrom('SQL> ', 'C:\\> ', '$ ', 'userid=', '-s', '-L', 'as sysdba', '@orcl', '@//db:1521/XE'),
  fc.constantFrom('sys', 'scott', 'c##admin', 'hr$1', '1abc', '_u', 'and', 'or', 'Sunflower7!', 'Tr0ub4dor&3', 'p@ss'),
  fc.constantFrom('/', '/', '//', ' ', '  ', '\t', '=', '"', "'", '\\"', '`', '\n', '\\n', ';', '|', '&', '(', '>'),
  fc.constantFrom('https://docs.example/a/b', 'and/or', '2026/12/03', 'dumpfile=exp/x.dmp', 'golang.org/x/tools@v0.21.0'),
  fc.string({ maxLength: 5 }),
);
const text = fc.array(piece, { maxLength: 28 }).map((p) => p.join(''));

describe('connectStringPasswords', () => {
  it('finds what the rule finds at every `/` without the gate', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(connectStringPasswords(t)).toEqual(connectStringPasswordsUngated(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('a text the gate passes over holds no connect string (the property is not vacuous)', () => {
    const t = 'first expdp system/Sunflower7!@orcl full=y then https://docs.example/a/b';
    expect(connectStringPasswords(t).map(([s, e]) => t.slice(s, e))).toEqual(['Sunflower7!']);
    expect(connectStringPasswordsUngated('x1abc/pw expdp 1abc/pw')).toEqual([]);
  });
});
