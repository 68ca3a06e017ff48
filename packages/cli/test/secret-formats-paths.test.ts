/**
 * Secrets written in the formats the redactor read last (YAML and INI lines, XML elements and
 * attributes, quoted assignments in code, percent-encoded text, form and multipart bodies, custom
 * credential headers), seeded into every path that records: the tap (JSON, an SSE reply that
 * spells them across deltas, form and multipart requests) with its live shadow, a replay's
 * candidate answers, `understudy import` (HAR and JSONL), the egress proxy, the API's exchange
 * JSON and the logs. None may reach a stored byte (the SQLite file and its WAL, read raw), an
 * API answer or a log line. capture-paths.test.ts does the same for the formats read before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { correlationSigner, revealSealed } from '@understudy/capture';
import { seededRandom } from '@understudy/core';
import { createReplayer, importExchanges } from '@understudy/replay';
import { Hono } from 'hono';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { harOf, jsonlLineOf, untilTrue } from '../../../replay/test/support.js';
import { multipartForm } from '../../capture/test/multipart-form.js';
import { apiExchanges, recordingPathsFixture, storedBytes } from './secret-paths-support.js';

const redactionKey = 'secret-formats-test-key-0123456789';
const adminToken = 'secret-formats-admin-token-0123456789';

/** Values of no known shape (or a known shape percent-encoded): only their name or syntax gives them away. */
const secrets = {
  yamlPw: 'Yaml-Pw-NoShape-4417',
  yamlKey: 'yk0NoShapeTail8810',
  iniPw: 'Ini-Pw-NoShape-6093',
  xmlPw: 'Xml-Pw-NoShape-2290',
  xmlKey: 'xk0NoShapeTail5523',
  attrPw: 'Attr-Pw-NoShape-3318',
  codePw: 'Code-Pw-NoShape-3391',
  pctKey: 'pctNoShapeTail7781',
  pctSkTail: 'PctSkTail0123456789ab',
  authToken: 'xat0NoShapeTail9934',
  cookie: 'ck0NoShapeTail4471',
  formPw: 'Form-Pw-NoShape-6620',
  multipartPw: 'Multi-Pw-NoShape-1108',
  replyYaml: 'Reply-Yaml-Pw-1290',
  replyXml: 'Reply-Xml-Key-4406',
  ssePw: 'Sse-Pw-NoShape-5582',
  sseXml: 'Sse-Xml-NoShape-7719',
  egressPw: 'Egress-Form-Pw-2231',
  egressXml: 'Egress-Xml-Key-8842',
  importPw: 'Import-Yaml-Pw-6639',
  importXml: 'Import-Xml-Key-0457',
  // A message whose text is only `password: …` (a string's start is no line start) and a
  // multipart payload inside JSON-escaped text: both were stored in clear.
  startPw: 'Start-Pw-NoShape-8812',
  startMultipart: 'Start-Multi-Pw-3307',
  replyStart: 'Reply-Start-Key-5530',
  sseStart: 'Sse-Start-Pw-6671',
  sseMultipart: 'Sse-Multi-Key-9024',
  egressStart: 'Egress-Start-Pw-1186',
  egressMultipart: 'Egress-Multi-Pw-7745',
} as const;

/** A multipart upload pasted into a message: in a JSON body its quotes and line breaks are escapes. */
const pastedUpload = (secret: string) =>
  `POST /login HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=QqQ\r\n\r\n${multipartForm('QqQ', [
    ['user', 'bob'],
    ['password', secret],
  ])}`;

const prompt = [
  'My deploy fails, config below:',
  'service:',
  `  password: ${secrets.yamlPw}`,
  `  api_key: "${secrets.yamlKey}"`,
  '[db]',
  `password = ${secrets.iniPw}`,
  `<creds><password>${secrets.xmlPw}</password><apiKey>${secrets.xmlKey}</apiKey></creds>`,
  `<login user="bob" password="${secrets.attrPw}"/>`,
  `client = Client(password='${secrets.codePw}')`,
  `callback https://shop.example/cb?next=%2Fv1%3Fapi_key%3D${secrets.pctKey}%26a%3D1 and sk%2Dproj%2D${secrets.pctSkTail}`,
].join('\n');

const chatRequest = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'user', content: prompt },
    { role: 'user', content: `password: ${secrets.startPw}` },
    { role: 'user', content: pastedUpload(secrets.startMultipart) },
  ],
});
const replyContent = `Try this:\ndb_password: ${secrets.replyYaml}\n<apiKey>${secrets.replyXml}</apiKey>`;
const chatReply = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-mini',
  choices: [
    { index: 0, message: { role: 'assistant', content: replyContent } },
    { index: 1, message: { role: 'assistant', content: `api_key: ${secrets.replyStart}` } },
  ],
});

/**
 * The YAML line and the XML element, each spelled across several deltas as an LLM streams them;
 * a second choice that starts with `password: …` and then writes a multipart upload.
 */
const sseDeltas: [number, string][] = [
  [0, 'Here:\npass'],
  [1, 'pass'],
  [0, `word: ${secrets.ssePw.slice(0, 7)}`],
  [1, `word: ${secrets.sseStart.slice(0, 6)}`],
  [0, `${secrets.ssePw.slice(7)}\n<tok`],
  [1, `${secrets.sseStart.slice(6)}\n${multipartForm('SsE', [['api_key', secrets.sseMultipart]]).slice(0, 60)}`],
  [0, `en>${secrets.sseXml.slice(0, 10)}`],
  [1, multipartForm('SsE', [['api_key', secrets.sseMultipart]]).slice(60)],
  [0, `${secrets.sseXml.slice(10)}</token>`],
];
const sseReply = sseDeltas
  .map(([index, content]) => `data: ${JSON.stringify({ choices: [{ index, delta: { content } }] })}\n\n`)
  .concat('data: [DONE]\n\n')
  .join('');

const formBody = `user=bob&password=${secrets.formPw}&note=sk%2Dproj%2D${secrets.pctSkTail}`;
const multipartBody = multipartForm('XyZ', [
  ['user', 'bob'],
  ['password', secrets.multipartPw],
]);

const clientHeaders = { 'x-auth-token': secrets.authToken, cookie: `sid=${secrets.cookie}` };

function upstreamApp(): Hono {
  const app = new Hono();
  app.post('/v1/chat/completions', (c) => c.body(chatReply, 200, { 'content-type': 'application/json' }));
  app.post('/v1/stream', (c) => c.body(sseReply, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/form', (c) => c.json({ ok: true }));
  app.post('/v1/upload', (c) => c.json({ ok: true }));
  app.all('/tools/*', (c) => c.body(`<result><apiKey>${secrets.egressXml}</apiKey></result>`, 200, { 'content-type': 'application/xml' }));
  return app;
}

const paths = recordingPathsFixture({ upstreamApp: upstreamApp(), redactionKey, seed: 7 });

async function send(path: string, contentType: string, body: string): Promise<void> {
  const res = await request(`${paths().tapUrl}${path}`, {
    method: 'POST',
    headers: { ...clientHeaders, 'content-type': contentType },
    body,
  });
  await res.body.dump();
}

function harOfNotes(): string {
  return harOf(
    'http://agent.example/v1/notes',
    {
      headers: { ...clientHeaders, 'content-type': 'text/plain' },
      mimeType: 'text/plain',
      text: `notes:\n  password: ${secrets.importPw}\n`,
    },
    {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      mimeType: 'application/xml',
      text: `<r><apiKey>${secrets.importXml}</apiKey></r>`,
    },
  );
}

function jsonlOf(): string {
  return jsonlLineOf({
    id: '01JSONLFORMATS00000000000A',
    path: '/v1/form',
    query: '',
    requestHeaders: { ...clientHeaders, 'content-type': 'application/x-www-form-urlencoded' },
    requestText: formBody,
    responseHeaders: { 'content-type': 'text/plain' },
    responseText: prompt,
  });
}

/** The chat exchange as a HAR file and as an export line: JSON request and reply. */
function harOfChat(): string {
  const json = { 'content-type': 'application/json' };
  return harOf(
    'http://agent.example/v1/chat/completions',
    { headers: json, mimeType: 'application/json', text: chatRequest },
    { status: 200, headers: json, mimeType: 'application/json', text: chatReply },
  );
}

function jsonlOfChat(): string {
  const json = { 'content-type': 'application/json' };
  return jsonlLineOf({
    id: '01JSONLCHAT0000000000000A',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: json,
    requestText: chatRequest,
    responseHeaders: json,
    responseText: chatReply,
  });
}

/** The seeded secrets (and the streamed ones' halves) that `text` still holds. */
function leaked(text: string): string[] {
  const pieces = [...Object.values(secrets), secrets.ssePw.slice(7), secrets.sseXml.slice(10), secrets.sseStart.slice(6)];
  return pieces.filter((s) => text.includes(s));
}

describe('secrets in config, markup, encoded and form text (every path)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the API or a log', async () => {
    const { store, file, logFile } = paths();
    await send('/v1/chat/completions', 'application/json', chatRequest);
    await send('/v1/stream', 'application/json', chatRequest);
    await send('/v1/form', 'application/x-www-form-urlencoded', formBody);
    await send('/v1/upload', 'multipart/form-data; boundary=XyZ', multipartBody);
    const tool = await request(`${paths().egressUrl}/d/tools/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-understudy-exchange': correlationSigner(paths().record.redactor.correlationKey()).value('EXLIVE1'),
      },
      body: `user=bob&password=${secrets.egressPw}`,
    });
    expect(await tool.body.text()).toContain(secrets.egressXml);
    const jsonTool = await request(`${paths().egressUrl}/d/tools/search`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-understudy-exchange': correlationSigner(paths().record.redactor.correlationKey()).value('EXLIVE1'),
      },
      body: JSON.stringify({ query: `password: ${secrets.egressStart}`, upload: pastedUpload(secrets.egressMultipart) }),
    });
    await jsonTool.body.dump();
    const shadows = async () => (await store.exchanges.list({}, { limit: 200 })).items.filter((e) => e.role === 'shadow').length;
    await untilTrue(async () => (await shadows()) >= 4);
    await paths().tap.flush();
    expect(await shadows()).toBeGreaterThanOrEqual(4);

    // A replay's candidate answers: the upstream repeats the secrets it was asked about.
    const replayer = createReplayer({ store, redactor: paths().record.redactor, prices: paths().record.prices, random: seededRandom(8) });
    const run = await replayer.create({ target: 'stable', selection: { path: '/v1/chat/completions' } });
    await replayer.run(run.id);
    await replayer.close();
    const replayed = (await store.exchanges.list({}, { limit: 200 })).items.filter((e) => e.role === 'replay');
    expect(replayed.length).toBeGreaterThan(0);

    const dir = `${file}.imports`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'formats.har'), harOfNotes());
    writeFileSync(join(dir, 'formats.jsonl'), jsonlOf());
    writeFileSync(join(dir, 'chat.har'), harOfChat());
    writeFileSync(join(dir, 'chat.jsonl'), jsonlOfChat());
    await importExchanges(store, join(dir, 'formats.har'), { record: paths().record, version: 'har' });
    await importExchanges(store, join(dir, 'formats.jsonl'), { record: paths().record });
    await importExchanges(store, join(dir, 'chat.har'), { record: paths().record, version: 'har' });
    await importExchanges(store, join(dir, 'chat.jsonl'), { record: paths().record });
    await paths().egress.close();

    const { count, text: api } = await apiExchanges(store, adminToken);
    // Four live requests and their shadows, a replay, two HAR and two JSONL imports (tool calls are kept apart).
    expect(count).toBeGreaterThanOrEqual(13);
    expect(leaked(api)).toEqual([]);
    // What was stored still reads as what was sent: placeholders stand where the values were.
    expect(api).toContain('password: [redacted:');
    expect(api).toContain('<apiKey>[redacted:');

    // The tool call as the API shows it: its sealed reply opened and redacted, its form request redacted.
    const calls = await store.toolCalls.recorded('EXLIVE1');
    expect(calls.length).toBe(2);
    const shown = calls
      .flatMap((call) => [
        call.requestBody,
        revealSealed(call.responseBody ?? new Uint8Array(), 'application/xml', paths().record.redactor),
      ])
      .map((b) => Buffer.from(b ?? new Uint8Array()).toString('utf8'))
      .join('\n');
    expect(leaked(shown)).toEqual([]);
    expect(shown).toContain('<apiKey>[redacted:');

    expect(leaked(storedBytes([file, `${file}-wal`, logFile]))).toEqual([]);
  });
});
