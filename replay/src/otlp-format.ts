import { type Exchange, type IdGenerator, noUsage } from '@understudy/core';
import type { ImportItem } from './import-problem.js';
import { llmMessages } from './llm-messages.js';
import { type AttributeMap, type OtlpSpan, otlpAttributes, spansOf } from './otlp-spans.js';

const encoder = new TextEncoder();
const json = (value: unknown) => {
  const bytes = encoder.encode(JSON.stringify(value));
  return { bytes, size: bytes.length, truncated: false };
};
const jsonHeaders = { 'content-type': 'application/json' };

/** Whether a span is a model call (GenAI semconv or OpenInference), as opposed to a tool, chain or HTTP span. */
function isLlmSpan(a: AttributeMap): boolean {
  const kind = a.get('openinference.span.kind');
  if (typeof kind === 'string') return kind.toUpperCase() === 'LLM';
  const op = a.get('gen_ai.operation.name');
  if (typeof op === 'string') return op === 'chat' || op === 'text_completion' || op === 'generate_content';
  for (const key of a.keys()) if (key.startsWith('gen_ai.prompt.') || key.startsWith('llm.input_messages.')) return true;
  return a.has('gen_ai.input.messages') || a.has('gen_ai.system') || a.has('gen_ai.provider.name');
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function invocationParameters(a: AttributeMap): Record<string, unknown> {
  const text = a.get('llm.invocation_parameters');
  if (typeof text !== 'string') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One model-call span as the OpenAI chat completion it stood for: request, response, usage, timing. */
function spanExchange(span: OtlpSpan, a: AttributeMap, o: { ids: IdGenerator; idAt: (ms: number) => void; version: string }): Exchange {
  const { input, output, finishReason } = llmMessages(a);
  if (input.length === 0)
    throw new Error('no input messages (gen_ai.input.messages, gen_ai.prompt.N.*, llm.input_messages.N.* or input.value)');
  const params = invocationParameters(a);
  // OpenInference's llm.model_name is what the provider answered with; the request's model is in the invocation parameters.
  const model = a.get('gen_ai.request.model') ?? params.model ?? a.get('llm.model_name') ?? a.get('gen_ai.response.model') ?? 'unknown';
  const temperature = num(a.get('gen_ai.request.temperature')) ?? num(params.temperature);
  const maxTokens = num(a.get('gen_ai.request.max_tokens')) ?? num(params.max_tokens);
  const request = {
    model,
    messages: input,
    ...(temperature === undefined ? {} : { temperature }),
    ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }),
  };
  const inputTokens =
    num(a.get('gen_ai.usage.input_tokens')) ?? num(a.get('gen_ai.usage.prompt_tokens')) ?? num(a.get('llm.token_count.prompt'));
  const outputTokens =
    num(a.get('gen_ai.usage.output_tokens')) ?? num(a.get('gen_ai.usage.completion_tokens')) ?? num(a.get('llm.token_count.completion'));
  const failed = span.status?.code === 2 && output.length === 0;
  const created = Math.floor(span.startMs / 1000);
  const response = failed
    ? { error: { message: span.status?.message ?? 'the traced call failed', type: String(a.get('error.type') ?? 'error') } }
    : {
        id: String(a.get('gen_ai.response.id') ?? `chatcmpl-${span.spanId}`),
        object: 'chat.completion',
        created,
        model: a.get('gen_ai.response.model') ?? a.get('llm.model_name') ?? model,
        choices: (output.length === 0 ? [{ role: 'assistant', content: '' }] : output).map((message, index) => ({
          index,
          message,
          finish_reason: index === 0 ? (finishReason ?? ('tool_calls' in message ? 'tool_calls' : 'stop')) : 'stop',
        })),
        ...(inputTokens === undefined && outputTokens === undefined
          ? {}
          : {
              usage: {
                prompt_tokens: inputTokens ?? 0,
                completion_tokens: outputTokens ?? 0,
                total_tokens: (inputTokens ?? 0) + (outputTokens ?? 0),
              },
            }),
      };
  o.idAt(span.startMs);
  return {
    id: o.ids(),
    startedAt: span.startMs,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: jsonHeaders,
    requestBody: json(request),
    status: failed ? 500 : 200,
    responseHeaders: jsonHeaders,
    responseBody: json(response),
    streamed: false,
    sseEvents: null,
    ttfbMs: null,
    durationMs: Math.max(0, span.endMs - span.startMs),
    version: o.version,
    role: 'live',
    parentId: null,
    usage: { ...noUsage, inputTokens: inputTokens ?? null, outputTokens: outputTokens ?? null },
    error: null,
  };
}

/**
 * OTLP JSON traces (an `ExportTraceServiceRequest`, or one per line as the Collector's file
 * exporter writes them; Langfuse, Phoenix and other OpenTelemetry / OpenInference backends export
 * this) → one exchange per model-call span, as an OpenAI chat completion replay can send. GenAI
 * semantic conventions (`gen_ai.input.messages` / `gen_ai.output.messages`, the legacy
 * `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`) and OpenInference (`llm.input_messages.N.*`,
 * `llm.output_messages.N.*`, `input.value` / `output.value`, `llm.model_name`) are read. Other
 * spans (tools, chains, HTTP) are ignored and counted; a malformed span is a problem named
 * `span N (id …)`.
 */
export function* parseOtlp(
  text: string,
  options: { ids: IdGenerator; idAt: (ms: number) => void; version: string; onIgnored?: () => void },
): Generator<ImportItem<Exchange[]>> {
  for (const item of spansOf(text)) {
    if (!item.ok) {
      yield item;
      continue;
    }
    const span = item.value;
    const where = `span ${span.index} (id ${span.spanId || '?'})`;
    let attributes: AttributeMap;
    try {
      attributes = otlpAttributes(span.attributes);
      if (!isLlmSpan(attributes)) {
        options.onIgnored?.();
        continue;
      }
      yield { ok: true, value: [spanExchange(span, attributes, options)] };
    } catch (error) {
      yield { ok: false, problem: { where, reason: error instanceof Error ? error.message : String(error) } };
    }
  }
}
