import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { rdpPasswords } from './rdp-password.js';

const at = storedText('rdp-password-key-0123456789');

/** FreeRDP's `/p:PW`: trust audit 4 left it, trust audit 5 (2026-12-03) found it stored. */
describe("a password given to FreeRDP's /p: option", () => {
  const passwords = ['sunflower', 'Sunflower7!', 'Tr0ub4dor&3', 'Winter2026!'];
  const commands = [
    'xfreerdp /v:10.0.0.5 /u:admin /p:{pw}',
    'xfreerdp /u:CORP\\bob /p:{pw} /v:srv01 /cert:ignore',
    'xfreerdp3 /v:rdp.example.com /u:alice /p:"{pw}" +clipboard',
    'wlfreerdp /u:alice /p:{pw} /v:host',
    '$ sdl-freerdp /d:CORP /u:alice /p:{pw} /v:host /f',
    'C:\\> wfreerdp.exe /u:alice /p:{pw} /v:host',
    'run `xfreerdp /v:host /u:alice /p:{pw}` and it hangs',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('finds the password itself, quoted or not', () => {
    for (const text of ['xfreerdp /u:a /p:Sunflower7! /v:h', JSON.stringify({ c: 'xfreerdp /u:a /p:"Sunflower7!" /v:h' })])
      expect(rdpPasswords(text).map(([s, e]) => text.slice(s, e))).toEqual(['Sunflower7!']);
  });

  it("leaves other programs' /p: properties and prose byte for byte", () => {
    for (const text of [
      'msbuild app.sln /p:Configuration=Release /p:Platform=x64',
      'dotnet publish /p:PublishSingleFile=true',
      'see https://example.com/p:123 and /p:foo',
      'xfreerdp /v:host /u:alice\nmsbuild /p:Configuration=Release',
      'xfreerdp /v:host /u:alice /p:',
    ]) {
      expect(at.stored(text), text).toBe(text);
      expect(at.storedJson(text), text).not.toContain('[redacted');
    }
  });
});
