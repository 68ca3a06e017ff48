import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { seededRandom } from '@understudy/core';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAgentApp } from './demo-agent-app.js';

describe('the demo agent under the real OpenAI SDK', () => {
  let server: ReturnType<typeof serve>;
  let client: OpenAI;

  beforeAll(async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(9) });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-test', maxRetries: 0, timeout: 5_000 });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('parses a non-streamed tool call', async () => {
    const completion = await client.chat.completions.create({
      model: 'demo',
      messages: [{ role: 'user', content: 'I want a refund of $12 for order #90001' }],
      tools: [{ type: 'function', function: { name: 'refund_order', parameters: { type: 'object' } } }],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' ? JSON.parse(call.function.arguments) : undefined).toEqual({ order_id: '90001', amount: 12 });
  });

  it('reassembles a streamed answer with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'demo',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'How long does delivery take?' }],
    });
    let text = '';
    let completionTokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    }
    expect(text).toMatch(/business days/);
    expect(completionTokens).toBeGreaterThan(0);
  });
});
