import type { ExchangeParts } from '@understudy/capture';

/**
 * Exchanges a capture writer builds, and throws away, before its first real one. A fresh writer
 * builds its first long streams several times slower than later ones (bench/streams, 200 × 200 B
 * events: the first build ~25–45 ms of CPU, the first 50 ~2–8 ms each, then ~0.9 ms): the
 * redaction's regexes are compiled and its functions optimised on the way, partly on V8's helper
 * threads, which run at the proxy's priority whatever the writer's. Without this, that cost lands
 * when the first streams end, while every other stream is still open (bench:streams puts the
 * 1 000-stream tail in that second). Built at start instead, when nothing waits.
 *
 * The shapes are what a capture sees most: an event stream of content deltas with a usage event
 * (OpenAI's chat chunks, Anthropic's typed events), a long-string field, and a short JSON reply.
 * Nothing in them is a secret but one bearer header, so the header path is warmed too.
 */
export function warmUpParts(): ExchangeParts[] {
  return [openAiStream(), anthropicStream(), shortJson()];
}

const words = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.', ' It', ' ran', ' 42', ' miles', '\n'];

function openAiStream(): ExchangeParts {
  const head = '{"id":"chatcmpl-warmup","object":"chat.completion.chunk","created":1733190000,"model":"gpt-4o-2024-08-06"';
  let body = '';
  for (let i = 0; i < 200; i++)
    body += `data: ${head},"choices":[{"index":0,"delta":{"content":${JSON.stringify(words[i % words.length])}},"finish_reason":null}]}\n\n`;
  body += `data: ${head},"choices":[],"usage":{"prompt_tokens":24,"completion_tokens":200,"total_tokens":224}}\n\ndata: [DONE]\n\n`;
  return stream('/v1/chat/completions', chatRequest(), body);
}

function anthropicStream(): ExchangeParts {
  let body = `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_warmup","model":"claude-sonnet-4","usage":{"input_tokens":24,"output_tokens":1}}}\n\n`;
  for (let i = 0; i < 200; i++) {
    const text = i % 50 === 49 ? 'x'.repeat(150) : (words[i % words.length] as string);
    body += `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":${JSON.stringify(text)}}}\n\n`;
  }
  body += `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":200}}\n\n`;
  return stream('/v1/messages', chatRequest(), body);
}

function shortJson(): ExchangeParts {
  const reply = JSON.stringify({
    id: 'chatcmpl-warmup',
    object: 'chat.completion',
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, message: { role: 'assistant', content: 'The quick brown fox.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 24, completion_tokens: 5, total_tokens: 29 },
  });
  return exchange('/v1/chat/completions', chatRequest(), 'application/json', reply, undefined);
}

function chatRequest(): string {
  return JSON.stringify({
    model: 'gpt-4o',
    stream: true,
    messages: [
      { role: 'system', content: 'You are a helpful assistant. Answer briefly.' },
      { role: 'user', content: 'Tell me a story about a fox, in 200 words.' },
    ],
    tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
  });
}

/** A live stream as the tap hands it over unscanned: its chunk table, one event a chunk, 50 ms apart (see ReplyPart.sseChunks). */
function stream(path: string, request: string, body: string): ExchangeParts {
  const chunks: number[] = [];
  const bytes = Buffer.from(body);
  for (let end = bytes.indexOf('\n\n'); end !== -1; end = bytes.indexOf('\n\n', end + 2)) chunks.push(end + 2, (chunks.length / 2) * 50);
  return exchange(path, request, 'text/event-stream', body, chunks);
}

function exchange(path: string, request: string, type: string, reply: string, chunks: number[] | undefined): ExchangeParts {
  const requestBytes = Buffer.from(request);
  const replyBytes = Buffer.from(reply);
  return {
    id: 'warm-up',
    startedAt: 0,
    version: 'warm-up',
    role: 'live',
    parentId: null,
    request: {
      method: 'POST',
      path,
      query: '',
      headers: {
        'content-type': 'application/json',
        'content-length': String(requestBytes.length),
        authorization: 'Bearer warm-up-not-a-secret-0123456789abcdef',
      },
      body: { bytes: requestBytes, size: requestBytes.length, truncated: false },
    },
    reply: {
      status: 200,
      headers: { 'content-type': type },
      body: { bytes: replyBytes, size: replyBytes.length, truncated: false },
      ...(chunks === undefined ? {} : { sseChunks: chunks }),
      streamed: chunks !== undefined,
    },
    ttfbMs: 1,
    durationMs: 10_000,
    error: null,
  };
}
