import { existsSync, readFileSync } from 'node:fs';
import { sqliteWorkerSink } from '@understudy/store';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureSink, storeSink } from '../src/index.js';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

const secrets = {
  bearer: 'sk-proj-SEEDEDsecretBearer0001',
  apiKeyHeader: 'SEEDED-x-api-key-value-0002',
  cookie: 'SEEDEDcookie0003',
  customHeader: 'SEEDED-custom-header-0004',
  jsonPath: 'SEEDED-json-path-value-0005',
  nested: 'SEEDED-deep-email-0006',
  email: 'seeded.person0007@example.com',
  card: '4111 1111 1111 1111',
  queryKey: 'SEEDEDquerykey0008',
  customPattern: 'ACCT-99887766',
  sseEmail: 'stream.seeded0009@example.org',
};

/**
 * Both ways an exchange is built: on the tap's thread (a sink without `buildWith`, e.g. the
 * store's repository) and in the SQLite writer thread from the raw parts the tap hands it.
 */
const sinks: [string, (store: Parameters<typeof storeSink>[0], file: string) => CaptureSink][] = [
  ['built by the tap (storeSink)', (store) => storeSink(store)],
  ['built in the writer thread (sqliteWorkerSink)', (_store, file) => sqliteWorkerSink({ url: file })],
];

describe.each(sinks)('redaction, %s', (_name, sink) => {
  let upstream: LlmUpstream;
  let h: TapHarness;

  beforeAll(async () => {
    upstream = await startLlmUpstream();
    h = await startTap(upstream.url, {
      sink,
      tap: {
        redaction: {
          headers: ['x-customer-secret'],
          jsonPaths: ['$.user.password', '$..ssn'],
          patterns: [{ name: 'account', regex: 'ACCT-\\d{8}' }],
        },
      },
    });
  });

  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('persists no seeded secret anywhere in the SQLite file, WAL included', async () => {
    const body = JSON.stringify({
      model: 'gpt-4o-mini',
      user: { name: 'ok', password: secrets.jsonPath },
      profile: { deep: { ssn: secrets.nested } },
      messages: [{ role: 'user', content: `mail me at ${secrets.email}, card ${secrets.card}, account ${secrets.customPattern}` }],
    });
    const res = await request(`${h.url}/echo?api_key=${secrets.queryKey}&q=hello`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${secrets.bearer}`,
        'x-api-key': secrets.apiKeyHeader,
        cookie: `session=${secrets.cookie}`,
        'x-customer-secret': secrets.customHeader,
      },
    });
    // The echo carries every secret back in the response body and a set-cookie header.
    const echoed = await res.body.text();
    expect(echoed).toContain(secrets.jsonPath);

    const sse = await request(`${h.url}/echo-sse`, { method: 'GET' });
    await sse.body.dump();
    await h.tap.flush();

    const ex = (await h.store.exchanges.list({ path: '/echo' })).items[0];
    expect(ex?.query).toMatch(/^api_key=%5Bredacted%3Aapi_key%3A[0-9a-f]{12}%5D&q=hello$/);
    const stored = Buffer.from(ex?.requestBody.bytes ?? new Uint8Array()).toString('utf8');
    expect(JSON.parse(stored)).toMatchObject({ user: { name: 'ok' } });
    expect(stored).toMatch(/\[redacted:email:[0-9a-f]{12}\]/);
    expect(stored).toMatch(/\[redacted:card:[0-9a-f]{12}\]/);
    expect(stored).toMatch(/\[redacted:account:[0-9a-f]{12}\]/);

    // Raw bytes of the database and its WAL: no secret in any form.
    const files = [h.file, `${h.file}-wal`].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    const raw = Buffer.concat(files.map((f) => readFileSync(f))).toString('latin1');
    expect(raw).toContain('[redacted:'); // the captures really are in these files
    for (const [name, secret] of Object.entries(secrets)) {
      expect(raw.includes(secret), `${name} leaked into the store`).toBe(false);
    }
    expect(raw.includes('4111111111111111')).toBe(false);
    expect(raw.includes(encodeURIComponent(secrets.email))).toBe(false);
  });

  it('maps one secret to one placeholder across exchanges', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await request(`${h.url}/echo`, { headers: { authorization: 'Bearer same-token-123456789' } });
      await res.body.dump();
    }
    await h.tap.flush();
    const items = (await h.store.exchanges.list({ path: '/echo' }, { limit: 2 })).items;
    expect(items).toHaveLength(2);
    expect(items[0]?.requestHeaders.authorization).toBe(items[1]?.requestHeaders.authorization);
    expect(items[0]?.requestHeaders.authorization).not.toContain('same-token');
  });
});
