import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exchange, ManualClock, seededRandom } from '@understudy/core';
import { openStore, type Store, storeDatabase, type ToolCallRecord } from '@understudy/store';
import { testExchange } from '@understudy/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOtelExporter } from '../src/otel-exporter.js';
import { spanIds } from '../src/span-ids.js';
import { createSpanPipeline, type SpanPipeline } from '../src/span-pipeline.js';
import { attrs, type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './otlp-receiver.js';

const t0 = 1_780_000_000_000;
const body = (value: unknown) => {
  const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  return { bytes, size: bytes.length, truncated: false };
};
let n = 0;
function exchange(o: Partial<Exchange>): Exchange {
  n++;
  return testExchange(`01X${String(n).padStart(23, '0')}`, { startedAt: t0, ttfbMs: 20, durationMs: 120, ...o });
}

// As stored by the tap: the customer's email was redacted by the capture path before it was written.
const live = exchange({
  requestBody: body({
    model: 'gpt-4o-mini',
    temperature: 0.2,
    messages: [
      { role: 'system', content: 'You are the shop assistant.' },
      { role: 'user', content: 'Refund order 42 for [redacted:email:b28074e7f4d0]' },
    ],
  }),
  responseBody: body({
    id: 'chatcmpl-1',
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'refund_order', arguments: '{"order_id":"42"}' } }],
        },
      },
    ],
  }),
  usage: { inputTokens: 50, outputTokens: 12, costUsd: 0.0001 },
});
const shadow = exchange({
  role: 'shadow',
  version: 'candidate',
  parentId: live.id,
  startedAt: t0 + 200,
  streamed: true,
  requestBody: body({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Refund order 42' }] }),
  sseEvents: [
    { at: 35, data: '{"id":"chatcmpl-2","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"Sorry, "}}]}' },
    { at: 60, data: '{"id":"chatcmpl-2","choices":[{"index":0,"delta":{"content":"I cannot."},"finish_reason":"stop"}]}' },
    { at: 61, data: '[DONE]' },
  ],
});
const failed = exchange({ status: 503, error: { code: 'upstream_error', message: 'the agent answered 503' }, startedAt: t0 + 400 });
const toolCall: ToolCallRecord = {
  id: 'TC1',
  exchangeId: live.id,
  attemptId: null,
  role: 'live',
  seq: 0,
  startedAt: t0 + 30,
  destination: 'orders',
  policy: 'record',
  method: 'POST',
  path: '/refunds',
  bodyKey: 'k',
  requestHeaders: {},
  requestBody: new Uint8Array(0),
  requestSize: 0,
  status: 200,
  responseHeaders: {},
  responseBody: new Uint8Array(0),
  responseSize: 0,
  responseTruncated: false,
  outcome: 'forwarded',
  match: 'recorded',
  matchedId: null,
  ttfbMs: 5,
  durationMs: 40,
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  error: null,
};

/** Waits (bounded) until the exporter has answered for every queued span: its callback follows its own timeout. */
async function settled(p: SpanPipeline): Promise<void> {
  for (let i = 0; i < 250 && p.stats().pending > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('OpenTelemetry export to a real OTLP/HTTP receiver', () => {
  let store: Store;
  let receiver: OtlpReceiver;
  let pipeline: SpanPipeline | undefined;
  const clock = new ManualClock(t0 + 10_000);
  const pipe = (o: { queueSize?: number; exportTimeoutMs?: number; url?: string } = {}) => {
    pipeline = createSpanPipeline({
      url: o.url ?? receiver.url,
      headers: { 'x-collector-key': 'k-123' },
      serviceName: 'understudy-test',
      queueSize: o.queueSize ?? 100,
      batchSize: 50,
      exportTimeoutMs: o.exportTimeoutMs ?? 5_000,
      scheduledDelayMs: 60_000,
      random: seededRandom(3),
    });
    return pipeline;
  };

  beforeEach(async () => {
    store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-otel-')), 'x.db') });
    receiver = await startOtlpReceiver();
    await store.exchanges.insertMany([live, shadow, failed]);
    await store.toolCalls.insertMany([toolCall]);
    await store.shadowComparisons.insertMany([
      {
        exchangeId: shadow.id,
        parentId: live.id,
        endpoint: 'POST /v1/chat/completions',
        verdict: 'regression',
        score: 0.54,
        scoreOverNoise: 0.54,
        report: {
          categories: [
            { name: 'tool_call', weight: 0.9, score: 0.6, regression: true, reason: 'refund_order was not called', differences: [] },
          ],
        },
        createdAt: t0 + 1_000,
      },
    ]);
  });
  afterEach(async () => {
    await pipeline?.shutdown();
    pipeline = undefined;
    await receiver.close();
    await store.close();
  });

  const byName = (name: string): ReceivedSpan => {
    const span = receiver.spans.find((s) => s.name === name);
    if (span === undefined) throw new Error(`no span "${name}" among ${receiver.spans.map((s) => s.name).join(', ')}`);
    return span;
  };

  it('exports exchanges as GenAI spans, tool calls as execute_tool children, shadows linked to their parent, comparisons as evaluation events', async () => {
    const p = pipe();
    const exporter = createOtelExporter({ store, pipeline: p, clock, captureContent: false, pollMs: 1_000, since: t0 - 1_000 });
    await storeDatabase(store)
      .insertInto('canary_events')
      .values({
        canary_id: 'C1',
        seq: 1,
        at: t0 + 2_000,
        type: 'rolled_back',
        actor: 'controller',
        data: '{"gate":"divergence","outcome":"fail","rate":0.31}',
        prev_hash: 'p',
        hash: 'h1',
      })
      .execute();
    expect(await exporter.tick()).toBe(5); // three exchanges, one comparison, one canary event
    expect(await exporter.tick()).toBe(0); // nothing twice
    await p.flush();

    expect(receiver.requests[0]).toMatchObject({ contentType: 'application/x-protobuf', serviceName: 'understudy-test' });
    expect(receiver.requests[0]?.headers['x-collector-key']).toBe('k-123');

    const chat = byName('chat gpt-4o-mini');
    expect(chat.traceId).toBe(spanIds.exchangeTrace(live.id));
    expect(chat.kind).toBe(3); // CLIENT
    expect(attrs(chat.attributes)).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.stream': false,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'gen_ai.usage.input_tokens': 50,
      'gen_ai.usage.output_tokens': 12,
      'understudy.cost_usd': 0.0001,
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'url.path': '/v1/chat/completions',
      'understudy.exchange.id': live.id,
      'understudy.version': 'stable',
      'understudy.role': 'live',
      'understudy.ttfb_ms': 20,
    });
    expect(BigInt(chat.endTimeUnixNano) - BigInt(chat.startTimeUnixNano)).toBe(120_000_000n);
    expect(chat.startTimeUnixNano).toBe(String(BigInt(t0) * 1_000_000n));

    const tool = byName('execute_tool orders');
    expect(tool.traceId).toBe(chat.traceId);
    expect(tool.parentSpanId).toBe(chat.spanId);
    expect(attrs(tool.attributes)).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'orders',
      'http.request.method': 'POST',
      'url.path': '/refunds',
      'understudy.tool_call.outcome': 'forwarded',
    });

    const streamed = receiver.spans.find((s) => attrs(s.attributes)['understudy.role'] === 'shadow');
    expect(attrs(streamed?.attributes)).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.response.time_to_first_chunk': 0.035,
      'understudy.parent_exchange.id': live.id,
    });
    expect(streamed?.links?.map((l) => [l.traceId, l.spanId])).toEqual([[chat.traceId, chat.spanId]]);

    const evaluation = byName('evaluate understudy.divergence');
    expect(evaluation.traceId).toBe(streamed?.traceId);
    expect(evaluation.parentSpanId).toBe(streamed?.spanId);
    expect(evaluation.events?.map((e) => [e.name, attrs(e.attributes)])).toEqual([
      [
        'gen_ai.evaluation.result',
        {
          'gen_ai.evaluation.name': 'understudy.divergence',
          'gen_ai.evaluation.score.value': 0.54,
          'gen_ai.evaluation.score.label': 'regression',
          'gen_ai.evaluation.explanation': 'tool_call: refund_order was not called',
        },
      ],
    ]);

    const error = receiver.spans.find((s) => attrs(s.attributes)['understudy.exchange.id'] === failed.id);
    expect(attrs(error?.attributes)['error.type']).toBe('upstream_error');
    expect(error?.status).toMatchObject({ code: 2, message: 'the agent answered 503' });

    const canary = byName('canary rolled_back');
    expect(canary.traceId).toBe(spanIds.canaryTrace('C1'));
    expect(canary.events?.[0]?.name).toBe('understudy.canary.transition');
    expect(attrs(canary.events?.[0]?.attributes)['understudy.canary.evidence']).toBe('{"gate":"divergence","outcome":"fail","rate":0.31}');
    // No content unless asked for.
    expect(receiver.spans.some((s) => 'gen_ai.input.messages' in attrs(s.attributes))).toBe(false);
    expect(exporter.stats()).toMatchObject({ exported: 6, dropped: 0, pending: 0, records: 5 }); // 3 exchanges, a tool call, an evaluation, a canary event
  });

  it('puts message content on spans only when configured, from the stored (redacted) bodies', async () => {
    const p = pipe();
    const exporter = createOtelExporter({ store, pipeline: p, clock, captureContent: true, pollMs: 1_000, since: t0 - 1_000 });
    await exporter.tick();
    await p.flush();
    const chat = attrs(byName('chat gpt-4o-mini').attributes);
    expect(JSON.parse(String(chat['gen_ai.input.messages']))).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'You are the shop assistant.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Refund order 42 for [redacted:email:b28074e7f4d0]' }] },
    ]);
    expect(JSON.parse(String(chat['gen_ai.output.messages']))).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'refund_order', arguments: '{"order_id":"42"}' }],
        finish_reason: 'tool_calls',
      },
    ]);
    const streamed = receiver.spans.find((s) => attrs(s.attributes)['understudy.role'] === 'shadow');
    expect(JSON.parse(String(attrs(streamed?.attributes)['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Sorry, I cannot.' }], finish_reason: 'stop' },
    ]);
  });

  it('waits for an exchange to settle so its tool calls are stored, then exports it once', async () => {
    const p = pipe();
    const early = new ManualClock(t0 + 1_000); // the live exchange ended at t0 + 120: not settled for 2 s yet
    const exporter = createOtelExporter({ store, pipeline: p, clock: early, captureContent: false, pollMs: 1_000, since: t0 - 1_000 });
    expect(await exporter.tick()).toBe(1); // only the comparison
    early.advance(5_000);
    expect(await exporter.tick()).toBe(3);
    await p.flush();
    expect(receiver.spans.filter((s) => s.name === 'execute_tool orders')).toHaveLength(1);
  });

  it("exports from its start on, not the store's history", async () => {
    const p = pipe();
    const exporter = createOtelExporter({ store, pipeline: p, clock, captureContent: false, pollMs: 1_000, since: t0 + 300 });
    expect(await exporter.tick()).toBe(2); // the failed exchange (t0 + 400) and the comparison made at t0 + 1 000
    await p.flush();
    expect(receiver.spans.map((s) => attrs(s.attributes)['understudy.exchange.id']).sort()).toEqual([failed.id, shadow.id].sort());
  });

  it('a slow collector costs dropped spans, counted, never an unbounded queue', async () => {
    receiver.hold();
    const p = pipe({ queueSize: 2, exportTimeoutMs: 300 });
    const exporter = createOtelExporter({ store, pipeline: p, clock, captureContent: false, pollMs: 1_000, since: t0 - 1_000 });
    await store.exchanges.insertMany(Array.from({ length: 20 }, (_, i) => exchange({ startedAt: t0 + 500 + i })));
    expect(await exporter.tick()).toBe(24);
    // 25 spans ended (23 exchanges + a tool call + an evaluation): 2 queued, 23 refused at once.
    expect(p.stats()).toEqual({ exported: 0, dropped: 23, pending: 2 });
    await p.flush(); // the held export times out
    await settled(p);
    expect(p.stats()).toEqual({ exported: 0, dropped: 25, pending: 0 });
    receiver.resume();
    await store.exchanges.insertMany([exchange({ startedAt: t0 + 900 })]);
    expect(await exporter.tick()).toBe(1);
    await p.flush();
    expect(p.stats()).toMatchObject({ exported: 1, dropped: 25, pending: 0 });
    expect(receiver.spans).toHaveLength(1);
  });

  it('a collector that is down: failed exports are counted as dropped', async () => {
    const down = await startOtlpReceiver();
    const url = down.url;
    await down.close();
    const p = pipe({ url, exportTimeoutMs: 2_000 });
    const exporter = createOtelExporter({ store, pipeline: p, clock, captureContent: false, pollMs: 1_000, since: t0 - 1_000 });
    expect(await exporter.tick()).toBe(4);
    await p.flush();
    await settled(p);
    expect(p.stats()).toEqual({ exported: 0, dropped: 5, pending: 0 });
  });
});
