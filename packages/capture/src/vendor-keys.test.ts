import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'vendor-keys-key-0123456789abcdef');
const body = (s: string, type = 'text/plain') => redactor.forExchange().body(s, type);
const message = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }] });

/** The secret is gone from a plain-text body and from a JSON chat message, which stays JSON. */
function expectGone(text: string, secret: string): void {
  expect(body(text), text).not.toContain(secret);
  const json = body(message(text), 'application/json');
  expect(json, text).not.toContain(JSON.stringify(secret).slice(1, -1));
  expect(() => JSON.parse(json), json).not.toThrow();
}

// Found by the secret seeder: keys of vendors other than OpenAI, Anthropic, Stripe, AWS, GitHub,
// Slack and Google, private keys and credentials in connection strings were stored in clear.
describe('credentials of a known shape, whatever their vendor', () => {
  it('prefixed vendor keys in prose', () => {
    const keys = [
      'hf_AbCdEfGhIjKlMnOpQrStUvWxYz123456',
      'glpat-AbCdEfGh1234567890xy',
      'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'SG.AbCdEfGhIjKlMnOpQrStUv.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg',
      'whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      'dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'shpat_0123456789abcdef0123456789abcdef',
      'xai-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'gsk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'r8_AbCdEfGhIjKlMnOpQrStUvWxYz012345678',
      'pplx-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'ya29.a0AfH6SMBxAbCdEfGhIjKlMnOpQrStUvWxYz',
      'xapp-1-A0123456789-0123456789012-abcdef0123456789',
      'SK0123456789abcdef0123456789abcdef',
      'AC0123456789abcdef0123456789abcdef',
      'key-0123456789abcdef0123456789abcdef',
      '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      'lin_api_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
      'sq0atp-AbCdEfGhIjKlMnOpQrStUv',
      'AKCp8AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrstuvwxyz0',
      'dapi0123456789abcdef0123456789abcdef',
      'pat-na1-01234567-89ab-cdef-0123-456789abcdef',
      'ATATT3xFfGF0AbCdEfGhIjKlMnOpQrStUvWxYz',
      'nvapi-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'fw_AbCdEfGh1jKlMnOpQrStUv',
      'tvly-AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      'gho_AbCdEfGhIjKlMnOpQrStUvWxYz0123',
    ];
    for (const key of keys) expectGone(`here is my key ${key} for the deploy`, key);
  });

  it('webhook URLs whose path is the credential', () => {
    const hooks = [
      ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXXXXXXXXXXX'],
      ['https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOp-QrStUvWxYz', 'AbCdEfGhIjKlMnOp-QrStUvWxYz'],
    ] as const;
    for (const [url, secret] of hooks) expectGone(`post to ${url} please`, secret);
  });

  it('PEM private keys, whole or cut off, as text and JSON-escaped', () => {
    const kinds = ['RSA PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];
    for (const kind of kinds) {
      const inner = 'MIIEowIBAAKCAQEApemBodyLine1xyz\nb3BlbnNzaC1rZXktdjEAAAAApemLine2\nQk9EWVRISVJETElORQ==';
      const pem = `-----BEGIN ${kind}-----\n${inner}\n-----END ${kind}-----`;
      for (const line of inner.split('\n')) expectGone(`my key:\n${pem}\nthanks`, line);
      // Cut off at the capture cap: no END line.
      expect(body(`key:\n${pem.slice(0, 60)}`)).not.toContain('MIIEowIBAAKCAQEA');
      expect(body(`look: ${pem}`)).toContain(`-----BEGIN ${kind}-----`);
    }
    // A public key or a certificate is no secret: kept.
    const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUcertbody\n-----END CERTIFICATE-----';
    expect(body(cert)).toBe(cert);
  });

  it('credentials in a URL or a connection string', () => {
    const cases = [
      ['redis://:RedisPw5521@cache:6379/0', 'RedisPw5521'],
      ['postgres://admin:PgPass-9911@db.internal:5432/app', 'PgPass-9911'],
      ['mongodb+srv://root:MongoPw7731@cluster0.mongodb.net/test', 'MongoPw7731'],
      ['amqp://guest:Amqp%40Pw88@rabbit/', 'Amqp%40Pw88'],
      ['https://alice:UrlPw-4451@example.com/x', 'UrlPw-4451'],
      ['mysql://root:my$ecretPw!@127.0.0.1/db', 'my$ecretPw!'],
      ['Server=tcp:db.example.net,1433;User ID=sa;Password=SqlPw-0042;Encrypt=True', 'SqlPw-0042'],
    ] as const;
    for (const [url, secret] of cases) expectGone(`connect with ${url} now`, secret);
    // A URL with a port, or an `@` in a path, keeps its bytes.
    for (const kept of ['https://example.com/@alice/posts', 'see https://example.com:8443/a']) expect(body(kept)).toBe(kept);
  });

  it('Basic credentials and `curl -u` in prose', () => {
    expectGone('send Basic YWxpY2U6c2VjcmV0cGFzczEyMw== with it', 'YWxpY2U6c2VjcmV0cGFzczEyMw==');
    expectGone('curl -u alice:CurlPw-8812 https://x', 'CurlPw-8812');
    expectGone('curl --user alice:CurlPw-8813 https://x', 'CurlPw-8813');
    // Basic as a word, and a base64 word that holds no `user:password`, are prose.
    for (const kept of ['Basic plans start at $5', 'The Basic tier is free']) expect(body(kept)).toBe(kept);
  });
});
