import type { LlmJudgeTransport } from '@understudy/compare';
import { type Dispatcher, request } from 'undici';

/** Where the judge's model is: any OpenAI-compatible chat-completions endpoint (hosted or local). */
export interface OpenAiJudgeEndpoint {
  /** Base URL up to the API version: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
  readonly url: string;
  readonly model: string;
  /** Sent as a bearer token; never logged or stored. */
  readonly apiKey?: string;
}

// A verdict is one short JSON object; anything longer is not one.
const maxAnswerBytes = 64 * 1024;

/**
 * The judge's HTTP client: one `POST {url}/chat/completions` per pair through the injected undici
 * dispatcher (its `headersTimeout`/`bodyTimeout` bound each call), temperature 0, JSON answer
 * asked for. A non-2xx answer, an oversized or non-JSON body rejects for that pair only.
 */
export function createOpenAiJudgeTransport(endpoint: OpenAiJudgeEndpoint, deps: { readonly dispatcher: Dispatcher }): LlmJudgeTransport {
  const target = `${endpoint.url.replace(/\/+$/, '')}/chat/completions`;
  return async ({ system, user, signal }) => {
    const res = await request(target, {
      method: 'POST',
      dispatcher: deps.dispatcher,
      headers: {
        'content-type': 'application/json',
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: endpoint.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      ...(signal ? { signal } : {}),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > maxAnswerBytes) {
        res.body.destroy();
        throw new Error(`judge endpoint answered more than ${maxAnswerBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (res.statusCode >= 400) throw new Error(`judge endpoint answered ${res.statusCode}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error('judge endpoint answered no JSON');
    }
    const content = (body as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error('judge endpoint answered no message content');
    return content;
  };
}
