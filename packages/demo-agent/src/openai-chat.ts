import type { AgentContext } from './agent-context.js';
import { fromChatRequest } from './conversation.js';
import { randomId } from './random-id.js';
import { type SseFrame, sseResponse } from './sse-response.js';
import { type AgentTurn, respond, type ToolCall, variantTraits } from './support-agent.js';
import { estimateTokens, jsonFragments, streamPieces } from './tokens.js';

type Json = Record<string, unknown>;

/** Answers `POST /v1/chat/completions` in OpenAI's shape, streamed or not. */
export function chatCompletion(body: Json, ctx: AgentContext, planned?: AgentTurn): Response {
  const conversation = fromChatRequest(body);
  const turn = planned ?? respond(conversation, ctx.variant, ctx.random);
  if (turn.kind === 'failure') {
    return Response.json({ error: { message: turn.message, type: 'server_error', param: null, code: null } }, { status: 500 });
  }
  const model = typeof body.model === 'string' ? body.model : 'demo-support-1';
  const common = {
    id: randomId(ctx.random, 'chatcmpl-'),
    created: Math.floor(ctx.clock.now() / 1000),
    model,
    system_fingerprint: variantTraits(ctx.variant).regressed ? 'fp_demo_rgrs' : 'fp_demo_good',
  };
  const calls = turn.kind === 'tool_calls' ? turn.calls.map((call) => ({ id: randomId(ctx.random, 'call_'), call })) : [];
  const completionText = turn.kind === 'text' ? turn.text : calls.map((c) => c.call.name + JSON.stringify(c.call.arguments)).join('');
  const usage = {
    prompt_tokens: estimateTokens(conversation.promptText),
    completion_tokens: estimateTokens(completionText),
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const finishReason = turn.kind === 'tool_calls' ? 'tool_calls' : 'stop';

  if (body.stream !== true) {
    return Response.json({
      ...common,
      object: 'chat.completion',
      choices: [{ index: 0, message: messageOf(turn, calls), logprobs: null, finish_reason: finishReason }],
      usage,
    });
  }
  const streamOptions = body.stream_options;
  const includeUsage = typeof streamOptions === 'object' && streamOptions !== null && (streamOptions as Json).include_usage === true;
  const chunk = (choices: unknown[], extra: Json = {}): SseFrame => ({
    data: JSON.stringify({ ...common, object: 'chat.completion.chunk', choices, ...extra }),
  });
  const delta = (d: Json, finish: string | null = null) => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);
  const frames: SseFrame[] = [delta(turn.kind === 'text' ? { role: 'assistant', content: '' } : { role: 'assistant', content: null })];
  if (turn.kind === 'text') {
    for (const piece of streamPieces(turn.text)) frames.push(delta({ content: piece }));
  } else {
    calls.forEach(({ id, call }, index) => {
      frames.push(delta({ tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      for (const fragment of jsonFragments(JSON.stringify(call.arguments))) {
        frames.push(delta({ tool_calls: [{ index, function: { arguments: fragment } }] }));
      }
    });
  }
  frames.push(delta({}, finishReason));
  if (includeUsage) frames.push(chunk([], { usage }));
  frames.push({ data: '[DONE]' });
  return sseResponse(frames, { clock: ctx.clock, gapMs: ctx.chunkGapMs });
}

function messageOf(turn: AgentTurn, calls: readonly { id: string; call: ToolCall }[]): Json {
  if (turn.kind === 'text') return { role: 'assistant', content: turn.text, refusal: null };
  return {
    role: 'assistant',
    content: null,
    refusal: null,
    tool_calls: calls.map(({ id, call }) => ({
      id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    })),
  };
}
