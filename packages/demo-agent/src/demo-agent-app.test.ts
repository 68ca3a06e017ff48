import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { seededRandom } from '@understudy/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { createDemoAgentApp } from './demo-agent-app.js';
import { demoToolDefinitions } from './demo-tool-definitions.js';

const tools = demoToolDefinitions;

/** A non-streamed reply, typed by the official SDK: the demo agent must speak its shapes. */
async function completion(res: Response): Promise<ChatCompletion> {
  return (await res.json()) as ChatCompletion;
}

function firstChoice(c: ChatCompletion): ChatCompletion.Choice {
  const choice = c.choices[0];
  if (choice === undefined) throw new Error('the completion has no choices');
  return choice;
}

function toolCall(c: ChatCompletion): { name: string; arguments: string } | undefined {
  const call = firstChoice(c).message.tool_calls?.[0];
  return call?.type === 'function' ? call.function : undefined;
}

function chat(app: ReturnType<typeof createDemoAgentApp>, body: Record<string, unknown>) {
  return app.request('/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The `data:` payloads of an SSE body, in order. */
function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((f) => f.trim() !== '')
    .map(
      (f) =>
        f
          .split('\n')
          .find((l) => l.startsWith('data: '))
          ?.slice(6) ?? '',
    );
}

describe('chat completions', () => {
  it('answers a question in text with an OpenAI-shaped completion', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(1) });
    const res = await chat(app, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'How long does shipping take?' }] });
    expect(res.status).toBe(200);
    const body = await completion(res);
    expect(body).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', system_fingerprint: 'fp_demo_good' });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(firstChoice(body).finish_reason).toBe('stop');
    expect(firstChoice(body).message.content).toMatch(/3.{1,4}5 business days/);
    expect(body.usage?.total_tokens).toBe((body.usage?.prompt_tokens ?? 0) + (body.usage?.completion_tokens ?? 0));
  });

  it('varies wording across calls but is reproducible from the seed', async () => {
    const ask = async (seed: number) => {
      const app = createDemoAgentApp({ variant: 'good', random: seededRandom(seed) });
      const texts: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await chat(app, { messages: [{ role: 'user', content: 'What is your return policy?' }] });
        texts.push(firstChoice(await completion(res)).message.content ?? '');
      }
      return texts;
    };
    const a = await ask(7);
    expect(await ask(7)).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
    // Paraphrases keep the meaning: every answer states the 30-day window.
    expect(a.every((t) => /30 days/.test(t))).toBe(true);
  });

  it('calls refund_order with the order id and amount from the message', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(2) });
    const res = await chat(app, {
      messages: [{ role: 'user', content: 'Please refund $42.50 for order #A-10423, it arrived broken' }],
      tools,
    });
    const body = await completion(res);
    expect(firstChoice(body).finish_reason).toBe('tool_calls');
    const call = toolCall(body);
    expect(call?.name).toBe('refund_order');
    expect(JSON.parse(call?.arguments ?? '')).toEqual({ order_id: 'A-10423', amount: 42.5 });
  });

  it('looks the order up when no amount is given, and summarizes a tool result', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(3) });
    const first = await completion(await chat(app, { messages: [{ role: 'user', content: 'Where is my order 55512?' }], tools }));
    expect(toolCall(first)).toEqual({ name: 'get_order', arguments: '{"order_id":"55512"}' });
    const second = await completion(
      await chat(app, {
        messages: [
          { role: 'user', content: 'Where is my order 55512?' },
          firstChoice(first).message,
          { role: 'tool', tool_call_id: 'x', content: '{"order_id":"55512","status":"shipped"}' },
        ],
        tools,
      }),
    );
    expect(firstChoice(second).message.content).toMatch(/55512.*shipped/);
  });

  it('streams text as chunks, then usage, then [DONE]', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(4) });
    const res = await chat(app, { stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = sseData(await res.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text).toMatch(/^(Hi|Hello)/);
  });

  it('streams tool-call arguments as fragments by index', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(5) });
    const res = await chat(app, { stream: true, messages: [{ role: 'user', content: 'refund 19.99 dollars on order 777001' }], tools });
    const chunks = sseData(await res.text())
      .slice(0, -1)
      .map((d) => JSON.parse(d));
    const parts = chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(parts[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'refund_order', arguments: '' } });
    expect(parts.length).toBeGreaterThan(2);
    expect(JSON.parse(parts.map((p: { function: { arguments: string } }) => p.function.arguments).join(''))).toEqual({
      order_id: '777001',
      amount: 19.99,
    });
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
  });

  it('rejects a body that is not a JSON object', async () => {
    const app = createDemoAgentApp({ variant: 'good' });
    const res = await app.request('/v1/chat/completions', { method: 'POST', body: 'nope' });
    expect(res.status).toBe(400);
  });
});

describe('Anthropic messages', () => {
  const anthropicTools = [{ name: 'refund_order', input_schema: { type: 'object' } }];

  it('returns tool_use blocks with parsed input', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(6) });
    const res = await app.request('/v1/messages', {
      method: 'POST',
      body: JSON.stringify({
        model: 'claude-x',
        max_tokens: 100,
        tools: anthropicTools,
        messages: [{ role: 'user', content: 'Refund $10 on order #B-2001' }],
      }),
    });
    const body = (await res.json()) as Message;
    expect(body).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-x', stop_reason: 'tool_use' });
    expect(body.content[0]).toMatchObject({ type: 'tool_use', name: 'refund_order', input: { order_id: 'B-2001', amount: 10 } });
    expect(body.usage.output_tokens).toBeGreaterThan(0);
  });

  it('streams the event sequence with text and input_json deltas', async () => {
    const app = createDemoAgentApp({ variant: 'good', random: seededRandom(6) });
    const stream = async (content: string) => {
      const res = await app.request('/v1/messages', {
        method: 'POST',
        body: JSON.stringify({ stream: true, tools: anthropicTools, messages: [{ role: 'user', content }] }),
      });
      return sseData(await res.text()).map((d) => JSON.parse(d));
    };
    const text = await stream('Do you take PayPal?');
    expect(text.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      ...text.filter((e) => e.type === 'content_block_delta').map(() => 'content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(
      text
        .filter((e) => e.type === 'content_block_delta')
        .map((e) => e.delta.text)
        .join(''),
    ).toMatch(/PayPal/);
    const tool = await stream('Refund $10 on order #B-2001');
    const json = tool.filter((e) => e.delta?.type === 'input_json_delta').map((e) => e.delta.partial_json);
    expect(JSON.parse(json.join(''))).toEqual({ order_id: 'B-2001', amount: 10 });
    expect(tool.find((e) => e.type === 'message_delta').delta.stop_reason).toBe('tool_use');
  });
});

describe('the regressed variant', () => {
  it('is measurably worse: 500s, wrong refunds, and more tokens', async () => {
    const run = async (variant: 'good' | 'regressed') => {
      const app = createDemoAgentApp({ variant, random: seededRandom(11) });
      let errors = 0;
      let wrong = 0;
      let tokens = 0;
      for (let i = 0; i < 200; i++) {
        const res = await chat(app, { messages: [{ role: 'user', content: `Please refund $25 for order #${10000 + i}` }], tools });
        if (res.status === 500) {
          errors++;
          continue;
        }
        const body = await completion(res);
        tokens += body.usage?.completion_tokens ?? 0;
        const call = toolCall(body);
        const args = call === undefined ? {} : JSON.parse(call.arguments);
        if (call?.name !== 'refund_order' || args.order_id !== String(10000 + i) || args.amount !== 25) wrong++;
      }
      return { errors, wrong, tokens };
    };
    const good = await run('good');
    const bad = await run('regressed');
    expect(good).toMatchObject({ errors: 0, wrong: 0 });
    expect(bad.errors).toBeGreaterThan(5);
    expect(bad.wrong).toBeGreaterThan(30);
    const textTokens = async (variant: 'good' | 'regressed') => {
      const app = createDemoAgentApp({ variant, random: seededRandom(1) });
      const res = await chat(app, { messages: [{ role: 'user', content: 'How long does shipping take?' }] });
      return res.status === 200 ? ((await completion(res)).usage?.completion_tokens ?? 0) : 0;
    };
    expect(await textTokens('regressed')).toBeGreaterThan(await textTokens('good'));
  });
});
