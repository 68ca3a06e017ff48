import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '@understudy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExchanges } from '../src/import-exchanges.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, type Running, tempStore } from './support.js';

const fixture = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../data/fixtures/phoenix-openinference.otlp.json');
const t0 = 1_780_000_000_000;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });
const span = (spanId: string, attributes: unknown[], extra: Record<string, unknown> = {}) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId,
  name: 'chat',
  kind: 3,
  startTimeUnixNano: String(BigInt(t0) * 1_000_000n),
  endTimeUnixNano: String(BigInt(t0 + 750) * 1_000_000n),
  attributes,
  ...extra,
});
const file = (name: string, content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'us-otlp-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const request = (spans: unknown[]) => ({
  resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 't' }, spans }] }],
});
const bodyOf = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;

describe('importing OTLP JSON traces', () => {
  let agent: Running;
  beforeAll(async () => {
    agent = await demoAgent('good', 5);
  });
  afterAll(() => agent.close());

  it('reads an OpenInference export (Phoenix): model calls become chat completions, tool and chain spans are ignored, and replay sends them', async () => {
    const { store } = await tempStore();
    const result = await importExchanges(store, fixture, { random: seededRandom(1), version: 'prod' });
    expect(result).toMatchObject({ format: 'otlp', imported: 2, ignored: 2, skipped: 0 });
    const [first, second] = (await store.exchanges.list({}, { limit: 10 })).items.sort((a, b) => a.startedAt - b.startedAt);
    expect(first).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      version: 'prod',
      role: 'live',
      startedAt: t0 + 10,
      durationMs: 800,
    });
    expect(bodyOf(first?.requestBody.bytes ?? new Uint8Array())).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      messages: [
        { role: 'system', content: "You are the shop's support agent." },
        { role: 'user', content: 'Where is my order 55512?' },
      ],
    });
    expect(bodyOf(first?.responseBody.bytes ?? new Uint8Array())).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_7', type: 'function', function: { name: 'get_order', arguments: '{"order_id":"55512"}' } }],
          },
        },
      ],
      usage: { prompt_tokens: 112, completion_tokens: 18, total_tokens: 130 },
    });
    expect(first?.usage).toMatchObject({ inputTokens: 112, outputTokens: 18 });
    // input.value holding the OpenAI request: the conversation, tool result included.
    const second_ = bodyOf(second?.requestBody.bytes ?? new Uint8Array()) as { messages: { role: string }[] };
    expect(second_.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(bodyOf(second?.responseBody.bytes ?? new Uint8Array())).toMatchObject({
      choices: [
        { message: { role: 'assistant', content: 'Your order 55512 has shipped and should arrive on Thursday.' }, finish_reason: 'stop' },
      ],
    });

    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: agent.url });
    const outcome = await replayer.run(run.id);
    await replayer.close();
    expect(outcome.summary).toMatchObject({ done: 2, errors: 0 });
  });

  it('reads GenAI semantic conventions, structured and legacy, one export per line as the Collector file exporter writes', async () => {
    const structured = span('00f067aa0ba902b7', [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.provider.name', 'openai'),
      str('gen_ai.request.model', 'gpt-4.1'),
      str('gen_ai.response.model', 'gpt-4.1-2025-04-14'),
      str('gen_ai.response.id', 'chatcmpl-9'),
      str('gen_ai.system_instructions', JSON.stringify([{ type: 'text', content: 'Be brief.' }])),
      str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Refund order 42' }] }])),
      str(
        'gen_ai.output.messages',
        JSON.stringify([
          {
            role: 'assistant',
            parts: [{ type: 'tool_call', id: 'c1', name: 'refund_order', arguments: { order_id: '42' } }],
            finish_reason: 'tool_call',
          },
        ]),
      ),
      { key: 'gen_ai.response.finish_reasons', value: { arrayValue: { values: [{ stringValue: 'tool_calls' }] } } },
      int('gen_ai.usage.input_tokens', 31),
      int('gen_ai.usage.output_tokens', 9),
      { key: 'gen_ai.request.temperature', value: { doubleValue: 0 } },
    ]);
    const legacy = span('00f067aa0ba902b8', [
      str('gen_ai.system', 'openai'),
      str('gen_ai.request.model', 'gpt-3.5-turbo'),
      str('gen_ai.prompt.0.role', 'user'),
      str('gen_ai.prompt.0.content', 'Hello'),
      str('gen_ai.completion.0.role', 'assistant'),
      str('gen_ai.completion.0.content', 'Hi! How can I help?'),
      str('gen_ai.completion.0.finish_reason', 'stop'),
      int('gen_ai.usage.prompt_tokens', 5),
      int('gen_ai.usage.completion_tokens', 6),
    ]);
    const http = span('00f067aa0ba902b9', [str('http.request.method', 'GET'), str('url.path', '/health')]);
    const path = file('traces.jsonl', `${JSON.stringify(request([structured, http]))}\n${JSON.stringify(request([legacy]))}\n`);
    const { store } = await tempStore();
    const result = await importExchanges(store, path, { format: 'otlp', random: seededRandom(2) });
    expect(result).toMatchObject({ imported: 2, ignored: 1 });
    const rows = (await store.exchanges.list({}, { limit: 10 })).items;
    const bodies = rows.map((e) => [bodyOf(e.requestBody.bytes), bodyOf(e.responseBody.bytes)] as const);
    const gpt41 = bodies.find(([req]) => req.model === 'gpt-4.1');
    expect(gpt41?.[0]).toEqual({
      model: 'gpt-4.1',
      temperature: 0,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Refund order 42' },
      ],
    });
    expect(gpt41?.[1]).toMatchObject({
      id: 'chatcmpl-9',
      model: 'gpt-4.1-2025-04-14',
      choices: [
        {
          finish_reason: 'tool_calls',
          message: { content: null, tool_calls: [{ id: 'c1', function: { name: 'refund_order', arguments: '{"order_id":"42"}' } }] },
        },
      ],
      usage: { prompt_tokens: 31, completion_tokens: 9 },
    });
    const old = bodies.find(([req]) => req.model === 'gpt-3.5-turbo');
    expect(old?.[0]).toMatchObject({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(old?.[1]).toMatchObject({
      choices: [{ message: { role: 'assistant', content: 'Hi! How can I help?' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5 },
    });
  });

  it('redacts what a trace carries, like every import (through capture)', async () => {
    const secretKey = 'sk-proj-Zx81sQmP4vLw0aT7nRk2Yb9c';
    const leaky = span('6666666666666666', [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.request.model', 'gpt-4o-mini'),
      str(
        'gen_ai.input.messages',
        JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: `I am jane.doe@example.com, my key is ${secretKey}` }] }]),
      ),
      str(
        'gen_ai.output.messages',
        JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'Thanks jane.doe@example.com' }] }]),
      ),
    ]);
    const { store } = await tempStore();
    expect(await importExchanges(store, file('leaky.json', request([leaky])), { redactionKey: 'k'.repeat(32) })).toMatchObject({
      format: 'otlp',
      imported: 1,
    });
    const [stored] = (await store.exchanges.list({}, { limit: 1 })).items;
    const text = new TextDecoder().decode(stored?.requestBody.bytes) + new TextDecoder().decode(stored?.responseBody.bytes);
    expect(text).not.toContain('jane.doe@example.com');
    expect(text).not.toContain(secretKey);
    expect(text).toMatch(/\[redacted:email:[0-9a-f]+\]/);
  });

  it('names the malformed span, and keeps nothing', async () => {
    const good = span('1111111111111111', [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.prompt.0.role', 'user'),
      str('gen_ai.prompt.0.content', 'hi'),
    ]);
    const cases: [unknown, RegExp][] = [
      [
        request([good, { ...good, spanId: '2222222222222222', startTimeUnixNano: 'yesterday' }]),
        /^span 2 \(id 2222222222222222\): startTimeUnixNano: /,
      ],
      [
        request([span('3333333333333333', [str('gen_ai.operation.name', 'chat'), str('gen_ai.input.messages', '[{"role":')])]),
        /^span 1 \(id 3333333333333333\): gen_ai.input.messages: not JSON$/,
      ],
      [
        request([good, span('4444444444444444', [str('openinference.span.kind', 'LLM'), str('llm.model_name', 'x')])]),
        /^span 2 \(id 4444444444444444\): no input messages/,
      ],
      [request([{ ...good, endTimeUnixNano: '1' }]), /^span 1 \(id 1111111111111111\): endTimeUnixNano is before startTimeUnixNano$/],
      [{ resourceSpans: 'none' }, /^file: not an OTLP trace export \(resourceSpans: /],
      ['{"resourceSpans": [', /^file: not JSON/],
    ];
    for (const [content, message] of cases) {
      const { store } = await tempStore();
      await expect(importExchanges(store, file('bad.json', content), { format: 'otlp' })).rejects.toThrow(message);
      expect(await store.exchanges.count()).toBe(0);
    }
    // With --skip-invalid the good spans go in and the bad one is listed.
    const { store } = await tempStore();
    const skipped = await importExchanges(
      store,
      file('some.json', request([good, { ...good, spanId: '5555555555555555', startTimeUnixNano: 'x' }])),
      {
        format: 'otlp',
        skipInvalid: true,
      },
    );
    expect(skipped).toMatchObject({ imported: 1, skipped: 1, problems: [{ where: 'span 2 (id 5555555555555555)' }] });
  });
});
