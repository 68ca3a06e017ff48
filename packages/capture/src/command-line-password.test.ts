import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'command-line-password-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ messages: [{ role: 'user', content: text }] }), 'application/json');

/**
 * A password given to a program on its command line or in a credentials file names no value with
 * `=` or `:`: `sshpass -p X`, `mysql -pX`, `docker login -p X`, `--password X`, `PGPASSWORD=X`, an
 * `.netrc` line. Agents paste these into chats and run them in tool calls. Found by trust audit 2
 * (2026-12-03): each was stored as written.
 */
describe('a password on a command line', () => {
  const secrets = ['Hunter2Pass', 'x9$Kq!vT3', 'sunshine', 'Tr0ub4dor&3'];

  it('is redacted after the options that take one, attached or spaced, quoted or not, in text and in JSON', () => {
    const shapes = (pw: string): string[] => [
      `sshpass -p ${pw} ssh root@db.internal`,
      `sshpass -p '${pw}' scp a b`,
      `sshpass -p"${pw}" rsync -a x y`,
      `mysql -u root -p${pw} shop`,
      `mysql -h db -u root -p ${pw} shop`,
      `mysqldump --user=root -p'${pw}' shop > dump.sql`,
      `mariadb -uroot -p${pw}`,
      `docker login -u bob -p ${pw} registry.example.com`,
      `podman login --username bob --password ${pw} quay.io`,
      `docker login registry.example.com --password "${pw}" --username bob`,
      `helm registry login ghcr.io -u bob -p ${pw}`,
      `redis-cli -h cache -a ${pw} PING`,
      `mongosh "mongodb://db" -u admin -p ${pw}`,
      `some-tool --db-password ${pw} --verbose`,
      `PGPASSWORD=${pw} psql -h db -U app`,
      `export MYSQL_PWD=${pw}`,
      `SSHPASS=${pw} sshpass -e ssh host`,
      `set PGPASSWORD=${pw}`,
      `zip -r -P ${pw} backup.zip data/`,
      `unzip -P '${pw}' backup.zip`,
      `7z a -p${pw} archive.7z docs`,
      `openssl enc -aes-256-cbc -salt -pass pass:${pw} -in a -out b`,
      `openssl rsa -passin pass:${pw} -in key.pem`,
      `openssl enc -d -aes-256-cbc -k ${pw} -in b`,
      `smbclient //srv/share -U bob%${pw}`,
    ];
    for (const pw of secrets)
      for (const shape of shapes(pw)) {
        expect(stored(shape), shape).not.toContain(pw);
        expect(storedJson(shape), shape).not.toContain(pw);
      }
  });

  it('is redacted on an .netrc line and after a bare `password` that a credential follows', () => {
    for (const line of [
      'machine api.example.com login alice password s3cr3tPW',
      'machine h login u password p',
      'default login anonymous password guest',
      'machine h\n  login u\n  password hunter',
    ])
      expect(stored(line), line).not.toMatch(/password (?!\[redacted)/);
    expect(stored('the wifi password Kx7-pLm2q is on the fridge')).not.toContain('Kx7-pLm2q');
    expect(stored('use password Hunter2Pass for the admin')).not.toContain('Hunter2Pass');
  });

  it('leaves prose and commands that name no password', () => {
    for (const text of [
      'psql -h db -p 5432 -U app shop',
      'ssh -p 2222 deploy@host',
      'docker run -p 8080:80 nginx',
      'mkdir -p /var/lib/app && cp -p a b',
      'mysql -u root -p shop < schema.sql',
      'docker login --password-stdin -u bob',
      'zip -r -9 backup.zip data/ && unzip -l backup.zip',
      '7z a -p archive.7z docs',
      'openssl enc -aes-256-cbc -pass env:BACKUP_KEY -in a -out b',
      'openssl rsa -passin file:pw.txt -in key.pem',
      'smbclient //srv/share -U bob',
      'password reset link sent on 2026-12-03 for order 48213',
      'Your password must have 12 characters; password strength is shown in the bar.',
      'Click "Forgot password" and follow the steps.',
      'machine learning models need a login page and a password field',
    ])
      expect(stored(text), text).toBe(text);
  });
});
