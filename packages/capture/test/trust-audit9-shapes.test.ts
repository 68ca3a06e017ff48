import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../src/redactor.js';
import { storedText, templateLeaks } from './stored-text.js';

/**
 * Trust audit 9's probe (2026-12-04): what audit 8 left stored, and classes no audit tried, each
 * through the one redactor as a plain-text body and inside a chat request's JSON string; the
 * ordinary text beside each class (prose in the same languages, counts, settings that name a
 * secret's kind) must stay byte for byte.
 */
const at = storedText('trust-audit9-shapes-key-0123456789');
const S = 'Q9xSeedPw!4k2';

/** `{S}` is the secret, by class. */
const templates: Readonly<Record<string, readonly string[]>> = {
  'a password label without its diacritics, or of a language not covered yet': [
    'parola: {S}',
    'parola este {S}',
    'Parola mea este {S}',
    'parola contului: {S}',
    'geslo: {S}',
    'lozinka je {S}',
    'kata laluan {S}',
    'parool: {S}',
    'contrasenya: {S}',
    'wagwoord: {S}',
    'slaptazodis: {S}',
    'парола: {S}',
    'лозинка је {S}',
    'şifrə: {S}',
  ],
  'a user / password pair after a credentials label': [
    'creds: admin / {S}',
    'credentials: admin/{S}',
    'login admin:{S}',
    'use login admin:{S} for the panel',
    'user/pass: admin / {S}',
    'Username/Password: admin/{S}',
  ],
  'unquoted JS members': [
    'const c = { user, pass: "{S}" }',
    '{ auth: { user: "bob", pass: "{S}" } }',
    "new Client({ user: 'app', pass: '{S}' })",
  ],
  'a password piped to a program, Wi-Fi keys': [
    'chpasswd <<< "bob:{S}"',
    "echo '{S}' | sudo -S apt update",
    'echo {S} | sudo -S systemctl restart nginx',
    'wpa_passphrase HomeWifi {S}',
    'psk={S}',
    'wpa_psk={S}',
    '  psk="{S}"',
    'wpa-psk {S}',
    'WIFI:T:WPA;S:HomeNet;P:{S};;',
  ],
  'SQL IDENTIFIED BY, bare': ['ALTER USER bob IDENTIFIED BY {S};', 'GRANT ALL ON db.* TO bob IDENTIFIED BY {S};'],
  'JSON in an HTML attribute': [
    'data-config="{&quot;api_key&quot;:&quot;{S}&quot;}"',
    '<div data-props="{&quot;user&quot;:&quot;bob&quot;,&quot;password&quot;:&quot;{S}&quot;}"></div>',
    '<x-app config="{&#34;client_secret&#34;: &#34;{S}&#34;}">',
  ],
  'a JSON member named jwt (a secret name the member scan did not look for)': ['{"session": {"jwt": "{S}"}}'],
  'a prompt answered in a transcript': [
    'AWS Secret Access Key [None]: {S}',
    'AWS Secret Access Key [****************abcd]: {S}',
    'spawn ssh bob@host\nexpect "assword:"\nsend "{S}\\r"',
    'expect "Password:" { send "{S}\\r" }',
  ],
};

/** Vendor keys: no `{S}`; the whole key is the secret. */
const vendorKeys: readonly string[] = [
  'Zq8xKp2Lm4Nv7R.atlasv1.Zq8xKp2Lm4Nv7RZq8xKp2Lm4Nv7RZq8xKp2Lm4Nv7RZq8xKp2Lm4Nv7RZq8xKp2Lm4Nv7R',
  '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',
  'sbp_4f9c1a7e5b2d4c8f9a0e1b2c3d4e5f6a7b8c9d0e',
  'PMAK-65f1a2b3c4d5e6f7a8b9c0d1-9f8e7d6c5b4a39281706f5e4d3c2b1a0f9',
];

/** Prose, code and settings that hold no secret: stored as written. */
const ordinary: readonly string[] = [
  'Questa parola è difficile da pronunciare.',
  'La parola «ciao» è italiana.',
  'The parole board met on 2024-05-01.',
  'Parola mea este prea scurtă.',
  'login: 2024-12-03 / 10:00',
  'credentials: see the vault / ask ops',
  'the login page is /admin/login',
  'user/pass: n/a',
  'const results = { passed: 42, pass: true, user: "bob" }',
  'key_mgmt=WPA-PSK\nwpa_key_mgmt=WPA-PSK SAE',
  'echo $PASSWORD | docker login -u bob --password-stdin',
  'rows identified by their id; GRANT SELECT ON t TO bob;',
  'data-config="{&quot;theme&quot;:&quot;dark&quot;,&quot;max_tokens&quot;:256}"',
  'the atlasv1 token format',
  'Default region name [None]: eu-west-1\nDefault output format [None]: json',
  'expect "Name:"\nsend "bob\\r"',
  "export const GRANT_TYPE_JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';",
];

describe('trust audit 9 shapes', () => {
  it('redacts each shape as a text body and inside a JSON string', () => {
    expect(templateLeaks(at, templates, S)).toEqual([]);
  });

  it("redacts vendors' keys of their own shape", () => {
    for (const key of vendorKeys) {
      const text = `use ${key} here`;
      expect(at.stored(text), key).not.toContain(key.slice(-12));
      expect(at.storedJson(text), key).not.toContain(key.slice(-12));
    }
  });

  it('redacts an OpenVPN static key block', () => {
    const block = [
      '-----BEGIN OpenVPN Static key V1-----',
      '6acef03f62675b4b1bbd03e53b187727',
      '423cc4a54af9d0a1b0d0dd1c8f8a2d3e',
      '-----END OpenVPN Static key V1-----',
    ].join('\n');
    for (const stored of [at.stored(block), at.storedJson(block)]) expect(stored).not.toContain('423cc4a54af9d0a1');
  });

  it('stores ordinary text byte for byte', () => {
    for (const text of ordinary) expect(at.stored(text), text).toBe(text);
  });

  it('redacts headers whose names carry a credential without the usual words, and keeps a file name', () => {
    const values: Record<string, string> = {
      'x-sid': 'Q9HdrSid-901',
      'x-authentication': 'Q9HdrAuthn-902',
      'x-honeycomb-team': 'Q9HdrHoneycomb-903',
      'x-amzn-oidc-data': 'Q9HdrOidcData-904',
      'x-amzn-oidc-accesstoken': 'Q9HdrOidcAccess-905',
      'x-jfrog-art-api': 'Q9HdrJfrog-906',
      'cb-access-sign': 'Q9HdrCbSign-907',
      'x-csrf-token': 'Q9HdrCsrf-908',
    };
    const kept = {
      'content-disposition': 'attachment; filename="report-Q9k2mZ7x.pdf"',
      'x-request-id': 'req-7Q9k2mZ7x',
      'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678',
      'x-session-count': '3',
    };
    const headers = createRedactor(parseConfig({}).tap.redaction, 'trust-audit9-header-key-0123456789')
      .forExchange()
      .headers({ ...values, ...kept });
    expect(Object.entries(values).filter(([name, v]) => (headers[name] ?? '').includes(v))).toEqual([]);
    expect(Object.fromEntries(Object.keys(kept).map((k) => [k, headers[k]]))).toEqual(kept);
  });
});
