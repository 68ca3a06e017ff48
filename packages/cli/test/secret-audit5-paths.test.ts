/**
 * Trust audit 5's seeder: secrets of many shapes — cloud keys of the major providers, a JWT, bearer
 * and Basic credentials, a PEM private key, connection strings of five databases and brokers,
 * passwords on command lines (`xfreerdp /p:`, db2 `USING`, clients' options on a line of their own
 * in a chat message) and in config snippets of several languages, API keys in JSON members of
 * unusual names, a secret in a tool call's arguments, short CJK passwords, a capitalised
 * letters-only password after a blank label, percent-encoded and base64-wrapped ones — sent by the real `openai` and
 * `@anthropic-ai/sdk` clients through the tap (a JSON request and reply, OpenAI chat, Responses
 * and Anthropic streams that split them across 3-character deltas, headers and the query) with
 * its live shadow, a replay, the egress proxy and `understudy import` of HAR; then `understudy
 * export`. No secret, in any of its obvious spellings, may reach the SQLite file, its WAL, the log,
 * the API or the export. The ordinary ids beside them (an order id on the line after a key, a
 * request's UUID, a commit hash in a docs URL) must survive.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { exportJsonl, importExchanges } from '@understudy/replay';
import { Hono } from 'hono';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { harOf } from '../../../replay/test/support.js';
import {
  apiExchanges,
  egressToolCall,
  recordingPathsFixture,
  replayAfterShadows,
  secretSpellings,
  storedBytes,
} from './secret-paths-support.js';

const redactionKey = 'secret-audit5-test-key-0123456789';
const adminToken = 'secret-audit5-admin-token-0123456789';

/** Each distinct, so a leak names its shape. */
const secrets = {
  awsId: 'AKIAA5SEEDQ7XW2LMN4P',
  awsSecret: 'a5SeedwJalrXUtnFEMI/K7MDENG/bPxRfiCYz9Q',
  gcpKey: 'AIzaSyA5SeedD9tSrke72PouQMnMXa7eZSW0jkF',
  azureKey: 'A5SeedZm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg9PQ==',
  jwtSig: 'A5SeedSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQ',
  bearer: 'A5SeedBearer9xQ2mL7vT4kP8',
  basicUrl: 'A5SeedBasic&Pw3',
  pemLine: 'MIIEowIBAAKCAQEAa5SeedPemLineAbCdEfGhIjKl',
  postgres: 'A5SeedPg-4419',
  mysqlUrl: 'A5SeedMy!772',
  mongo: 'A5SeedMongo99',
  redis: 'RdsA5OnlyPw-3',
  amqp: 'A5SeedAmqp-55',
  sqlServer: 'A5SeedSql#12',
  xfreerdp: 'A5SeedRdp0rd',
  xfreerdp2: 'Winter2026!a5',
  db2: 'A5SeedDb2Pw1',
  mysqlCli: 'A5SeedMyCli55',
  sshpass: 'A5SeedSshPw9',
  dockerLogin: 'A5SeedDocker91',
  redisCli: 'A5SeedRedisCli89',
  blankLabel: 'Sunshinefive',
  alignedField: 'Marigoldsun',
  cjk2: '猫狗',
  cjk4: '天地玄黄',
  iniPass: 'A5SeedIni883',
  phpDefine: 'A5SeedPhp-884',
  javaProp: 'A5SeedJava-886',
  csharp: 'A5SeedCs-889',
  powershell: 'A5SeedPsSecure86',
  jsonOdd: 'A5SeedAuthTkn9Q8wE7rT6yU5i',
  jsonCamel: 'A5SeedClientS3cret-894',
  jsonV2: 'ak2-A5SeedZz9Yy8Xx7Ww6',
  toolArg: 'A5SeedToolArgPw77',
  urlEncoded: 'A5Seed@Pw!enc',
  letDecl: 'A5SeedLetPw-31',
  xmlValue: 'A5SeedXmlPw-32',
  goDsn: 'A5SeedGoDsn#33',
  base64Creds: Buffer.from('deploy:A5SeedB64Pw-34').toString('base64'),
  base64Decode: 'QTVTZWVkSzhzUHctMzU=',
  headerKey: 'A5SeedHeaderKey-0123456789',
  queryKey: 'A5SeedQueryKey-0123456789',
  streamKey: 'sk-proj-A5SeedStreamKeyAbCdEfGhIjKlMnOp',
} as const;

/** Ordinary ids beside the secrets: none is a secret, each must be stored as it was written. */
const ordinary = [
  'ORD-2024-88412',
  '123e4567-e89b-12d3-a456-426614174000',
  'https://docs.example.com/guide/3f786850e387550fdab836ed7e6dc881de23001b',
] as const;

const pem = `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pemLine}\nQk9EWVRISVJEa5Seed\n-----END RSA PRIVATE KEY-----`;
const jwt = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhNXNlZWQifQ.${secrets.jwtSig}`;
/** What the traffic says: every shape on a line of its own, as a person pastes it into a chat. */
const spelled = [
  'Why does my deploy fail? Here is everything:',
  `export AWS_ACCESS_KEY_ID=${secrets.awsId}`,
  `export AWS_SECRET_ACCESS_KEY=${secrets.awsSecret}`,
  `GOOGLE_API_KEY=${secrets.gcpKey}`,
  `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${secrets.azureKey};EndpointSuffix=core.windows.net`,
  `token ${jwt}`,
  `curl -H "Authorization: Bearer ${secrets.bearer}" https://api.example.com`,
  `git clone https://deploy:${secrets.basicUrl}@git.example.com/r.git`,
  pem,
  `DATABASE_URL=postgres://app:${secrets.postgres}@db:5432/app`,
  `mysql://root:${secrets.mysqlUrl}@10.0.0.1/db`,
  `mongodb+srv://admin:${secrets.mongo}@cluster0.abc.mongodb.net/?retryWrites=true`,
  `redis://:${secrets.redis}@cache:6379/0`,
  `amqps://guest:${secrets.amqp}@mq.internal:5671/vhost`,
  `Server=tcp:db.x,1433;Database=app;User ID=sa;Password=${secrets.sqlServer};Encrypt=True`,
  `xfreerdp /v:10.0.0.5 /u:admin /p:${secrets.xfreerdp}`,
  `xfreerdp /u:CORP\\bob /p:${secrets.xfreerdp2} /v:srv01`,
  `db2 CONNECT TO SAMPLE USER db2inst1 USING ${secrets.db2}`,
  `mysql -u root -p${secrets.mysqlCli} -h db`,
  `sshpass -p ${secrets.sshpass} ssh root@host`,
  `docker login -u bob -p ${secrets.dockerLogin} registry.example.com`,
  `redis-cli -h cache -a ${secrets.redisCli} ping`,
  `Password:   ${secrets.blankLabel}`,
  `PASSWORD    ${secrets.alignedField}`,
  `密码：${secrets.cjk2}`,
  `密码是 ${secrets.cjk4}`,
  `db_pass=${secrets.iniPass}`,
  `define('DB_PASSWORD', '${secrets.phpDefine}');`,
  `props.setProperty("password", "${secrets.javaProp}");`,
  `var cred = new NetworkCredential("bob", "${secrets.csharp}");`,
  `$pw = ConvertTo-SecureString "${secrets.powershell}" -AsPlainText -Force`,
  `login?user=bob&password=${encodeURIComponent(secrets.urlEncoded)}`,
  `let password = "${secrets.letDecl}";`,
  `<property name="password" value="${secrets.xmlValue}"/>`,
  `dsn := "app:${secrets.goDsn}@tcp(db:3306)/shop"`,
  `registry creds (base64): ${secrets.base64Creds}`,
  `echo ${secrets.base64Decode} | base64 -d`,
  `key ${secrets.streamKey}`,
  `${ordinary[0]} shipped; request ${ordinary[1]}; see ${ordinary[2]}`,
].join('\n');

/** A reply naming its own secrets: in JSON members of unusual names and in a tool call's arguments. */
const replyMembers = { 'x-auth-tkn': secrets.jsonOdd, clientSecret: secrets.jsonCamel, apiKeyV2: secrets.jsonV2 };
const toolArguments = JSON.stringify({ cmd: `mysql -uroot -p${secrets.toolArg} shop`, ...replyMembers });
const chatReply = (asked: string): string =>
  JSON.stringify({
    id: 'chatcmpl-a5',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: `You said: ${asked}`,
          tool_calls: [{ id: 'call_a5', type: 'function', function: { name: 'run', arguments: toolArguments } }],
        },
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });

const sse = (events: readonly (readonly [string | undefined, unknown])[]) =>
  events.map(([event, data]) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`).join('');
/** In deltas of 3 characters: every secret split, most several times. */
const pieces = (s: string): string[] => s.match(/[\s\S]{1,3}/gu) ?? [];
const chatChunk = (delta: object) => ({
  id: 'chatcmpl-a5',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta }],
});
const openaiStream = `${sse([
  ...pieces(spelled).map((d) => [undefined, chatChunk({ content: d })] as const),
  [undefined, chatChunk({ tool_calls: [{ index: 0, id: 'call_a5', type: 'function', function: { name: 'run', arguments: '' } }] })],
  ...pieces(toolArguments).map((d) => [undefined, chatChunk({ tool_calls: [{ index: 0, function: { arguments: d } }] })] as const),
])}data: [DONE]\n\n`;
const anthropicStream = sse([
  [
    'message_start',
    {
      type: 'message_start',
      message: {
        id: 'msg_a5',
        type: 'message',
        role: 'assistant',
        content: [],
        model: 'claude',
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    },
  ],
  ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
  ...pieces(spelled).map(
    (d) => ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } }] as const,
  ),
  ['content_block_stop', { type: 'content_block_stop', index: 0 }],
  [
    'content_block_start',
    { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a5', name: 'run', input: {} } },
  ],
  ...pieces(toolArguments).map(
    (d) =>
      ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: d } }] as const,
  ),
  ['content_block_stop', { type: 'content_block_stop', index: 1 }],
  ['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 5 } }],
  ['message_stop', { type: 'message_stop' }],
]);
const responsesStream = sse(
  pieces(spelled).map(
    (d) =>
      [
        'response.output_text.delta',
        { type: 'response.output_text.delta', item_id: 'msg_a5', output_index: 0, content_index: 0, delta: d },
      ] as const,
  ),
);

function upstreamApp(): Hono {
  const app = new Hono();
  app.post('/v1/chat/completions', async (c) => {
    const body = JSON.parse(await c.req.text()) as { stream?: boolean; messages?: { content?: string }[] };
    if (body.stream === true) return c.body(openaiStream, 200, { 'content-type': 'text/event-stream' });
    return c.body(chatReply(body.messages?.[0]?.content ?? ''), 200, { 'content-type': 'application/json' });
  });
  app.post('/v1/messages', (c) => c.body(anthropicStream, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/responses', (c) => c.body(responsesStream, 200, { 'content-type': 'text/event-stream' }));
  app.all('/tools/*', (c) => c.body(`tool says: ${spelled}`, 200, { 'content-type': 'text/plain' }));
  return app;
}

const paths = recordingPathsFixture({ upstreamApp: upstreamApp(), redactionKey, seed: 15 });

/** The seeded secrets that `text` holds in any of their spellings. */
function leaked(text: string): string[] {
  return Object.entries(secrets)
    .filter(([, s]) => secretSpellings(s).some((f) => text.includes(f)))
    .map(([name]) => name);
}

/** An export's text with each body's base64 read. */
function exportedText(lines: string): string {
  let text = lines;
  for (const m of lines.matchAll(/"base64":"([A-Za-z0-9+/=]*)"/g)) text += Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  return text;
}

describe('trust audit 5 seeder (every path, real SDK clients)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the log, the API or an export; ordinary ids survive', async () => {
    const { store, file, logFile, tapUrl } = paths();
    const openai = new OpenAI({
      apiKey: 'sk-proj-A5SeedClientKeyAbCdEfGhIjKlMnOpQr',
      baseURL: `${tapUrl}/v1`,
      maxRetries: 0,
      defaultHeaders: { 'x-db-password': secrets.headerKey },
      defaultQuery: { api_key: secrets.queryKey },
    });
    const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-A5SeedAnthropicClientKeyAbCdEf', baseURL: tapUrl, maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: spelled }] });
    expect(completion.choices[0]?.message.tool_calls?.length).toBe(1);
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'again' }],
    });
    let streamed = '';
    for await (const chunk of chat) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(spelled);
    const responses = await openai.responses.create({ model: 'gpt-4o-mini', input: 'again', stream: true });
    for await (const event of responses) expect(event.type).toBe('response.output_text.delta');
    const message = anthropic.messages.stream({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: spelled }] });
    expect((await message.finalMessage()).content.length).toBe(2);

    await egressToolCall(paths(), 'EXAUDIT5', JSON.stringify({ note: spelled, args: toolArguments }));
    await replayAfterShadows(paths(), 4, 16);

    const dir = `${file}.imports`;
    mkdirSync(dir, { recursive: true });
    const json = { 'content-type': 'application/json' };
    writeFileSync(
      join(dir, 'a5.har'),
      harOf(
        `http://agent.example/v1/chat/completions?api_key=${secrets.queryKey}`,
        {
          headers: { ...json, authorization: `Bearer ${secrets.bearer}` },
          mimeType: 'application/json',
          text: JSON.stringify({ messages: [{ role: 'user', content: spelled }] }),
        },
        { status: 200, headers: json, mimeType: 'application/json', text: chatReply(spelled) },
      ),
    );
    await importExchanges(store, join(dir, 'a5.har'), { record: paths().record, version: 'har' });
    await paths().egress.close();

    let exported = '';
    await exportJsonl(store, {}, (chunk) => {
      exported += chunk;
    });
    const { count, text: api } = await apiExchanges(store, adminToken);
    expect(count).toBeGreaterThanOrEqual(10);
    // The traffic was recorded (the redactor left its prose and ids): a leak check over empty bodies proves nothing.
    expect(api).toContain('db2 CONNECT TO SAMPLE');
    const calls = await store.toolCalls.recorded('EXAUDIT5');
    expect(calls.length).toBe(1);
    const places = {
      api,
      toolCall: Buffer.from(calls[0]?.requestBody ?? new Uint8Array()).toString('utf8'),
      export: exportedText(exported),
      files: storedBytes([file, `${file}-wal`, logFile]),
    };
    const problems = Object.entries(places).flatMap(([place, text]) => leaked(text).map((name) => `${name} in ${place}`));
    for (const id of [...ordinary, 'AWS_SECRET_ACCESS_KEY=', 'GOOGLE_API_KEY=', 'DefaultEndpointsProtocol=https', '\\ncurl -H'])
      if (!api.includes(JSON.stringify(id).slice(1, -1))) problems.push(`${id} lost`);
    expect(problems).toEqual([]);
  });
});
