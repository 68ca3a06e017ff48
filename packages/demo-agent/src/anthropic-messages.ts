import type { AgentContext } from './agent-context.js';
import { fromMessagesRequest } from './conversation.js';
import { randomId } from './random-id.js';
import { type SseFrame, sseResponse } from './sse-response.js';
import { type AgentTurn, respond } from './support-agent.js';
import { estimateTokens, jsonFragments, streamPieces } from './tokens.js';

type Json = Record<string, unknown>;

/** Answers `POST /v1/messages` in Anthropic's shape, streamed or not. */
export function anthropicMessages(body: Json, ctx: AgentContext, planned?: AgentTurn): Response {
  const conversation = fromMessagesRequest(body);
  const turn = planned ?? respond(conversation, ctx.variant, ctx.random);
  if (turn.kind === 'failure') {
    return Response.json({ type: 'error', error: { type: 'api_error', message: turn.message } }, { status: 500 });
  }
  const model = typeof body.model === 'string' ? body.model : 'demo-support-1';
  const blocks: Json[] =
    turn.kind === 'text'
      ? [{ type: 'text', text: turn.text }]
      : turn.calls.map((call) => ({ type: 'tool_use', id: randomId(ctx.random, 'toolu_'), name: call.name, input: call.arguments }));
  const outputText = turn.kind === 'text' ? turn.text : JSON.stringify(blocks);
  const usage = { input_tokens: estimateTokens(conversation.promptText), output_tokens: estimateTokens(outputText) };
  const stopReason = turn.kind === 'tool_calls' ? 'tool_use' : 'end_turn';
  const message = { id: randomId(ctx.random, 'msg_'), type: 'message', role: 'assistant', model };

  if (body.stream !== true) {
    return Response.json({ ...message, content: blocks, stop_reason: stopReason, stop_sequence: null, usage });
  }
  const frame = (event: string, data: Json): SseFrame => ({ event, data: JSON.stringify({ type: event, ...data }) });
  const frames: SseFrame[] = [
    frame('message_start', {
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
      },
    }),
  ];
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      frames.push(frame('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      for (const text of streamPieces(String(block.text)))
        frames.push(frame('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    } else {
      frames.push(frame('content_block_start', { index, content_block: { ...block, input: {} } }));
      for (const partial_json of jsonFragments(JSON.stringify(block.input))) {
        frames.push(frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
      }
    }
    frames.push(frame('content_block_stop', { index }));
  });
  frames.push(
    frame('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }),
  );
  frames.push(frame('message_stop', {}));
  return sseResponse(frames, { clock: ctx.clock, gapMs: ctx.chunkGapMs });
}
