import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { netCommandPasswords } from './net-command-password.js';

const at = storedText('net-command-password-key-0123456789');
const { stored, storedJson } = at;

/**
 * Windows's `net user NAME PW` and `net use [DEV:] \\host\share PW [/user:…]`: the password is a
 * word at a place, with no option or label before it. Trust audit 3 left them (no rare character to
 * gate on); trust audit 4 (2026-12-03) found all of these stored.
 */
describe('a password given to `net user` or `net use` by position', () => {
  const passwords = ['sunflower', 'Sunflower7!', 'Tr0ub4dor&3', 'Xy7#qLm2'];
  const commands = [
    'net user alice {pw} /add',
    'net user alice {pw}',
    'NET USER administrator {pw} /domain',
    'Net User svc_backup {pw} /expires:never',
    'C:\\> net user alice {pw} /add',
    'PS C:\\Users\\bob> net.exe user alice {pw}',
    'net user "John Doe" {pw} /add',
    'net use \\\\fs01\\share {pw} /user:CORP\\alice',
    'net use Z: \\\\fs01\\share {pw} /user:alice /persistent:no',
    'net use \\\\fs01\\ipc$ /user:alice {pw}',
    'NET USE * \\\\10.0.0.5\\c$ {pw} /USER:admin',
    'net use https://dav.example/docs {pw} /user:bob',
    'I ran `net user alice {pw} /add` and it worked',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('finds the password itself, nothing around it', () => {
    const text = 'net use Z: \\\\fs01\\share Sunflower7! /user:CORP\\alice';
    expect(netCommandPasswords(text).map(([s, e]) => text.slice(s, e))).toEqual(['Sunflower7!']);
    const json = JSON.stringify({ content: 'net user alice Sunflower7!' });
    expect(netCommandPasswords(json).map(([s, e]) => json.slice(s, e))).toEqual(['Sunflower7!']);
  });

  it('leaves commands that give none, and prose about net users, byte for byte', () => {
    for (const text of [
      'net user',
      'net user alice',
      'net user alice * /add',
      'net user alice /delete',
      'net user alice /active:yes',
      'net use',
      'net use * /delete',
      'net use Z: /delete',
      'net use Z: \\\\fs01\\share /persistent:yes',
      'net use \\\\fs01\\share * /user:CORP\\alice',
      'net use Z: \\\\fs01\\share',
      'Our net user growth was 4.2% in Q3, net user churn 1.1%',
      'The net user count rose to 12 and the net use of funds was $35.00',
      'net user base grew by 5% to 120000 accounts on 2026-12-03',
      'Order ORD-2024-88123, booking XK7P2Q, ref 7f3a9c2e-1b4d-4e8f-9a6b-2c5d8e1f4a7b, total $35.00',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
