/**
 * Trust audit 9's seeder. What audit 8 left stored and classes no audit tried — a password label
 * of another language or without its diacritics (`parola: …`, `geslo: …`, `лозинка је …`), a user
 * / password pair after a credentials label (`creds: admin / …`, `login admin:…`), unquoted JS
 * members beside a user, a password piped to `sudo -S` or given to `chpasswd` as a here-string,
 * Wi-Fi keys (`psk=`, `wpa_passphrase`, a `WIFI:` QR string), a bare `IDENTIFIED BY` in a GRANT,
 * JSON in an HTML attribute, an `aws configure` transcript, an expect script's `send`, a
 * Terraform Cloud token, a PEM private key and a logged curl's Basic header — pasted through every
 * path of `seeded-traffic.ts` (the real `openai` and `@anthropic-ai/sdk` clients with every text
 * split into 3-character deltas, the live shadow, a replay, the egress, a HAR import, the export);
 * then headers whose names carry a credential without the usual words (`x-sid`,
 * `x-honeycomb-team`, `x-amzn-oidc-data`, …) from the real `openai` client through the tap, and
 * a JSONL and an OTLP import, read back from the API, the export, the dashboard's pages,
 * `/metrics`, the log, the SQLite file and its WAL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importExchanges } from '@understudy/replay';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { recordingPathsFixture, secretSpellings } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';
import { jsonlExchange, otlpTrace, wirePlaces } from './wire-shapes-traffic.js';

const redactionKey = 'secret-audit9-test-key-0123456789';
const adminToken = 'secret-audit9-admin-token-0123456789';

/** The pasted shapes' secrets, each distinct, so a leak names its shape. */
const secrets = {
  roParola: 'A9SeedRoParola-901',
  slGeslo: 'A9SeedSlGeslo-902',
  srLozinka: 'A9SeedSrLozinka-903',
  credsSlash: 'A9SeedCredsSlash-904',
  loginColon: 'A9SeedLoginColon-905',
  jsShorthand: 'A9SeedJsShort-906',
  sudoPiped: 'A9SeedSudoPiped-907',
  chpasswdHere: 'A9SeedChpasswd-908',
  wifiPsk: 'A9SeedWifiPsk-909',
  wifiQr: 'A9SeedWifiQr-910',
  wpaPassphrase: 'A9SeedWpaPass-911',
  sqlGrant: 'A9SeedSqlGrant-912',
  htmlJson: 'A9SeedHtmlJson-913',
  awsPrompt: 'A9SeedAwsPrompt-914',
  expectSend: 'A9SeedExpectSend-915',
  terraform: 'A9SeedTfc0123456.atlasv1.A9SeedTerraformCloudToken0123456789abcdefghijklmnopqrstuvwxyz',
  pemKey: 'MIIEpQIBAAKCAQEA9SeedPemKeyBodyAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  curlBasic: 'QTlTZWVkQm9iOkE5U2VlZEN1cmxCYXNpYy05MTg=',
  toolArgs: 'A9SeedToolArgs-919',
  headerKey: 'A9SeedHeaderKey-0123456789',
  queryKey: 'A9SeedQueryKey-0123456789',
  bearer: 'A9SeedBearer9xQ2mL7vT4kP8',
} as const;

/** Ordinary text beside them: prose in the same languages, settings that name a key's kind. */
const ordinary = [
  'Questa parola è difficile da pronunciare.',
  'the login page is /admin/login',
  'key_mgmt=WPA-PSK',
  'Default region name [None]: eu-west-1',
  'rows identified by their id',
] as const;

const spelled = [
  'Pasted from the incident channel:',
  `parola: ${secrets.roParola}`,
  `geslo: ${secrets.slGeslo}`,
  `лозинка је ${secrets.srLozinka}`,
  `creds: admin / ${secrets.credsSlash}`,
  `use login admin:${secrets.loginColon} for the panel`,
  `const c = { user, pass: "${secrets.jsShorthand}" }`,
  `echo '${secrets.sudoPiped}' | sudo -S apt update`,
  `chpasswd <<< "bob:${secrets.chpasswdHere}"`,
  `  psk="${secrets.wifiPsk}"`,
  `WIFI:T:WPA;S:HomeNet;P:${secrets.wifiQr};;`,
  `wpa_passphrase HomeNet ${secrets.wpaPassphrase}`,
  `GRANT ALL ON db.* TO bob IDENTIFIED BY ${secrets.sqlGrant};`,
  `<div data-config="{&quot;api_key&quot;:&quot;${secrets.htmlJson}&quot;}"></div>`,
  `AWS Secret Access Key [None]: ${secrets.awsPrompt}`,
  `expect "assword:"\nsend "${secrets.expectSend}\\r"`,
  `export TFE_TOKEN=x; terraform login uses ${secrets.terraform}`,
  `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pemKey}\n-----END RSA PRIVATE KEY-----`,
  `$ curl -H "Authorization: Basic ${secrets.curlBasic}" https://api.example/v1/me`,
  ...ordinary,
].join('\n');

const toolArguments = JSON.stringify({
  cmd: `echo ${secrets.toolArgs} | sudo -S systemctl restart nginx`,
  note: `creds: admin/${secrets.toolArgs}`,
});
const traffic: SeededTraffic = { tag: 'a9', spelled, toolArguments };

/** Headers the client sends whose names carry a credential without the usual words. */
const headerSecrets = {
  'x-sid': 'A9HdrSid-931',
  'x-authentication': 'A9HdrAuthn-932',
  'x-honeycomb-team': 'A9HdrHoneycomb-933',
  'x-amzn-oidc-data': 'A9HdrOidcData-934',
  'x-amzn-oidc-accesstoken': 'A9HdrOidcAccess-935',
  'x-jfrog-art-api': 'A9HdrJfrog-936',
  'cb-access-sign': 'A9HdrCbSign-937',
} as const;
const importSecrets = { jsonl: 'A9ImportJsonl-941', otlp: 'A9ImportOtlp-942' } as const;

const paths = recordingPathsFixture({ upstreamApp: seededUpstream(traffic), redactionKey, seed: 19 });

describe('trust audit 9 seeder (every path, real SDK clients, real sockets, the store file)', () => {
  it('no pasted secret reaches the SQLite file, its WAL, the log, the API or an export; prose and settings survive', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'Pasted from the incident channel:',
      survivors: [...ordinary],
    });
  });

  it('no header or import secret reaches the API, the export, the dashboard, /metrics, the log, the SQLite file or its WAL', async () => {
    const { tapUrl, store, record, file } = paths();
    const openai = new OpenAI({
      apiKey: 'sk-proj-A9HeaderClientKeyAbCdEfGhIjKlMnOpQr',
      baseURL: `${tapUrl}/v1`,
      maxRetries: 0,
      defaultHeaders: headerSecrets,
    });
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'headers, please' }] });
    const dir = `${file}.a9-imports`;
    mkdirSync(dir, { recursive: true });
    const files = {
      'a9.jsonl': jsonlExchange('01A9A9A9A9A9A9A9A9A9A9A9A9', JSON.stringify({ note: `parola contului: ${importSecrets.jsonl}` }), {
        'x-sid': headerSecrets['x-sid'],
      }),
      'a9.otlp.json': otlpTrace('a9', `Username/Password: admin/${importSecrets.otlp}`),
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      await importExchanges(store, join(dir, name), { record, version: 'a9-import' });
    }
    await paths().tap.flush();
    const places = await wirePlaces(paths(), adminToken);
    expect(places.api).toContain('headers, please');
    expect(places.api).toContain('Noted.');
    const all = { ...headerSecrets, ...importSecrets };
    const leaks = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(all)
        .filter(([, s]) => secretSpellings(s).some((f) => text.includes(f)))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(leaks).toEqual([]);
  });
});
