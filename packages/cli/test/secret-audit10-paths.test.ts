/**
 * Trust audit 10's seeder. What audit 9 left stored and the classes found beside it — a user /
 * password pair after `u/p:` or a verb of signing in (`log in with admin / …`, `sign in as bob:…`),
 * a value an error names only as tried (`login failed: tried '…'`), JSON members whose names are
 * secret only folded (the Kelvin sign's `Key`, `kennwört`, `GEHEİMNİS`) or whose pair is split by a
 * blank (`card no`), a password after a label of a language no list holds (`nenosiri: …`,
 * `პაროლი: …`) — pasted through every path of `seeded-traffic.ts` (the real `openai` and
 * `@anthropic-ai/sdk` clients with every text and the tool call's arguments split into 3-character
 * deltas, the live shadow, a replay, the egress, a HAR import, the export); then a Slack webhook's
 * short token in a request path through the tap, and a JSONL and an OTLP import, read back from the
 * API, the export, the dashboard's pages, `/metrics`, the log, the SQLite file and its WAL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importExchanges } from '@understudy/replay';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { recordingPathsFixture, secretSpellings } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';
import { jsonlExchange, otlpTrace, wirePlaces } from './wire-shapes-traffic.js';

const redactionKey = 'secret-audit10-test-key-0123456789';
const adminToken = 'secret-audit10-admin-token-0123456789';

/** The pasted shapes' secrets, each distinct, so a leak names its shape. */
const secrets = {
  upLabel: 'A10SeedUpLabel-1001',
  logInWith: 'A10SeedLogInWith-1002',
  signInAs: 'A10SeedSignInAs-1003',
  triedQuoted: "A10SeedTried&'x-1004",
  triedBare: 'A10SeedTriedBare!1005',
  kelvinKey: 'A10SeedKelvinKey-1006',
  markedName: 'A10SeedMarkedName-1007',
  dottedName: 'A10SeedDottedName-1008',
  cardNo: 'A10SeedCardNo-1009',
  swahiliLabel: 'A10SeedNenosiri!1010',
  georgianLabel: 'A10SeedParoli#1011',
  headerKey: 'A10SeedHeaderKey-0123456789',
  queryKey: 'A10SeedQueryKey-0123456789',
  bearer: 'A10SeedBearer9xQ2mL7vT4kP8',
} as const;

/** Ordinary text beside them: signing in with providers, what was tried, names past ASCII that are data. */
const ordinary = ['Sign in with Google / Apple', 'login failed: tried again later', "we tried 'npm ci' first", 'durée'] as const;

const spelled = [
  'Pasted from the incident channel:',
  `u/p: admin / ${secrets.upLabel}`,
  `log in with admin / ${secrets.logInWith}`,
  `Sign in as bob:${secrets.signInAs} until Friday.`,
  `login failed: tried "${secrets.triedQuoted}" for user x`,
  `Password rejected (tried ${secrets.triedBare})`,
  `nenosiri: ${secrets.swahiliLabel}`,
  `პაროლი: ${secrets.georgianLabel}`,
  ...ordinary,
].join('\n');

const toolArguments = JSON.stringify({
  durée: 12,
  '\u212Aey': secrets.kelvinKey,
  kennwört: secrets.markedName,
  GEHEİMNİS: secrets.dottedName,
  'card no': secrets.cardNo,
});
const traffic: SeededTraffic = { tag: 'a10', spelled, toolArguments };

const pathToken = 'A10xQ9k2Zm';
const importSecrets = { jsonl: 'A10ImportJsonl!1041', otlp: 'A10ImportOtlp!1042' } as const;

const paths = recordingPathsFixture({ upstreamApp: seededUpstream(traffic), redactionKey, seed: 23 });

describe('trust audit 10 seeder (every path, real SDK clients, real sockets, the store file)', () => {
  it('no pasted secret reaches the SQLite file, its WAL, the log, the API or an export; prose survives', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'Pasted from the incident channel:',
      survivors: [...ordinary],
    });
  });

  it('no webhook path token or import secret reaches the API, the export, the dashboard, /metrics, the log, the SQLite file or its WAL', async () => {
    const { tapUrl, store, record, file } = paths();
    const hook = await request(`${tapUrl}/services/T0AB12CD3/B0CD34EF5/${pathToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'deploy finished' }),
    });
    await hook.body.text();
    const dir = `${file}.a10-imports`;
    mkdirSync(dir, { recursive: true });
    const files = {
      'a10.jsonl': jsonlExchange('01A10A10A10A10A10A10A10A10', JSON.stringify({ note: `log in as ops / ${importSecrets.jsonl}` })),
      'a10.otlp.json': otlpTrace('a10', `auth error: tried '${importSecrets.otlp}'`),
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      await importExchanges(store, join(dir, name), { record, version: 'a10-import' });
    }
    await paths().tap.flush();
    const places = await wirePlaces(paths(), adminToken);
    expect(places.api).toContain('/services/T0AB12CD3/');
    expect(places.api).toContain('deploy finished');
    const all = { pathToken, ...importSecrets };
    const leaks = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(all)
        .filter(([, s]) => secretSpellings(s).some((f) => text.includes(f)))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(leaks).toEqual([]);
  });
});
