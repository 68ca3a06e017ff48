/**
 * The traffic a trust audit's seeder sends, and the paths it sends it through: one pasted text
 * (`spelled`) and one tool call's arguments, in a JSON chat request and reply, OpenAI chat and
 * Responses streams and an Anthropic stream that split them across 3-character deltas, sent by the
 * real `openai` and `@anthropic-ai/sdk` clients through the tap (with a secret header and query
 * key), then the live shadow, a replay, the egress proxy, a HAR import and an export. Made once for
 * audits 5 and 6, which differ only in what they paste.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { exportJsonl, importExchanges } from '@understudy/replay';
import { Hono } from 'hono';
import OpenAI from 'openai';
import { expect } from 'vitest';
import type { RecordingPaths } from '../../../replay/test/recording-paths.js';
import { harOf } from '../../../replay/test/support.js';
import { apiExchanges, egressToolCall, replayAfterShadows, secretSpellings, storedBytes } from './secret-paths-support.js';

/** What one audit pastes: a chat message's text, a tool call's JSON arguments, and a tag its ids carry (`a5`). */
export interface SeededTraffic {
  readonly tag: string;
  readonly spelled: string;
  readonly toolArguments: string;
}

/** A chat completion whose message says `asked` back and calls a tool with the seeded arguments. */
function chatReply(traffic: SeededTraffic, asked: string): string {
  return JSON.stringify({
    id: `chatcmpl-${traffic.tag}`,
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
          tool_calls: [{ id: `call_${traffic.tag}`, type: 'function', function: { name: 'run', arguments: traffic.toolArguments } }],
        },
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });
}

const sse = (events: readonly (readonly [string | undefined, unknown])[]) =>
  events.map(([event, data]) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`).join('');
/** In deltas of 3 characters: every secret split, most several times. */
const pieces = (s: string): string[] => s.match(/[\s\S]{1,3}/gu) ?? [];

function openaiStream({ tag, spelled, toolArguments }: SeededTraffic): string {
  const chunk = (delta: object) => ({
    id: `chatcmpl-${tag}`,
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta }],
  });
  return `${sse([
    ...pieces(spelled).map((d) => [undefined, chunk({ content: d })] as const),
    [undefined, chunk({ tool_calls: [{ index: 0, id: `call_${tag}`, type: 'function', function: { name: 'run', arguments: '' } }] })],
    ...pieces(toolArguments).map((d) => [undefined, chunk({ tool_calls: [{ index: 0, function: { arguments: d } }] })] as const),
  ])}data: [DONE]\n\n`;
}

function anthropicStream({ tag, spelled, toolArguments }: SeededTraffic): string {
  const delta = (index: number, d: object) => ['content_block_delta', { type: 'content_block_delta', index, delta: d }] as const;
  return sse([
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id: `msg_${tag}`,
          type: 'message',
          role: 'assistant',
          content: [],
          model: 'claude',
          usage: { input_tokens: 1, output_tokens: 1 },
        },
      },
    ],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ...pieces(spelled).map((d) => delta(0, { type: 'text_delta', text: d })),
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'content_block_start',
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: `toolu_${tag}`, name: 'run', input: {} } },
    ],
    ...pieces(toolArguments).map((d) => delta(1, { type: 'input_json_delta', partial_json: d })),
    ['content_block_stop', { type: 'content_block_stop', index: 1 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 5 } }],
    ['message_stop', { type: 'message_stop' }],
  ]);
}

function responsesStream({ tag, spelled }: SeededTraffic): string {
  return sse(
    pieces(spelled).map(
      (d) =>
        [
          'response.output_text.delta',
          { type: 'response.output_text.delta', item_id: `msg_${tag}`, output_index: 0, content_index: 0, delta: d },
        ] as const,
    ),
  );
}

/** The upstream the seeded traffic is recorded from: chat (JSON or streamed), Anthropic and Responses streams, and a tool at `/tools/*`. */
export function seededUpstream(traffic: SeededTraffic): Hono {
  const streams = { openai: openaiStream(traffic), anthropic: anthropicStream(traffic), responses: responsesStream(traffic) };
  const app = new Hono();
  app.post('/v1/chat/completions', async (c) => {
    const body = JSON.parse(await c.req.text()) as { stream?: boolean; messages?: { content?: string }[] };
    if (body.stream === true) return c.body(streams.openai, 200, { 'content-type': 'text/event-stream' });
    return c.body(chatReply(traffic, body.messages?.[0]?.content ?? ''), 200, { 'content-type': 'application/json' });
  });
  app.post('/v1/messages', (c) => c.body(streams.anthropic, 200, { 'content-type': 'text/event-stream' }));
  app.post('/v1/responses', (c) => c.body(streams.responses, 200, { 'content-type': 'text/event-stream' }));
  app.all('/tools/*', (c) => c.body(`tool says: ${traffic.spelled}`, 200, { 'content-type': 'text/plain' }));
  return app;
}

/** The credentials the clients send of their own: a header, a query key, a bearer token in a HAR import. */
export interface SeededCredentials {
  readonly headerKey: string;
  readonly queryKey: string;
  readonly bearer: string;
  readonly adminToken: string;
}

/** Where the seeded traffic ended up: every place a secret could be read back from, as text. */
export interface SeededPlaces {
  readonly count: number;
  readonly places: Readonly<Record<'api' | 'toolCall' | 'export' | 'files', string>>;
}

/**
 * Sends the traffic through every path of `paths` (recorded with `seededUpstream(traffic)` as its
 * upstream), then reads back the API (bodies decoded), the egress's recorded call, the export
 * (bodies decoded) and the stored bytes (SQLite file, WAL, log).
 */
async function seedEveryPath(paths: RecordingPaths, traffic: SeededTraffic, credentials: SeededCredentials): Promise<SeededPlaces> {
  const { store, file, logFile, tapUrl } = paths;
  const { spelled, tag } = traffic;
  const openai = new OpenAI({
    apiKey: `sk-proj-${tag.toUpperCase()}SeedClientKeyAbCdEfGhIjKlMnOpQr`,
    baseURL: `${tapUrl}/v1`,
    maxRetries: 0,
    defaultHeaders: { 'x-db-password': credentials.headerKey },
    defaultQuery: { api_key: credentials.queryKey },
  });
  const anthropic = new Anthropic({
    apiKey: `sk-ant-api03-${tag.toUpperCase()}SeedAnthropicClientKeyAbCdEf`,
    baseURL: tapUrl,
    maxRetries: 0,
  });
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: spelled }] });
  expect(completion.choices[0]?.message.tool_calls?.length).toBe(1);
  const chat = await openai.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'again' }] });
  let streamed = '';
  for await (const chunk of chat) streamed += chunk.choices[0]?.delta.content ?? '';
  expect(streamed).toBe(spelled);
  const responses = await openai.responses.create({ model: 'gpt-4o-mini', input: 'again', stream: true });
  for await (const event of responses) expect(event.type).toBe('response.output_text.delta');
  const message = anthropic.messages.stream({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: spelled }] });
  expect((await message.finalMessage()).content.length).toBe(2);

  const egressId = `EX${tag.toUpperCase()}`;
  await egressToolCall(paths, egressId, JSON.stringify({ note: spelled, args: traffic.toolArguments }));
  await replayAfterShadows(paths, 4, 16);

  const dir = `${file}.imports`;
  mkdirSync(dir, { recursive: true });
  const json = { 'content-type': 'application/json' };
  const har = join(dir, `${tag}.har`);
  writeFileSync(
    har,
    harOf(
      `http://agent.example/v1/chat/completions?api_key=${credentials.queryKey}`,
      {
        headers: { ...json, authorization: `Bearer ${credentials.bearer}` },
        mimeType: 'application/json',
        text: JSON.stringify({ messages: [{ role: 'user', content: spelled }] }),
      },
      { status: 200, headers: json, mimeType: 'application/json', text: chatReply(traffic, spelled) },
    ),
  );
  await importExchanges(store, har, { record: paths.record, version: 'har' });
  await paths.egress.close();

  let exported = '';
  await exportJsonl(store, {}, (chunk) => {
    exported += chunk;
  });
  const { count, text: api } = await apiExchanges(store, credentials.adminToken);
  const calls = await store.toolCalls.recorded(egressId);
  expect(calls.length).toBe(1);
  return {
    count,
    places: {
      api,
      toolCall: Buffer.from(calls[0]?.requestBody ?? new Uint8Array()).toString('utf8'),
      export: exportedText(exported),
      files: storedBytes([file, `${file}-wal`, logFile]),
    },
  };
}

/** An export's text with each body's base64 read. */
function exportedText(lines: string): string {
  let text = lines;
  for (const m of lines.matchAll(/"base64":"([A-Za-z0-9+/=]*)"/g)) text += Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  return text;
}

/**
 * Seeds every path (`seedEveryPath`, the clients' own credentials being `secrets.headerKey`,
 * `queryKey` and `bearer`) and expects no secret in any place, and each of `survivors` in the API
 * as written (JSON-escaped): the ids, hosts and names a reader needs. `recorded` is a piece of the
 * traffic that must be found stored — a leak check over empty bodies proves nothing.
 */
export async function expectEveryPathClean(
  paths: RecordingPaths,
  traffic: SeededTraffic,
  secrets: Readonly<Record<'headerKey' | 'queryKey' | 'bearer', string>> & Readonly<Record<string, string>>,
  expected: { readonly adminToken: string; readonly recorded: string; readonly survivors: readonly string[] },
): Promise<void> {
  const { headerKey, queryKey, bearer } = secrets;
  const { count, places } = await seedEveryPath(paths, traffic, { headerKey, queryKey, bearer, adminToken: expected.adminToken });
  expect(count).toBeGreaterThanOrEqual(10);
  expect(places.api).toContain(expected.recorded);
  const problems = leaksIn(secrets, places);
  for (const id of expected.survivors) if (!places.api.includes(JSON.stringify(id).slice(1, -1))) problems.push(`${id} lost`);
  expect(problems).toEqual([]);
}

/** `secret name in place` for each seeded secret a place holds in any of its spellings (`secretSpellings`). */
function leaksIn(secrets: Readonly<Record<string, string>>, places: SeededPlaces['places']): string[] {
  return Object.entries(places).flatMap(([place, text]) =>
    Object.entries(secrets)
      .filter(([, s]) => secretSpellings(s).some((f) => text.includes(f)))
      .map(([name]) => `${name} in ${place}`),
  );
}
