import { type Clock, type Random, systemClock, systemRandom } from '@understudy/core';
import { Hono } from 'hono';
import type { AgentContext } from './agent-context.js';
import { anthropicMessages } from './anthropic-messages.js';
import { type Conversation, fromChatRequest, fromMessagesRequest } from './conversation.js';
import { chatCompletion } from './openai-chat.js';
import { requestRandoms } from './request-randoms.js';
import { type AgentTurn, respond, type Variant, variantTraits } from './support-agent.js';
import { runToolCalls, type ToolsOptions } from './tool-runner.js';

export interface DemoAgentOptions {
  readonly variant: Variant;
  /** Source of the agent's "temperature"; seed it for reproducible replies. */
  readonly random?: Random;
  /**
   * Reproducible replies under concurrency: each request draws from a stream of its own, derived
   * from this seed, the request and its repeat count (see `requestRandoms`); `random` is then unused.
   */
  readonly seed?: number;
  readonly clock?: Clock;
  /** Think time before answering; 0 (the default) answers at once. The regressed variant is slower. */
  readonly latencyMs?: number;
  /**
   * When set, the agent runs its tools itself (through the egress proxy, say) and answers with
   * the outcome, instead of handing the tool calls back to the client.
   */
  readonly tools?: ToolsOptions;
}

// The regressed agent is slower: it thinks longer before answering.
const regressedSlowdown = 3;

/**
 * An OpenAI- and Anthropic-compatible support agent for an online shop: the embedded default
 * upstream of `understudy start`, and a real upstream for tests and the demo scenario.
 */
export function createDemoAgentApp(options: DemoAgentOptions): Hono {
  const clock = options.clock ?? systemClock;
  const latencyMs = (options.latencyMs ?? 0) * (variantTraits(options.variant).regressed ? regressedSlowdown : 1);
  const ctx: AgentContext = {
    variant: options.variant,
    random: options.random ?? systemRandom,
    clock,
    chunkGapMs: latencyMs > 0 ? Math.max(1, Math.round(latencyMs / 20)) : 0,
  };
  const perRequest = options.seed === undefined ? undefined : requestRandoms(options.seed);
  /**
   * The context for one request: its own stream of draws when the agent is seeded, keyed by what
   * the request says and how it came (live, a shadow copy, a replay: each counts its repeats
   * apart, so live shadows arriving during a replay never shift which draws the replay gets).
   */
  const contextFor = (body: Record<string, unknown>, headers: Headers): AgentContext => {
    if (perRequest === undefined) return ctx;
    const how = headers.has('x-understudy-replay') ? 'replay' : headers.has('x-understudy-shadow') ? 'shadow' : 'live';
    return { ...ctx, random: perRequest(`${how}\n${headers.get('x-session-id') ?? ''}\n${JSON.stringify(body)}`) };
  };
  const think = (): Promise<void> => (latencyMs > 0 ? new Promise((resolve) => clock.setTimeout(resolve, latencyMs)) : Promise.resolve());

  /** With tools configured: plan, run the tool calls, then answer from their result. */
  const withTools = async (conversation: Conversation, headers: Headers, c: AgentContext): Promise<AgentTurn | undefined> => {
    if (options.tools === undefined) return undefined;
    const turn = respond(conversation, c.variant, c.random);
    if (turn.kind !== 'tool_calls') return turn;
    const result = await runToolCalls(turn.calls, options.tools, headers);
    return respond({ ...conversation, toolResult: result }, c.variant, c.random);
  };

  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, variant: options.variant }));
  app.post('/v1/chat/completions', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (body === undefined)
      return c.json({ error: { message: 'the body must be a JSON object', type: 'invalid_request_error', param: null, code: null } }, 400);
    const request = contextFor(body, c.req.raw.headers);
    await think();
    return chatCompletion(body, request, await withTools(fromChatRequest(body), c.req.raw.headers, request));
  });
  app.post('/v1/messages', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (body === undefined)
      return c.json({ type: 'error', error: { type: 'invalid_request_error', message: 'the body must be a JSON object' } }, 400);
    const request = contextFor(body, c.req.raw.headers);
    await think();
    return anthropicMessages(body, request, await withTools(fromMessagesRequest(body), c.req.raw.headers, request));
  });
  app.notFound((c) => c.json({ error: { message: `no route for ${c.req.method} ${c.req.path}`, type: 'invalid_request_error' } }, 404));
  return app;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await request.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
