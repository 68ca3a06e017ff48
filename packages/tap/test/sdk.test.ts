import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

let upstream: LlmUpstream;
let h: TapHarness;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  upstream = await startLlmUpstream();
  h = await startTap(upstream.url);
  openai = new OpenAI({ apiKey: 'sk-test-openai-0000000000000000', baseURL: `${h.url}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: 'sk-ant-test-0000000000000000', baseURL: h.url, maxRetries: 0 });
});

afterAll(async () => {
  await h.close();
  await upstream.close();
});

async function captured(path: string) {
  await h.tap.flush();
  const ex = (await h.store.exchanges.list({ path })).items[0];
  if (ex === undefined) throw new Error(`nothing captured for ${path}`);
  return ex;
}

describe('SSE', () => {
  it('delivers the first event before the upstream has sent the last', async () => {
    const res = await request(`${h.url}/sse/gated`);
    expect(res.headers['content-type']).toBe('text/event-stream');
    const received: string[] = [];
    for await (const chunk of res.body) {
      received.push(Buffer.from(chunk as Buffer).toString('utf8'));
      // The upstream only sends event 2 once we hold event 1: chunks were not held back.
      if (received.join('').includes('data: one')) upstream.releaseGate();
    }
    expect(received.join('')).toBe('id: 1\nevent: first\ndata: one\n\nid: 2\ndata: two\ndata: lines\n\n');
    const ex = await captured('/sse/gated');
    expect(ex.streamed).toBe(true);
    expect(ex.sseEvents).toHaveLength(2);
    expect(ex.sseEvents?.[0]).toMatchObject({ id: '1', event: 'first', data: 'one' });
    expect(ex.sseEvents?.[1]).toMatchObject({ id: '2', data: 'two\nlines' });
    const [first, second] = ex.sseEvents ?? [];
    expect(first?.at).toBeGreaterThanOrEqual(0);
    expect(second?.at).toBeGreaterThanOrEqual(first?.at ?? 0);
  });
});

describe('OpenAI client through the tap', () => {
  it('chat completions, not streamed: usage and cost captured', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toContain('Hello from the shadow');
    const ex = await captured('/v1/chat/completions');
    expect(ex.status).toBe(200);
    expect(ex.streamed).toBe(false);
    expect(ex.usage.inputTokens).toBe(21);
    expect(ex.usage.outputTokens).toBe(13);
    // gpt-4o-mini: $0.15 / $0.60 per million tokens (dated snapshot matched by prefix).
    expect(ex.usage.costUsd).toBeCloseTo((21 * 0.15 + 13 * 0.6) / 1e6, 12);
    expect(ex.requestHeaders.authorization).toMatch(/^\[redacted:authorization:[0-9a-f]{12}\]$/);
    expect(JSON.parse(Buffer.from(ex.requestBody.bytes).toString())).toMatchObject({ model: 'gpt-4o-mini' });
  });

  it('chat completions, streamed with include_usage: SSE events and the final usage chunk', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello from the shadow. The tap records every word of this answer.');
    const ex = await captured('/v1/chat/completions');
    expect(ex.streamed).toBe(true);
    expect(ex.sseEvents?.at(-1)?.data).toBe('[DONE]');
    expect(ex.sseEvents?.length).toBe(text.split(' ').length + 3);
    expect(ex.usage).toMatchObject({ inputTokens: 21, outputTokens: text.split(' ').length });
    expect(ex.usage.costUsd).not.toBeNull();
  });
});

describe('Anthropic client through the tap', () => {
  it('messages, not streamed: usage captured', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(message.content[0]?.type).toBe('text');
    const ex = await captured('/v1/messages');
    expect(ex.usage.inputTokens).toBe(30);
    expect(ex.usage.outputTokens).toBe(14);
    expect(ex.usage.costUsd).toBeCloseTo((30 * 0.8 + 14 * 4) / 1e6, 12);
    // This SDK sends the key as a bearer token; either way it never reaches the store.
    expect(JSON.stringify(ex.requestHeaders)).not.toContain('sk-ant-test');
    expect(JSON.stringify(ex.requestHeaders)).toMatch(/\[redacted:(authorization|x-api-key):[0-9a-f]{12}\]/);
  });

  it('messages, streamed: message_start input tokens and message_delta output tokens', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const final = await stream.finalMessage();
    expect(final.usage.output_tokens).toBe(14);
    const ex = await captured('/v1/messages');
    expect(ex.streamed).toBe(true);
    expect(ex.sseEvents?.[0]?.event).toBe('message_start');
    expect(ex.sseEvents?.at(-1)?.event).toBe('message_stop');
    expect(ex.usage).toMatchObject({ inputTokens: 30, outputTokens: 14 });
  });

  it('leaves cost null for a model missing from the price table', async () => {
    await anthropic.messages.create({ model: 'house-model-1', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] });
    const ex = await captured('/v1/messages');
    expect(ex.usage.inputTokens).toBe(30);
    expect(ex.usage.costUsd).toBeNull();
  });
});
