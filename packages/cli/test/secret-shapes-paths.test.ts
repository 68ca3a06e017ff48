/**
 * Secrets of the shapes the redactor learned last (vendor keys by prefix, PEM private keys,
 * passwords in URLs and connection strings, Basic credentials and `curl -u` in prose, `pw: …`,
 * `password - …`, a password of letters only, a multipart payload cut at the capture cap), seeded
 * into every path that records: the tap (JSON; OpenAI, Anthropic and Responses streams that spell
 * them across deltas and in tool-call arguments; a gzip reply; an upstream error body; query,
 * headers and cookies) with its live shadow, a replay, `understudy import` (HAR and JSONL) and the
 * egress proxy. None may reach a stored byte (the SQLite file and its WAL, read raw), an API
 * answer or a log line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { correlationSigner } from '@understudy/capture';
import { seededRandom } from '@understudy/core';
import { createReplayer, importExchanges } from '@understudy/replay';
import { Hono } from 'hono';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { harOf, jsonlLineOf, untilTrue } from '../../../replay/test/support.js';
import { multipartForm } from '../../capture/test/multipart-form.js';
import { apiExchanges, recordingPathsFixture, storedBytes } from './secret-paths-support.js';

const redactionKey = 'secret-shapes-test-key-0123456789';
const adminToken = 'secret-shapes-admin-token-0123456789';

/** Each distinct, so a leak names its path. */
const secrets = {
  hf: 'hf_SeedHfTok3nAbCdEfGhIjKlMnOp01',
  glpat: 'glpat-SeedGl4bTokenXyZ0123',
  npm: 'npm_SeedNpmTok3nAbCdEfGhIjKlMnOpQrStUv0',
  xai: 'xai-SeedXaiKey9AbCdEfGhIjKlMnOpQrSt',
  sendgrid: 'SG.SeedSendGrid01Ab_cd.SeedSendGridTail0123456789xy',
  twilio: 'SK0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  pemBody: 'MIIEpQIBAAKCAQEAseedPemBodyLine0001xyzAB',
  redisPw: 'RedisSeedPw-7731',
  pgPw: 'PgSeedPass-4419',
  basic: 'c2VlZHVzZXI6U2VlZEJhc2ljUHctOTE=',
  curlPw: 'CurlSeedPw-5530',
  pwColon: 'PwColonSeed-881',
  pwDash: 'PwDashSeed7720',
  letters: 'bluehorsesunrise',
  cutMultipart: 'CutMultiSeed-6642',
  streamHf: 'hf_StreamedHfTok3nAbCdEfGhIjKl22',
  anthropicKey: 'glpat-AnthSeedTok3nXyZ9876',
  responsesPw: 'RespSeedPw-3391',
  toolArgKey: 'npm_ToolArgTok3nAbCdEfGhIjKlMnOpQrStU9',
  gzipKey: 'xai-GzipSeedKey7AbCdEfGhIjKlMnOpQr',
  errorKey: 'hf_ErrorBodyTok3nAbCdEfGhIjKlMn55',
  queryKey: 'glpat-QuerySeedTok3n0Abc',
  headerKey: 'hf_HeaderSeedTok3nAbCdEfGhIjKl77',
  cookieKey: 'npm_CookieSeedTok3nAbCdEfGhIjKlMnOpQrS1',
  egressPem: 'MIIEpQIBAAKCAQEAegressPemLine0002xyzCD',
  egressUrlPw: 'EgressUrlSeedPw-1208',
  importKey: 'hf_ImportSeedTok3nAbCdEfGhIjKlMn88',
  importPw: 'importlettersphrase',
  // No label and no vendor prefix: only their shape gives them away (unlabelled-token.ts).
  proseToken: 'q7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiYx',
  streamToken: 'Vb8nK2xQ7mLp4Rt9Wz3Yc6Hd1Fg5Js0Ak8Ue2Io',
  replyToken: 'Tm4Kq8Zx2Vb7Np9Lc3Rw6Yh1Gd5Fs0Ja2Ue8Io4',
  // Passwords labelled in other languages (foreign-password.ts).
  dePw: 'KuchenBlau-71',
  esPw: 'PerroVerde88',
  frPw: 'Chaton!Bleu9',
  ptPw: 'GatoAzul#55',
  jaPw: 'Sakura2024xyz',
  zhPw: 'Mima-8812',
  streamDePw: 'Sonne-Mond-4417',
  pyPw: 'PySeedPw-5521',
} as const;

/** A body as Python's json.dumps writes it by default: every non-ASCII character a `\\u` escape. */
const asciiOnlyRequest = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: `mi contraseña: ${secrets.pyPw}` }],
}).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const pem = (body: string) => `-----BEGIN RSA PRIVATE KEY-----\n${body}\nQk9EWVRISVJE\n-----END RSA PRIVATE KEY-----`;
const prompt = [
  `keys: ${secrets.hf} ${secrets.glpat} ${secrets.npm} ${secrets.xai} ${secrets.sendgrid} ${secrets.twilio}`,
  `my deploy key:\n${pem(secrets.pemBody)}`,
  `cache at redis://:${secrets.redisPw}@cache:6379/0 and db postgres://app:${secrets.pgPw}@db:5432/app`,
  `send Basic ${secrets.basic} or run curl -u bob:${secrets.curlPw} https://x`,
  `my pw: ${secrets.pwColon} and the other password - ${secrets.pwDash}; my password is ${secrets.letters} thanks`,
  `log in with ${secrets.proseToken} please`,
  `Passwort: ${secrets.dePw}; contraseña: ${secrets.esPw}; mot de passe : ${secrets.frPw}; senha: ${secrets.ptPw}; パスワード: ${secrets.jaPw}; 密码：${secrets.zhPw}`,
].join('\n');

/** A JSON body whose last string, a multipart upload, is cut inside the password's part (as at the capture cap). */
const cutUpload = (() => {
  const upload = multipartForm('CuT', [
    ['user', 'bob'],
    ['password', `${secrets.cutMultipart}${'x'.repeat(40)}`],
  ]);
  const full = JSON.stringify({
    messages: [
      { role: 'user', content: prompt },
      { role: 'user', content: upload },
    ],
  });
  return full.slice(0, full.indexOf(secrets.cutMultipart) + secrets.cutMultipart.length + 10);
})();

const chatRequest = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
const chatReply = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: `Rotate ${secrets.hf} and ${secrets.glpat}; your pw: ${secrets.pwColon}; new key ${secrets.replyToken}`,
      },
    },
  ],
});

const sse = (events: readonly (readonly [string | undefined, unknown])[]) =>
  events.map(([event, data]) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`).join('');
const split = (s: string, at: number) => [s.slice(0, at), s.slice(at)] as const;

/** An OpenAI chat stream: a key spelled across two deltas, and tool-call arguments that carry another across two. */
const openaiStream = (() => {
  const [a, b] = split(secrets.streamHf, 9);
  const args = JSON.stringify({ registry: 'npm', note: `use ${secrets.toolArgKey}` });
  const [c, d] = split(args, args.indexOf(secrets.toolArgKey) + 8);
  const events = sse([
    [undefined, { choices: [{ index: 0, delta: { content: `token ${a}` } }] }],
    [undefined, { choices: [{ index: 0, delta: { content: `${b} ok` } }] }],
    [undefined, { choices: [{ index: 0, delta: { content: ` then ${secrets.streamToken.slice(0, 20)}` } }] }],
    [undefined, { choices: [{ index: 0, delta: { content: `${secrets.streamToken.slice(20)} and Passwort: Sonne-` } }] }],
    [undefined, { choices: [{ index: 0, delta: { content: `Mond-4417 done` } }] }],
    [undefined, { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'c1', function: { name: 'publish', arguments: c } }] } }] }],
    [undefined, { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: d } }] } }] }],
  ]);
  return `${events}data: [DONE]\n\n`;
})();
const anthropicStream = (() => {
  const [a, b] = split(secrets.anthropicKey, 7);
  const delta = (text: string) =>
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }] as const;
  return sse([
    ['message_start', { type: 'message_start', message: { id: 'msg_1', role: 'assistant', content: [] } }],
    delta(`use ${a}`),
    delta(`${b} now`),
    ['message_stop', { type: 'message_stop' }],
  ]);
})();
const responsesStream = (() => {
  const [a, b] = split(`password - ${secrets.responsesPw}`, 12);
  const delta = (d: string) => ['response.output_text.delta', { type: 'response.output_text.delta', delta: d }] as const;
  return sse([delta(`the ${a}`), delta(`${b}.`), ['response.completed', { type: 'response.completed', response: { id: 'r1' } }]]);
})();

function upstreamApp(): Hono {
  const app = new Hono();
  app.post('/v1/chat/completions', (c) => c.body(chatReply, 200, { 'content-type': 'application/json' }));
  app.post('/v1/cut', (c) => c.json({ ok: true }));
  app.post('/v1/openai-stream', (c) => c.body(openaiStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/messages', (c) => c.body(anthropicStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/responses', (c) => c.body(responsesStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/gzip', (c) =>
    c.body(gzipSync(JSON.stringify({ output: `key ${secrets.gzipKey}` })), 200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    }),
  );
  app.post('/v1/fail', (c) =>
    c.body(JSON.stringify({ error: { message: `invalid key ${secrets.errorKey}` } }), 401, { 'content-type': 'application/json' }),
  );
  app.all('/tools/*', (c) => c.body(`deploy with\n${pem(secrets.egressPem)}`, 200, { 'content-type': 'text/plain' }));
  return app;
}

const paths = recordingPathsFixture({ upstreamApp: upstreamApp(), redactionKey, seed: 11 });

async function send(path: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await request(`${paths().tapUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hf-token': secrets.headerKey,
      cookie: `reg=${secrets.cookieKey}`,
      ...headers,
    },
    body,
  });
  await res.body.dump();
}

/** The seeded secrets, and the halves a stream spelled them in, that `text` still holds. */
function leaked(text: string): string[] {
  const halves = [
    secrets.streamHf.slice(9),
    secrets.anthropicKey.slice(7),
    secrets.toolArgKey.slice(8),
    secrets.streamToken.slice(0, 20),
    secrets.streamToken.slice(20),
    'Mond-4417',
  ];
  return [...Object.values(secrets), ...halves].filter((s) => text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1)));
}

describe('secrets of vendor, PEM, URL and prose shapes (every path)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the API or a log', async () => {
    const { store, file, logFile } = paths();
    await send('/v1/chat/completions', chatRequest);
    await send('/v1/chat/completions', asciiOnlyRequest);
    await send(`/v1/cut?note=${secrets.queryKey}`, cutUpload);
    for (const path of ['/v1/openai-stream', '/v1/messages', '/v1/responses', '/v1/gzip', '/v1/fail']) await send(path, chatRequest);
    const tool = await request(`${paths().egressUrl}/d/tools/deploy`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-understudy-exchange': correlationSigner(paths().record.redactor.correlationKey()).value('EXSHAPES1'),
      },
      body: JSON.stringify({ target: `postgres://deploy:${secrets.egressUrlPw}@db:5432/app` }),
    });
    expect(await tool.body.text()).toContain(secrets.egressPem);
    const shadows = async () => (await store.exchanges.list({}, { limit: 200 })).items.filter((e) => e.role === 'shadow').length;
    await untilTrue(async () => (await shadows()) >= 7);
    await paths().tap.flush();
    expect(await shadows()).toBeGreaterThanOrEqual(7);

    const replayer = createReplayer({ store, redactor: paths().record.redactor, prices: paths().record.prices, random: seededRandom(12) });
    const run = await replayer.create({ target: 'stable', selection: { path: '/v1/*' } });
    await replayer.run(run.id);
    await replayer.close();

    const dir = `${file}.imports`;
    mkdirSync(dir, { recursive: true });
    const json = { 'content-type': 'application/json' };
    const importText = `my password is ${secrets.importPw}; token ${secrets.importKey}`;
    writeFileSync(
      join(dir, 'shapes.har'),
      harOf(
        'http://agent.example/v1/chat/completions',
        { headers: json, mimeType: 'application/json', text: JSON.stringify({ messages: [{ role: 'user', content: importText }] }) },
        { status: 200, headers: json, mimeType: 'application/json', text: chatReply },
      ),
    );
    writeFileSync(
      join(dir, 'shapes.jsonl'),
      jsonlLineOf({
        id: '01JSONLSHAPES000000000000A',
        path: '/v1/notes',
        query: `key=${secrets.importKey}`,
        requestHeaders: { 'content-type': 'text/plain' },
        requestText: importText,
        responseHeaders: { 'content-type': 'text/plain' },
        responseText: prompt,
      }),
    );
    await importExchanges(store, join(dir, 'shapes.har'), { record: paths().record, version: 'har' });
    await importExchanges(store, join(dir, 'shapes.jsonl'), { record: paths().record });
    await paths().egress.close();

    const { count, text: api } = await apiExchanges(store, adminToken);
    // Seven live requests and their shadows, seven replays, two imports (tool calls are kept apart).
    expect(count).toBeGreaterThanOrEqual(21);
    expect(leaked(api)).toEqual([]);
    expect(api).toContain('-----BEGIN RSA PRIVATE KEY-----');
    const calls = await store.toolCalls.recorded('EXSHAPES1');
    expect(calls.length).toBe(1);
    expect(leaked(Buffer.from(calls[0]?.requestBody ?? new Uint8Array()).toString('utf8'))).toEqual([]);

    expect(leaked(storedBytes([file, `${file}-wal`, logFile]))).toEqual([]);
  });
});
