import { LlmJudgeError, type LlmJudgeTransport } from '@understudy/compare';
import { type Dispatcher, request } from 'undici';

/** Where the judge's model is: any OpenAI-compatible chat-completions endpoint (hosted or local). */
export interface OpenAiJudgeEndpoint {
  /** Base URL up to the API version: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
  readonly url: string;
  readonly model: string;
  /** Sent as a bearer token; never logged or stored (an answer that echoes it has it replaced). */
  readonly apiKey?: string;
}

// undici's own timeouts (the dispatcher's headersTimeout / bodyTimeout) are the judge's timeout too.
const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function classified(error: unknown): unknown {
  if (error instanceof LlmJudgeError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && timeoutCodes.has(code))
    return new LlmJudgeError('timeout', `judge call timeout: ${(error as Error).message}`, { cause: error });
  return error;
}

/** An error status the endpoint answered (`error_status`), with the status. */
class StatusError extends LlmJudgeError {
  constructor(readonly status: number) {
    super('error_status', `judge endpoint answered ${status}`);
  }
}

/**
 * Statuses a server answers a request it cannot take as it is (400, and 422 from FastAPI-based
 * ones): the `response_format` many local OpenAI-compatible servers refuse (some take only
 * `json_schema`, some none) is the likeliest reason, so such a call is asked once more without it
 * — the system prompt asks for JSON only, and `parseLlmVerdict` reads it leniently.
 */
function refusesFormat(error: unknown): boolean {
  return error instanceof StatusError && (error.status === 400 || error.status === 422);
}

// A verdict is one short JSON object; anything longer is not one.
const maxAnswerBytes = 64 * 1024;

/**
 * The judge's HTTP client: one `POST {url}/chat/completions` per pair through the injected undici
 * dispatcher (its `headersTimeout`/`bodyTimeout` bound each call), temperature 0, JSON answer
 * asked for (`response_format: json_object` until the endpoint refuses it with 400 or 422: that
 * call is asked again without it, and so is every later one once that worked). A non-2xx answer,
 * an oversized or non-JSON body rejects for that pair only.
 */
export function createOpenAiJudgeTransport(endpoint: OpenAiJudgeEndpoint, deps: { readonly dispatcher: Dispatcher }): LlmJudgeTransport {
  const target = `${endpoint.url.replace(/\/+$/, '')}/chat/completions`;
  const { apiKey } = endpoint;
  // A model or a proxy in front of it may echo the request (an error page, a verdict's reason): the
  // key must not reach a stored report or a log through it.
  const scrub = (text: string): string => (apiKey ? text.replaceAll(apiKey, '[redacted:judge-api-key]') : text);
  // Calls ask with response_format until one refused for it is answered without it.
  let withFormat = true;
  return async (call) => {
    try {
      if (!withFormat) return scrub(await send(call, false));
      try {
        return scrub(await send(call, true));
      } catch (error) {
        if (!refusesFormat(error)) throw error;
      }
      const text = scrub(await send(call, false));
      withFormat = false;
      return text;
    } catch (error) {
      const e = classified(error);
      if (e instanceof Error) e.message = scrub(e.message);
      throw e;
    }
  };

  async function send({ system, user, signal }: Parameters<LlmJudgeTransport>[0], format: boolean): Promise<string> {
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
        ...(format ? { response_format: { type: 'json_object' } } : {}),
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
        throw new LlmJudgeError('bad_answer', `judge endpoint answered more than ${maxAnswerBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (res.statusCode >= 400) throw new StatusError(res.statusCode);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LlmJudgeError('bad_answer', 'judge endpoint answered no JSON');
    }
    const content = (body as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new LlmJudgeError('bad_answer', 'judge endpoint answered no message content');
    return content;
  }
}
