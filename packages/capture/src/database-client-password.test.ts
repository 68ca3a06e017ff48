import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('database-client-password-key-0123456789');
const { stored, storedJson } = at;

/**
 * Passwords after a short option of a client the option rules did not know: Cassandra's `cqlsh -p`,
 * the Azure CLI's `az login -p`, `rdesktop -p`, Sybase's `isql -P`, InfluxDB 1's `influx -password`.
 * Trust audit 4 (2026-12-03) found each stored.
 */
describe('a password after a database or remote-desktop client option', () => {
  const passwords = ['sunflower', 'Sunflower7!', 'Tr0ub4dor&3', 'Xy7#qLm2'];
  const commands = [
    'cqlsh -u cassandra -p {pw} 10.0.0.7',
    'cqlsh 10.0.0.7 9042 -u admin -p {pw}',
    'az login -u bob@example.com -p {pw}',
    'az login --service-principal -u http://app -p {pw} --tenant contoso',
    'rdesktop -u bob -p {pw} host.example',
    'isql -S SYBASE -U sa -P {pw}',
    'influx -username admin -password {pw} -host db',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('leaves the same programs without a password, byte for byte', () => {
    for (const text of [
      'cqlsh 10.0.0.7 9042 -k shop',
      'az login --use-device-code',
      'az group list -p none',
      'rdesktop -g 1280x1024 host.example',
      'isql -v shopdsn',
      'influx -database metrics -precision rfc3339',
      'cqlsh -p',
      'rdesktop -p - host.example',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
