/**
 * The wire shapes trust audit 8 sends beside the pasted text (`seeded-traffic.ts`): bodies in
 * gzip, br and deflate (a JSON request, a JSON reply, an event stream), a multipart upload and
 * OAuth form posts, upstream errors that echo a credential (JSON, HTML, a traceback), headers with
 * unusual names both ways, query strings whose names only pair or nest into secrets, a chat stream
 * and an Anthropic stream whose tool arguments come one character per delta and whose bytes come
 * five at a time (cutting JSON escapes and UTF-8 sequences), a tool call through the egress with a
 * key in its header and query, and GoReplay, JSONL and OTLP imports. Then every place a secret
 * could be read back: the API, the export, the dashboard's pages, `/metrics`, the log, the SQLite
 * file and its WAL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import Anthropic from '@anthropic-ai/sdk';
import { exportJsonl, importExchanges } from '@understudy/replay';
import { createApp } from '@understudy/server';
import type { Hono } from 'hono';
import OpenAI from 'openai';
import { FormData, request } from 'undici';
import type { RecordingPaths } from '../../../replay/test/recording-paths.js';
import { apiExchanges, storedBytes } from './secret-paths-support.js';

/** The secrets the wire shapes carry, each distinct so a leak names its shape. */
export interface WireSecrets {
  readonly gzipRequest: string;
  readonly brReply: string;
  readonly deflateStream: string;
  readonly multipartField: string;
  readonly multipartFile: string;
  readonly oauthCode: string;
  readonly oauthAssertion: string;
  readonly clientSecret: string;
  readonly errorEcho: string;
  readonly errorHtml: string;
  readonly errorTrace: string;
  readonly headerPass: string;
  readonly headerJwt: string;
  readonly headerBearer: string;
  readonly setCookie: string;
  readonly locationCode: string;
  readonly linkToken: string;
  readonly queryPass: string;
  readonly queryBracket: string;
  readonly queryJson: string;
  readonly splitArgs: string;
  readonly splitUnicode: string;
  readonly splitAnthropic: string;
  readonly egressHeader: string;
  readonly egressQuery: string;
  readonly goreplay: string;
  readonly jsonl: string;
  readonly otlp: string;
}

/** One character per delta: every boundary of the text is a delta's edge (a surrogate pair is kept whole by the SDK's JSON). */
const chars = (s: string): string[] => [...s];
const sse = (events: readonly (readonly [string | undefined, unknown])[]) =>
  events.map(([event, data]) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`).join('');

/** A body sent five bytes at a time: UTF-8 sequences and JSON escapes cut between writes. */
function inFives(text: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 5) controller.enqueue(new Uint8Array(bytes.subarray(i, i + 5)));
      controller.close();
    },
  });
}

/** Tool arguments that escape a quote and hold non-ASCII text next to each secret. */
export function splitArguments(s: WireSecrets): string {
  return JSON.stringify({
    path: '/etc/app.env',
    content: `DB_PASSWORD="${s.splitArgs}" # pässwörd ☃\nAPI_TOKEN=${s.splitUnicode}\n`,
  });
}

/** Adds the wire shapes' routes to `app` (the seeded upstream). */
export function addWireRoutes(app: Hono, s: WireSecrets): Hono {
  const json = { 'content-type': 'application/json' };
  app.post('/enc/json', async (c) => {
    await c.req.arrayBuffer();
    return c.body(brotliCompressSync(JSON.stringify({ db: { host: 'db.internal', password: s.brReply } })), 200, {
      ...json,
      'content-encoding': 'br',
    });
  });
  app.get('/enc/stream', () => {
    const text = sse([
      [undefined, { choices: [{ index: 0, delta: { content: `the db password: ${s.deflateStream.slice(0, 7)}` } }] }],
      [undefined, { choices: [{ index: 0, delta: { content: `${s.deflateStream.slice(7)} (rotate it)` } }] }],
    ]);
    return new Response(deflateSync(text), { headers: { 'content-type': 'text/event-stream', 'content-encoding': 'deflate' } });
  });
  app.post('/upload', async (c) => {
    await c.req.arrayBuffer();
    return c.body(null, 204);
  });
  app.post('/oauth/token', async (c) => {
    await c.req.text();
    return c.json({ token_type: 'bearer', expires_in: 3600 });
  });
  app.get('/err/401', (c) =>
    c.json(
      {
        error: {
          message: `Incorrect API key provided: ${s.errorEcho}. Find your key at https://platform.example.com`,
          code: 'invalid_api_key',
        },
      },
      401,
    ),
  );
  app.get('/err/500', (c) =>
    c.html(`<pre>psycopg2.OperationalError: connection to "postgresql://app:${s.errorHtml}@db.internal/shop" failed</pre>`, 500),
  );
  app.get('/err/trace', (c) =>
    c.text(
      `Traceback (most recent call last):\n  File "app.py", line 3\n    conn = connect(host="db", password="${s.errorTrace}")\nOperationalError`,
      500,
    ),
  );
  app.get('/headers', (c) => {
    c.header('set-cookie', `sid=${s.setCookie}; Path=/; HttpOnly`);
    c.header('location', `https://app.example/cb?code=${s.locationCode}&state=af0ifjsldkj`);
    c.header('link', `<https://api.example/items?page=2&access_token=${s.linkToken}>; rel="next"`);
    c.header('x-upstream-bearer', s.headerBearer);
    return c.json({ ok: true });
  });
  app.get('/query', (c) => c.json({ ok: true }));
  app.post('/split/v1/chat/completions', () => {
    const chunk = (delta: object) => ({
      id: 'chatcmpl-a8',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, delta }],
    });
    const text = `${sse([
      [undefined, chunk({ tool_calls: [{ index: 0, id: 'call_a8', type: 'function', function: { name: 'write_file', arguments: '' } }] })],
      ...chars(splitArguments(s)).map((d) => [undefined, chunk({ tool_calls: [{ index: 0, function: { arguments: d } }] })] as const),
    ])}data: [DONE]\n\n`;
    return new Response(inFives(text), { headers: { 'content-type': 'text/event-stream' } });
  });
  app.post('/split/v1/messages', () => {
    const delta = (d: string) =>
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: d } }] as const;
    const input = JSON.stringify({ command: `mysql -u root -p'${s.splitAnthropic}' shop`, note: 'naïve ☃' });
    const text = sse([
      [
        'message_start',
        {
          type: 'message_start',
          message: {
            id: 'msg_a8',
            type: 'message',
            role: 'assistant',
            content: [],
            model: 'claude',
            usage: { input_tokens: 1, output_tokens: 1 },
          },
        },
      ],
      [
        'content_block_start',
        { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_a8', name: 'shell', input: {} } },
      ],
      ...chars(input).map(delta),
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 5 } }],
      ['message_stop', { type: 'message_stop' }],
    ]);
    return new Response(inFives(text), { headers: { 'content-type': 'text/event-stream' } });
  });
  return app;
}

/** Sends every wire shape through the tap, the egress and the importers (after the pasted traffic). */
export async function sendWireShapes(paths: RecordingPaths, s: WireSecrets): Promise<void> {
  const { tapUrl, egressUrl } = paths;
  const send = async (url: string, init: Parameters<typeof request>[1] = {}) => {
    const res = await request(url, init);
    await res.body.dump();
    return res.statusCode;
  };
  await send(`${tapUrl}/enc/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ messages: [{ role: 'user', content: `login with password: ${s.gzipRequest}` }] })),
  });
  await send(`${tapUrl}/enc/stream`);
  const form = new FormData();
  form.append('username', 'bob');
  form.append('password', s.multipartField);
  form.append('file', new Blob([`DB_HOST=db.internal\nSTRIPE_SECRET_KEY=${s.multipartFile}\n`], { type: 'text/plain' }), '.env');
  await send(`${tapUrl}/upload`, { method: 'POST', body: form });
  const formType = { 'content-type': 'application/x-www-form-urlencoded' };
  await send(`${tapUrl}/oauth/token`, {
    method: 'POST',
    headers: formType,
    body: `grant_type=authorization_code&code=${s.oauthCode}&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&client_id=shop&client_secret=${s.clientSecret}`,
  });
  await send(`${tapUrl}/oauth/token`, {
    method: 'POST',
    headers: formType,
    body: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${s.oauthAssertion}`,
  });
  for (const path of ['/err/401', '/err/500', '/err/trace']) await send(`${tapUrl}${path}`);
  await send(`${tapUrl}/headers`, { headers: { 'x-db-pass': s.headerPass, 'x-user-jwt': s.headerJwt } });
  const q = `user=bob&pass=${s.queryPass}&creds%5Bpassword%5D=${s.queryBracket}&q=${encodeURIComponent(JSON.stringify({ password: s.queryJson }))}`;
  await send(`${tapUrl}/query?${q}`);

  const openai = new OpenAI({ apiKey: 'sk-proj-A8SplitClientKeyAbCdEfGhIjKlMnOpQr', baseURL: `${tapUrl}/split/v1`, maxRetries: 0 });
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: 'write it' }],
  });
  let args = '';
  for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
  if (args !== splitArguments(s)) throw new Error('the split stream did not reassemble');
  const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-A8SplitAnthropicClientKeyAbCdEf', baseURL: `${tapUrl}/split`, maxRetries: 0 });
  await anthropic.messages.stream({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'run it' }] }).finalMessage();

  await send(`${egressUrl}/d/tools/search?access_token=${s.egressQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': s.egressHeader },
    body: JSON.stringify({ q: 'orders' }),
  });
  await importWireFiles(paths, s);
}

async function importWireFiles(paths: RecordingPaths, s: WireSecrets): Promise<void> {
  const dir = `${paths.file}.wire-imports`;
  mkdirSync(dir, { recursive: true });
  const body = JSON.stringify({ messages: [{ role: 'user', content: `mot de passe : ${s.goreplay}` }] });
  const gor = [
    `1 a8a8a8a8a8a8a8a8a8a8a8a8 1763700000000000000 0\nPOST /v1/chat/completions HTTP/1.1\r\nHost: agent.internal\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    '2 a8a8a8a8a8a8a8a8a8a8a8a8 1763700000001000000 1000000\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
  ].join('\n🐵🙈🙉\n');
  const exchange = jsonlExchange('01A8A8A8A8A8A8A8A8A8A8A8A8', JSON.stringify({ note: `contraseña: ${s.jsonl}` }));
  const otlp = otlpTrace('a8', `Das Passwort lautet: ${s.otlp}`);
  const files = { 'a8.gor': gor, 'a8.jsonl': exchange, 'a8.otlp.json': otlp } as const;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    await importExchanges(paths.store, join(dir, name), { record: paths.record, version: 'wire' });
  }
}

/** One exchange of a JSONL export (`understudy export`) whose request body is `requestBody`, as a line. */
export function jsonlExchange(id: string, requestBody: string, requestHeaders: Record<string, string> = {}): string {
  const jsonBody = (text: string) => ({ base64: Buffer.from(text).toString('base64'), size: Buffer.byteLength(text), truncated: false });
  const exchange = {
    id,
    startedAt: 1795240382597,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json', ...requestHeaders },
    requestBody: jsonBody(requestBody),
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: jsonBody('{}'),
    streamed: false,
    sseEvents: null,
    ttfbMs: 1,
    durationMs: 2,
    version: 'imported',
    role: 'live',
    parentId: null,
    usage: { inputTokens: null, outputTokens: null, costUsd: null },
    error: null,
  };
  return `${JSON.stringify(exchange)}\n`;
}

/** An OTLP/JSON trace of one OpenInference LLM span whose user message is `content` and whose answer is `Noted.`. */
export function otlpTrace(tag: string, content: string): string {
  const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } });
  const otlp = {
    resourceSpans: [
      {
        resource: { attributes: [attribute('service.name', 'shop-agent')] },
        scopeSpans: [
          {
            scope: { name: 'openinference.instrumentation.openai' },
            spans: [
              {
                traceId: `6f1c5d0b2f7a4c3e9a1b2c3d4e5f6${tag}b`.slice(-32),
                spanId: `${tag}b2c3d4e5f60718`.slice(-16),
                name: 'ChatCompletion',
                kind: 3,
                startTimeUnixNano: '1780000000010000000',
                endTimeUnixNano: '1780000000810000000',
                attributes: [
                  attribute('openinference.span.kind', 'LLM'),
                  attribute('llm.model_name', 'gpt-4o-mini'),
                  attribute('llm.input_messages.0.message.role', 'user'),
                  attribute('llm.input_messages.0.message.content', content),
                  attribute('llm.output_messages.0.message.role', 'assistant'),
                  attribute('llm.output_messages.0.message.content', 'Noted.'),
                ],
                status: { code: 1 },
              },
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(otlp);
}

/** Every place a stored secret could be read back from, as text: API, export, dashboard pages, `/metrics`, stored bytes and log. */
export async function wirePlaces(paths: RecordingPaths, adminToken: string): Promise<Record<string, string>> {
  const { store, file, logFile } = paths;
  let exported = '';
  await exportJsonl(store, {}, (chunk) => {
    exported += chunk;
  });
  for (const m of exported.matchAll(/"base64":"([A-Za-z0-9+/=]*)"/g)) exported += Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const { text: api } = await apiExchanges(store, adminToken);
  const app = createApp({ store, adminToken });
  const auth = { authorization: `Bearer ${adminToken}` };
  let dashboard = '';
  for (const page of ['/', '/exchanges', '/comparisons', '/replays'])
    dashboard += await (await app.request(page, { headers: auth })).text();
  for (const { id } of (await store.exchanges.list({}, { limit: 500 })).items)
    dashboard += await (await app.request(`/exchanges/${id}`, { headers: auth })).text();
  const metrics = await (await app.request('/metrics', { headers: auth })).text();
  await app.close();
  return { api, export: exported, dashboard, metrics, files: storedBytes([file, `${file}-wal`, logFile]) };
}
