/**
 * Issue 10's proof that every path records the same way: one upstream reply recorded by the
 * live tap, the live shadow, a replay and the importers yields the same redacted headers and
 * body and the same error code; and after driving every path with seeded secrets (live JSON,
 * SSE, gzip; HAR, GoReplay and JSONL imports; replay; live shadow; egress) the bytes of the
 * SQLite file, its WAL and every log line hold none of them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { correlationSigner, type RecordDeps } from '@understudy/capture';
import { type Exchange, parseConfig, seededRandom } from '@understudy/core';
import type { Egress } from '@understudy/egress';
import type { Store } from '@understudy/store';
import { createTap, storeSink, type Tap } from '@understudy/tap';
import { Hono } from 'hono';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonl } from '../src/export-exchanges.js';
import { importExchanges } from '../src/import-exchanges.js';
import { createReplayer } from '../src/replayer.js';
import { type RecordingPaths, startRecordingPaths } from './recording-paths.js';
import { harOf, jsonlLineOf, listen, tempStore, untilTrue } from './support.js';

const redactionKey = 'capture-paths-test-key-0123456789';

/** Secrets seeded into every path; none may reach a stored byte or a log. */
const secrets = {
  userBearer: 'sk-user0123456789abcdefghijklmnop',
  cookie: 'sessionid=Zq81hGv0mKp2Lx9TtYw4NeRb',
  email: 'alice.secret@corp.example.com',
  key: 'sk_live_51HqLyjWDarjtT1zdp7dcXyz',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  card: '4111 1111 1111 1111',
  setCookie: 'sid=Rt5Kq9wLm2Xz8Bv4Nc7Pd1Yh',
  googKey: 'AIzaSyA1234567890abcdefghijklmnopqrstu',
  toolQuery: 'tq_9f8e7d6c5b4a3210ffee',
  toolSecret: 'ghp_0123456789abcdefghijABCDEFGHIJ012345',
  versionKey: 'version-own-credential-77a1b2c3d4',
  // Values of no known shape under secret names inside tool-call arguments (JSON in a JSON string).
  toolArgRequest: 'Hq72-conn-secret-no-shape',
  toolArgReply: 'Wb38-reply-password-no-shape',
  toolArgStream: 'Pz51-streamed-pw-no-shape',
  // Written with JSON \u escapes of ASCII letters (`sk-\u0070roj-…`, `"p\u0061ssword"`): stored, they must not appear.
  escapedKey: 'Esc4ped9Key0Tail7x2LmQz',
  escapedPw: 'Esc-pw-no-shape-5521',
} as const;

/** Valid JSON that spells a key and a secret name with escapes: `ESC_KEY` and the `ESC_MEMBER` member are rewritten. */
const withEscapes = (json: string): string =>
  json.replace('ESC_KEY', `sk-\\u0070roj-${secrets.escapedKey}`).replace('"ESC_MEMBER":0', `"p\\u0061ssword":"${secrets.escapedPw}"`);

const replyBody = withEscapes(
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: `Mail ${secrets.email}, key\n${secrets.key}, card ${secrets.card} 123`,
          tool_calls: [
            {
              id: 'c1',
              type: 'function',
              function: { name: 'login', arguments: JSON.stringify({ user: 'ann', password: secrets.toolArgReply }) },
            },
          ],
        },
      },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 7 },
    ESC_MEMBER: 0,
  }),
);

/** The email spelled across deltas, as every LLM streams; then a tool call's arguments with a password split the same way. */
const sseBody = ['Write to ', 'alice.sec', 'ret@corp.exa', 'mple.com', ' today', ' key ESC_KEY']
  .map((content) => `data: ${withEscapes(JSON.stringify({ choices: [{ index: 0, delta: { content } }] }))}\n\n`)
  .concat(
    ['{"user":"ann","pass', 'word": "', secrets.toolArgStream.slice(0, 9), secrets.toolArgStream.slice(9), '"}'].map(
      (args) =>
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] } }] })}\n\n`,
    ),
  )
  .concat('data: [DONE]\n\n')
  .join('');

function upstreamApp(): Hono {
  const app = new Hono();
  app.post('/v1/chat/completions', (c) =>
    c.body(replyBody, 200, { 'content-type': 'application/json', 'set-cookie': secrets.setCookie, 'x-goog-api-key': secrets.googKey }),
  );
  app.post('/v1/stream', (c) => c.body(sseBody, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/gzip', (c) => c.body(gzipSync(replyBody), 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
  app.all('/tools/*', (c) => c.json({ ok: true, token: secrets.toolSecret, echo: c.req.query('api_key') }));
  return app;
}

const requestHeaders = {
  'content-type': 'application/json',
  authorization: `Bearer ${secrets.userBearer}`,
  cookie: secrets.cookie,
};
const requestBody = withEscapes(
  JSON.stringify({
    model: 'gpt-4o-mini',
    ESC_MEMBER: 0,
    messages: [
      { role: 'user', content: `my card\\t${secrets.card} and ${secrets.aws}, ESC_KEY` },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'c0',
            type: 'function',
            function: { name: 'db', arguments: JSON.stringify({ connection_secret: secrets.toolArgRequest }) },
          },
        ],
      },
    ],
  }),
);

let store: Store;
let file: string;
let logFile: string;
let tap: Tap;
let egress: Egress;
let paths: RecordingPaths;
let tapUrl: string;
let egressUrl: string;
let record: RecordDeps;

beforeAll(async () => {
  paths = await startRecordingPaths({
    upstreamApp: upstreamApp(),
    redactionKey,
    seed: 3,
    versionHeaders: { 'x-api-key': secrets.versionKey },
  });
  ({ store, file, logFile, tap, egress, tapUrl, egressUrl, record } = paths);
  await store.versions.upsert({ name: 'dead', upstream: 'http://127.0.0.1:9', headers: {} });
});

afterAll(() => paths.close());

async function send(path: string): Promise<void> {
  const res = await request(`${tapUrl}${path}`, { method: 'POST', headers: requestHeaders, body: requestBody });
  await res.body.dump();
}

const byRole = async (role: Exchange['role'], path: string): Promise<Exchange[]> => {
  const page = await store.exchanges.list({}, { limit: 1000 });
  return page.items.filter((e) => e.role === role && e.path === path);
};

/** What must be the same whichever path recorded the reply. */
function recorded(e: Exchange | undefined) {
  if (e === undefined) throw new Error('missing exchange');
  const headers = Object.fromEntries(
    Object.entries(e.responseHeaders).filter(([name]) => !['date', 'keep-alive', 'x-understudy-version'].includes(name)),
  );
  return { status: e.status, headers, body: Buffer.from(e.responseBody.bytes).toString('utf8'), error: e.error?.code ?? null };
}

function harOfReply(reply: { status: number; headers: Record<string, string>; text: string }): string {
  return harOf(
    `http://agent.example/v1/chat/completions?api_key=${secrets.key}`,
    { headers: requestHeaders, mimeType: 'application/json', text: requestBody },
    { ...reply, mimeType: 'application/json' },
  );
}

function goReplayOf(replyHeaders: Record<string, string>, text: string): string {
  const head = (h: Record<string, string>) =>
    Object.entries(h)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
  const req = `1 abc123 1700000000000000000\nPOST /v1/chat/completions HTTP/1.1\r\nHost: agent\r\n${head(requestHeaders)}Content-Length: ${Buffer.byteLength(requestBody)}\r\n\r\n${requestBody}`;
  const res = `2 abc123 1700000000100000000 100000000\nHTTP/1.1 200 OK\r\n${head(replyHeaders)}Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
  return `${req}\n🐵🙈🙉\n${res}\n🐵🙈🙉\n`;
}

describe('one capture path (issue 10)', () => {
  it('parity: one upstream reply recorded by the live tap, the shadow, a replay and the importers is stored the same', async () => {
    await send('/v1/chat/completions');
    await untilTrue(async () => (await byRole('shadow', '/v1/chat/completions')).length > 0);
    await tap.flush();
    const [live] = await byRole('live', '/v1/chat/completions');
    const [shadow] = await byRole('shadow', '/v1/chat/completions');

    const replayer = createReplayer({ store, redactor: record.redactor, prices: record.prices, random: seededRandom(4) });
    const run = await replayer.create({ target: 'stable', selection: { path: '/v1/chat/completions' } });
    await replayer.run(run.id);
    await replayer.close();
    const [replayed] = await byRole('replay', '/v1/chat/completions');

    const replyHeaders = { 'content-type': 'application/json', 'set-cookie': secrets.setCookie, 'x-goog-api-key': secrets.googKey };
    const dir = `${file}.imports`;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.har'), harOfReply({ status: 200, headers: replyHeaders, text: replyBody }));
    writeFileSync(join(dir, 'one.gor'), goReplayOf(replyHeaders, replyBody));
    const importStore = (await tempStore()).store;
    await importExchanges(importStore, join(dir, 'one.har'), { record, version: 'har' });
    await importExchanges(importStore, join(dir, 'one.gor'), { record, version: 'gor' });
    const imported = (await importStore.exchanges.list({}, { limit: 10 })).items;
    const fromHar = imported.find((e) => e.version === 'har');
    const fromGor = imported.find((e) => e.version === 'gor');
    await importStore.close();

    const expected = recorded(live);
    expect(expected.body).toContain('[redacted:email:');
    expect(expected.headers['set-cookie']).toMatch(/^\[redacted:set-cookie:[0-9a-f]{12}\]$/);
    expect(expected.headers['x-goog-api-key']).toMatch(/^\[redacted:x-goog-api-key:[0-9a-f]{12}\]$/);
    for (const other of [shadow, replayed, fromHar, fromGor]) {
      const got = recorded(other);
      // Framing differs by path (content-length is the wire's); everything else is the same.
      const { 'content-length': _a, ...gotHeaders } = got.headers;
      const { 'content-length': _b, ...wantHeaders } = expected.headers;
      expect({ ...got, headers: gotHeaders }).toEqual({ ...expected, headers: wantHeaders });
    }
    // The replay never sent the end user's credential: the target got the version's own.
    expect(replayed?.requestHeaders.authorization).toBeUndefined();
    expect(replayed?.requestHeaders['x-api-key']).toMatch(/^\[redacted:x-api-key:/);
  });

  it('parity: an unreachable upstream is the same error code on the tap, the replayer and an imported HAR', async () => {
    const dead = createTap({
      config: parseConfig({}).tap,
      version: { name: 'dead', upstream: 'http://127.0.0.1:9', headers: {} },
      sink: storeSink(store),
      redactionKey,
    });
    const server = await listen(dead.app.fetch);
    const res = await request(`${server.url}/v1/dead`, { method: 'POST', headers: requestHeaders, body: requestBody });
    await res.body.dump();
    await dead.flush();
    await dead.close();
    await server.close();
    const [live] = await byRole('live', '/v1/dead');
    const replayer = createReplayer({ store, redactor: record.redactor, random: seededRandom(5) });
    const run = await replayer.create({ target: 'dead', selection: { path: '/v1/dead' }, retries: 0 });
    await replayer.run(run.id);
    await replayer.close();
    const [replayed] = await byRole('replay', '/v1/dead');
    const importStore = (await tempStore()).store;
    const har = join(`${file}.imports`, 'dead.har');
    writeFileSync(har, harOfReply({ status: 0, headers: {}, text: '' }));
    await importExchanges(importStore, har, { record });
    const [fromHar] = (await importStore.exchanges.list({}, { limit: 1 })).items;
    await importStore.close();
    expect([live?.error?.code, replayed?.error?.code, fromHar?.error?.code]).toEqual([
      'upstream_unreachable',
      'upstream_unreachable',
      'upstream_unreachable',
    ]);
  });

  it('secret scan: after every path ran, the database file, its WAL, the logs and an export hold no seeded secret', async () => {
    await send('/v1/stream');
    await send('/v1/gzip');
    const tool = await request(`${egressUrl}/d/tools/refund?api_key=${secrets.toolQuery}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-understudy-exchange': correlationSigner(record.redactor.correlationKey()).value('EXLIVE1'),
      },
      body: JSON.stringify({ password: 'hunter2-very-secret-pw', card: secrets.card }),
    });
    await tool.body.dump();
    await untilTrue(async () => (await byRole('shadow', '/v1/gzip')).length > 0);
    await tap.flush();
    await egress.close();
    const dir = `${file}.imports`;
    const jsonl = join(dir, 'one.jsonl');
    const liveRows = await byRole('live', '/v1/chat/completions');
    // A JSONL file from elsewhere: the raw secrets in it must be redacted as they are stored.
    writeFileSync(
      jsonl,
      jsonlLineOf({
        id: '01JSONLIMPORT000000000000A',
        path: '/v1/chat/completions',
        query: `key=${secrets.key}`,
        requestHeaders,
        requestText: requestBody,
        responseHeaders: { 'content-type': 'application/json', 'set-cookie': secrets.setCookie },
        responseText: replyBody,
      }),
    );
    await importExchanges(store, jsonl, { record });
    await importExchanges(store, join(dir, 'one.har'), { record, version: 'har2' });
    await importExchanges(store, join(dir, 'one.gor'), { record, version: 'gor2' });
    let exported = '';
    await exportJsonl(store, {}, (chunk) => {
      exported += chunk;
    });
    expect(liveRows.length).toBeGreaterThan(0);

    const stored = [file, `${file}-wal`, logFile].filter((f) => existsSync(f)).map((f) => readFileSync(f));
    const text = Buffer.concat([...stored, Buffer.from(exported)]).toString('latin1');
    // A version's own credential is configuration the operator stored (the versions table, shown
    // hidden by the API); it must appear in no recorded exchange and no log.
    const { versionKey, ...captured } = secrets;
    const all = [...Object.values(captured), 'hunter2-very-secret-pw', secrets.card.replaceAll(' ', '')];
    expect(all.filter((s) => text.includes(s))).toEqual([]);
    expect(exported.includes(versionKey) || readFileSync(logFile, 'utf8').includes(versionKey)).toBe(false);
    // The SSE email never appears spelled across stored events either.
    expect(text.includes('alice.sec') && text.includes('ret@corp.exa')).toBe(false);
    // Nor the streamed tool-call password, in pieces.
    expect(text.includes(secrets.toolArgStream.slice(0, 9)) || text.includes(secrets.toolArgStream.slice(9))).toBe(false);
  });
});
