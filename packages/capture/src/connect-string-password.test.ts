import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { connectStringPasswords } from './connect-string-password.js';

const at = storedText('connect-string-password-key-0123456789');
const { stored, storedJson } = at;

/**
 * An Oracle connect string `user/PW[@db]` given to any of Oracle's tools (Data Pump, the old
 * exp/imp, RMAN, Data Guard's broker, SQL*Loader, SQL*Plus) or to SQL*Plus's `CONNECT`. Trust audit 3
 * knew `sqlplus` and `sqlldr` only; trust audit 4 (2026-12-03) found the rest stored.
 */
describe('a password in an Oracle connect string', () => {
  const passwords = ['sunflower', 'Sunflower7!', 'Tr0ub4dor&3', 'Xy7#qLm2'];
  const commands = [
    'expdp system/{pw}@orcl directory=dp_dir dumpfile=hr.dmp schemas=hr',
    'impdp scott/{pw}@pdb1 schemas=hr remap_schema=hr:hr2',
    'expdp userid=system/{pw}@orcl full=y',
    'expdp \\"sys/{pw}@orcl as sysdba\\" directory=d',
    "impdp 'sys/{pw} as sysdba' directory=d",
    'exp hr/{pw}@xe file=hr.dmp owner=hr',
    'imp hr/{pw} file=hr.dmp full=y',
    'rman target sys/{pw}@prod',
    'rman target sys/{pw}@prod catalog rco/{pw}@catdb',
    'rman target / auxiliary sys/{pw}@stby',
    'dgmgrl sys/{pw}@prim',
    'sqlldr userid=scott/{pw}@orcl control=load.ctl',
    'sqlplus -s -L system/{pw}@//db:1521/XE',
    'SQL> connect scott/{pw}@orcl',
    'SQL> CONN sys/{pw} as sysdba',
    'jdbc:oracle:thin:app/{pw}@db:1521/ORCL',
    'spring.datasource.url=jdbc:oracle:thin:scott/{pw}@//db.internal:1521/XEPDB1',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('finds the password itself: not the user, not the database', () => {
    const text = 'rman target sys/Sunflower7!@prod catalog rco/Other9pw@catdb';
    expect(connectStringPasswords(text).map(([s, e]) => text.slice(s, e))).toEqual(['Sunflower7!', 'Other9pw']);
  });

  it('leaves connect strings without one, paths, fractions and prose, byte for byte', () => {
    for (const text of [
      'sqlplus / as sysdba',
      'rman target /',
      'expdp directory=dp_dir dumpfile=exp/hr_%U.dmp logfile=imp/hr.log',
      'connect and/or disconnect the agent',
      'use exp/imp for old releases and expdp/impdp for new ones',
      'imp 2024/25 budget',
      'see https://docs.oracle.com/en/database/oracle/oracle-database/19/sutil/ for details',
      'go get golang.org/x/tools@v0.21.0',
      'npm i @scope/pkg@1.2.3',
      'jdbc:oracle:thin:@//db.internal:1521/XEPDB1',
      'redis://localhost:6379/0 and host:app/v2@main',
      'The ratio is 3/4 and the order ORD-2024-88123 ships 2026/12/03 for $35.00',
      'GET /api/orders/ORD-2024-88123/items?sha=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
