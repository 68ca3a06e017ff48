/**
 * Trust audit 3's and 4's shapes — a password of letters only after another language's copula, a
 * password given to `htpasswd -b` by position, a key in fullwidth letters and one with a Cyrillic
 * `ѕ`, a key wrapped onto a second line, a one-digit PIN, a short token in a reset link; and (audit
 * 4) `net user` / `net use` passwords by position, an Oracle connect string, `cqlsh -p`, a letters-only
 * password after a label and a blank alone, keys with Armenian, Cherokee and dash look-alikes — seeded
 * into every path that records: the tap (a JSON request and a reply that ECHOES the request's
 * secrets and INVENTS its own; OpenAI chat, Anthropic and Responses streams that split them
 * across deltas; a gzip reply; an error body; a reply cut mid-stream; a body over the capture cap;
 * a malformed JSON body) with its live shadow, a replay against the same echoing upstream,
 * `understudy import` of HAR, JSONL and GoReplay files, and the egress proxy. None may reach a
 * stored byte (the SQLite file and its WAL, read raw), an API answer or a log line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { importExchanges } from '@understudy/replay';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { harOf, jsonlLineOf } from '../../../replay/test/support.js';
import { apiExchanges, egressToolCall, recordingPathsFixture, replayAfterShadows, storedBytes } from './secret-paths-support.js';

const redactionKey = 'secret-audit3-test-key-0123456789';
const adminToken = 'secret-audit3-admin-token-0123456789';

/** Each distinct, so a leak names its shape; written into the traffic as `spelled` gives. */
const secrets = {
  copula: 'gattorosso',
  htpasswd: 'girasolazul',
  fullwidthTail: 'Ab3dEf6hIj9kLm2nOp5qRs8t',
  cyrillicTail: 'Zq8Rt5Wm2Kp9Lx4Vn7Bc3Df6',
  wrappedHead: 'sk-proj-Wr4pH3adK9xQ',
  wrappedTail: 'Wr4pT4ilM2nB',
  linkToken: 'Lk7Tq2Zx9N',
  invented: 'sk-proj-Inv3ntedByCand1dateXyZ0987',
  // Trust audit 4's shapes.
  netUser: 'Audit4NetPw-41',
  netUse: 'Audit4Share-42',
  oracle: 'Audit4Oracle-43',
  cqlsh: 'Audit4Cql-44',
  blankLabel: 'audittournesol',
  armenianTail: 'Audit4Arm3nianK3yAbCdEf12',
  cherokeeTail: 'AUDIT4CHEROKEE12',
  dashTail: 'Audit4EnDashKey9XyZ12abcd',
} as const;
const fullwidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** What the traffic says (the seeded secrets in their shapes). */
const spelled = [
  `la mia password è ${secrets.copula}`,
  `run htpasswd -b /etc/nginx/.htpasswd admin ${secrets.htpasswd}`,
  `key ${fullwidth(`sk-proj-${secrets.fullwidthTail}`)}`,
  `key ѕk-proj-${secrets.cyrillicTail} ok`,
  `key ${secrets.wrappedHead}\n    ${secrets.wrappedTail} ok`,
  'my PIN is 7, thanks',
  `reset: https://shop.example/reset/${secrets.linkToken}`,
  `C:\\> net user alice ${secrets.netUser} /add`,
  `net use Z: \\\\fs01\\share ${secrets.netUse} /user:CORP\\alice`,
  `expdp system/${secrets.oracle}@orcl full=y`,
  `cqlsh -u cassandra -p ${secrets.cqlsh} 10.0.0.7`,
  `senha ${secrets.blankLabel}`,
  `key sk-prօj-${secrets.armenianTail} ok`,
  `aws ᎪKIA${secrets.cherokeeTail} ok`,
  `key sk–proj–${secrets.dashTail} ok`,
].join('\n');

const chatRequest = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: spelled }] });
/** The upstream answers with what it was asked (an echo) and a key of its own (an invention). */
const echoReply = (asked: string): string =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: `You said: ${asked}. New key ${secrets.invented}` } }],
  });
const sse = (events: readonly (readonly [string | undefined, unknown])[]) =>
  events.map(([event, data]) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`).join('');
/** `spelled` in deltas of 5 characters: every secret split, most more than once. */
const pieces = (s: string): string[] => s.match(/[\s\S]{1,5}/gu) ?? [];
const openaiStream = `${sse(pieces(spelled).map((d) => [undefined, { choices: [{ index: 0, delta: { content: d } }] }] as const))}data: [DONE]\n\n`;
const anthropicStream = sse(
  pieces(spelled).map(
    (d) => ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } }] as const,
  ),
);
const responsesStream = sse(
  pieces(spelled).map((d) => ['response.output_text.delta', { type: 'response.output_text.delta', delta: d }] as const),
);

function upstreamApp(): Hono {
  const app = new Hono();
  app.post('/v1/chat/completions', async (c) => {
    const asked = (JSON.parse(await c.req.text()) as { messages?: { content?: string }[] }).messages?.[0]?.content ?? '';
    return c.body(echoReply(asked), 200, { 'content-type': 'application/json' });
  });
  app.post('/v1/openai-stream', (c) => c.body(openaiStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/messages', (c) => c.body(anthropicStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/responses', (c) => c.body(responsesStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/gzip', (c) =>
    c.body(gzipSync(echoReply(spelled)), 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  );
  app.post('/v1/fail', (c) => c.body(JSON.stringify({ error: { message: spelled } }), 401, { 'content-type': 'application/json' }));
  // A stream that dies mid-way, inside a secret.
  app.post('/v1/dies', (c) =>
    stream(c, async (s) => {
      c.header('content-type', 'text/event-stream');
      await s.write(openaiStream.slice(0, Math.floor(openaiStream.length / 2)));
      s.abort();
    }),
  );
  app.all('/tools/*', (c) => c.body(`tool says: ${spelled}`, 200, { 'content-type': 'text/plain' }));
  return app;
}

const paths = recordingPathsFixture({ upstreamApp: upstreamApp(), redactionKey, seed: 13 });

async function send(path: string, body: string): Promise<void> {
  try {
    const res = await request(`${paths().tapUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.body.dump();
  } catch {
    // The reply cut mid-stream: the client sees an error, the tap still records.
  }
}

/** The seeded secrets (and their fullwidth and JSON-escaped spellings) that `text` still holds. */
function leaked(text: string): string[] {
  const forms = (s: string) => [s, fullwidth(s), JSON.stringify(fullwidth(s)).slice(1, -1)];
  const found = Object.values(secrets).filter((s) => forms(s).some((f) => text.includes(f)));
  // Halves of the split and wrapped ones, and the PIN in its sentence.
  for (const part of [secrets.wrappedTail, 'PIN is 7,', secrets.fullwidthTail.slice(0, 12), secrets.cyrillicTail.slice(12)])
    if (text.includes(part) || text.includes(fullwidth(part))) found.push(part as never);
  return found;
}

describe('trust audits 3 and 4 shapes (every path)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the API or a log', async () => {
    const { store, file, logFile } = paths();
    await send('/v1/chat/completions', chatRequest);
    for (const path of ['/v1/openai-stream', '/v1/messages', '/v1/responses', '/v1/gzip', '/v1/fail', '/v1/dies'])
      await send(path, chatRequest);
    // Over the capture cap, and malformed JSON.
    await send('/v1/chat/completions', JSON.stringify({ messages: [{ role: 'user', content: `${'x'.repeat(70_000)} ${spelled}` }] }));
    await send('/v1/chat/completions', `{"messages":[{"role":"user","content":"${spelled.replaceAll('\n', '\\n')}"`);
    await egressToolCall(paths(), 'EXAUDIT3', JSON.stringify({ note: spelled }));
    await replayAfterShadows(paths(), 6, 14);

    const dir = `${file}.imports`;
    mkdirSync(dir, { recursive: true });
    const json = { 'content-type': 'application/json' };
    writeFileSync(
      join(dir, 'a3.har'),
      harOf(
        'http://agent.example/v1/chat/completions',
        { headers: json, mimeType: 'application/json', text: chatRequest },
        { status: 200, headers: json, mimeType: 'application/json', text: echoReply(spelled) },
      ),
    );
    writeFileSync(
      join(dir, 'a3.jsonl'),
      jsonlLineOf({
        id: '01JSONLAUDIT3000000000000A',
        path: `/v1/reset/${secrets.linkToken}`,
        query: '',
        requestHeaders: { 'content-type': 'text/plain' },
        requestText: spelled,
        responseHeaders: { 'content-type': 'text/plain' },
        responseText: spelled,
      }),
    );
    const goreplay = (type: string, head: string, body: string) =>
      `${type} 0ab1c2d3e4f5 1764756000000000000 0\n${head}\r\n\r\n${body}\n🐵🙈🙉\n`;
    writeFileSync(
      join(dir, 'a3.gor'),
      goreplay('1', `POST /v1/chat/completions HTTP/1.1\r\nHost: agent\r\nContent-Type: application/json`, chatRequest) +
        goreplay('2', 'HTTP/1.1 200 OK\r\nContent-Type: application/json', echoReply(spelled)),
    );
    await importExchanges(store, join(dir, 'a3.har'), { record: paths().record, version: 'har' });
    await importExchanges(store, join(dir, 'a3.jsonl'), { record: paths().record });
    await importExchanges(store, join(dir, 'a3.gor'), { record: paths().record, format: 'goreplay' });
    await paths().egress.close();

    const { count, text: api } = await apiExchanges(store, adminToken);
    expect(count).toBeGreaterThanOrEqual(20);
    // The traffic was recorded (the redactor left its prose): a leak check over empty bodies proves nothing.
    expect(api).toContain('la mia password');
    expect(api).toContain('htpasswd -b');
    expect(api).toContain('net user alice');
    expect(leaked(api)).toEqual([]);
    const calls = await store.toolCalls.recorded('EXAUDIT3');
    expect(calls.length).toBe(1);
    expect(leaked(Buffer.from(calls[0]?.requestBody ?? new Uint8Array()).toString('utf8'))).toEqual([]);
    expect(leaked(storedBytes([file, `${file}-wal`, logFile]))).toEqual([]);
  });
});
