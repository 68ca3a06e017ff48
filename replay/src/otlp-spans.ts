import { z } from 'zod/v4';
import type { ImportItem } from './import-problem.js';

/** An OTLP JSON attribute value (`AnyValue`); ints may come as strings (int64 in JSON). */
type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: { key: string; value?: AnyValue }[] };
};
const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string().regex(/^-?\d+$/), z.number().int()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.looseObject({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z.looseObject({ values: z.array(z.looseObject({ key: z.string(), value: anyValue.optional() })).optional() }).optional(),
  }),
);
const keyValues = z.array(z.looseObject({ key: z.string(), value: anyValue.optional() }));
const nanos = z.union([z.string().regex(/^\d+$/, 'nanoseconds since the epoch'), z.number().int().nonnegative()]);
const spanSchema = z.looseObject({
  traceId: z.string().optional(),
  spanId: z.string().optional(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes: keyValues.optional(),
  status: z.looseObject({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).optional(),
});
const scopeSpans = z.array(z.looseObject({ spans: z.array(z.unknown()).optional() }));
const requestSchema = z.looseObject({
  resourceSpans: z.array(
    z.looseObject({
      scopeSpans: scopeSpans.optional(),
      // OTLP before 0.15 named them so; some exporters still write it.
      instrumentationLibrarySpans: scopeSpans.optional(),
    }),
  ),
});

/** One span of the file, located: `index` counts spans from 1 across the whole file. */
export interface OtlpSpan {
  readonly index: number;
  readonly spanId: string;
  readonly traceId: string;
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly attributes: z.infer<typeof keyValues>;
  /** 2 is ERROR (OTLP's `STATUS_CODE_ERROR`). */
  readonly status?: { readonly code: number; readonly message?: string };
}

export type AttributeMap = ReadonlyMap<string, unknown>;

const msOf = (v: string | number): number => Number(BigInt(v) / 1_000_000n);

function statusCode(code: number | string | undefined): number {
  if (typeof code === 'number') return code;
  return code === 'STATUS_CODE_ERROR' ? 2 : code === 'STATUS_CODE_OK' ? 1 : 0;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'span'}: ${issue?.message ?? 'invalid'}`;
}

/** The documents of a file: one JSON document, or one per line (the Collector's file exporter). */
function* documents(text: string): Generator<ImportItem<{ doc: unknown; where: string }>> {
  const trimmed = text.trim();
  try {
    yield { ok: true, value: { doc: JSON.parse(trimmed) as unknown, where: 'file' } };
    return;
  } catch {
    // not one document: JSON lines?
  }
  const lines = trimmed.split('\n');
  if (lines.length < 2) {
    yield { ok: false, problem: { where: 'file', reason: 'not JSON (expected an OTLP ExportTraceServiceRequest)' } };
    return;
  }
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      yield { ok: true, value: { doc: JSON.parse(line) as unknown, where: `line ${i + 1}` } };
    } catch (cause) {
      yield {
        ok: false,
        problem: { where: `line ${i + 1}`, reason: `not JSON: ${cause instanceof Error ? cause.message : String(cause)}` },
      };
    }
  }
}

/** Every span of an OTLP JSON file, checked one by one so a bad one is named by index and id. */
export function* spansOf(text: string): Generator<ImportItem<OtlpSpan>> {
  let index = 0;
  for (const d of documents(text)) {
    if (!d.ok) {
      yield d;
      continue;
    }
    const request = requestSchema.safeParse(d.value.doc);
    if (!request.success) {
      yield { ok: false, problem: { where: d.value.where, reason: `not an OTLP trace export (${issueText(request.error)})` } };
      continue;
    }
    for (const rs of request.data.resourceSpans) {
      for (const ss of [...(rs.scopeSpans ?? []), ...(rs.instrumentationLibrarySpans ?? [])]) {
        for (const raw of ss.spans ?? []) {
          index++;
          const id = typeof raw === 'object' && raw !== null && 'spanId' in raw ? String(raw.spanId) : '?';
          const span = spanSchema.safeParse(raw);
          if (!span.success) {
            yield { ok: false, problem: { where: `span ${index} (id ${id})`, reason: issueText(span.error) } };
            continue;
          }
          const s = span.data;
          const startMs = msOf(s.startTimeUnixNano);
          const endMs = msOf(s.endTimeUnixNano);
          if (endMs < startMs) {
            yield { ok: false, problem: { where: `span ${index} (id ${id})`, reason: 'endTimeUnixNano is before startTimeUnixNano' } };
            continue;
          }
          yield {
            ok: true,
            value: {
              index,
              spanId: s.spanId ?? '',
              traceId: s.traceId ?? '',
              name: s.name ?? '',
              startMs,
              endMs,
              attributes: s.attributes ?? [],
              ...(s.status === undefined
                ? {}
                : {
                    status: { code: statusCode(s.status.code), ...(s.status.message === undefined ? {} : { message: s.status.message }) },
                  }),
            },
          };
        }
      }
    }
  }
}

function plain(v: AnyValue | undefined): unknown {
  if (v === undefined) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(plain);
  if (v.kvlistValue !== undefined) return Object.fromEntries((v.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]));
  return undefined;
}

/** A span's attributes as plain values by key. */
export function otlpAttributes(list: OtlpSpan['attributes']): AttributeMap {
  return new Map(list.map((kv) => [kv.key, plain(kv.value)]));
}

/** An OpenAI chat message. */
export type ChatMessage = { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string };

function parseJsonAttribute(a: AttributeMap, key: string): unknown {
  const v = a.get(key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new Error(`${key}: not JSON`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const toolCall = (id: unknown, name: unknown, args: unknown, i: number) => ({
  id: typeof id === 'string' ? id : `call_${i}`,
  type: 'function',
  function: { name: String(name), arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}) },
});

/** GenAI semconv structured messages (`[{ role, parts }]`) → OpenAI chat messages. */
function fromParts(messages: unknown, key: string): ChatMessage[] {
  if (!Array.isArray(messages)) throw new Error(`${key}: expected an array of messages`);
  return messages.flatMap((m): ChatMessage[] => {
    if (!isObject(m) || typeof m.role !== 'string') throw new Error(`${key}: a message without a role`);
    const parts = Array.isArray(m.parts) ? m.parts.filter(isObject) : [];
    const text = parts.filter((p) => p.type === 'text').map((p) => String(p.content ?? ''));
    const calls = parts.filter((p) => p.type === 'tool_call').map((p, i) => toolCall(p.id, p.name, p.arguments, i));
    const responses = parts.filter((p) => p.type === 'tool_call_response');
    if (responses.length > 0)
      return responses.map((p) => ({
        role: 'tool',
        content: typeof p.response === 'string' ? p.response : JSON.stringify(p.response ?? null),
        ...(typeof p.id === 'string' ? { tool_call_id: p.id } : {}),
      }));
    return [
      {
        role: m.role,
        content: text.length === 0 && calls.length > 0 ? null : text.join(''),
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      },
    ];
  });
}

/** Indexed attributes (`prefix.N.rest`) grouped by N, in order. */
function indexed(a: AttributeMap, prefix: string): Map<string, unknown>[] {
  const groups = new Map<number, Map<string, unknown>>();
  for (const [key, value] of a) {
    if (!key.startsWith(prefix)) continue;
    const m = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
    if (m === null) continue;
    const n = Number(m[1]);
    const g = groups.get(n) ?? new Map<string, unknown>();
    groups.set(n, g);
    g.set(m[2] ?? '', value);
  }
  return [...groups.entries()].sort((x, y) => x[0] - y[0]).map(([, g]) => g);
}

/** Legacy GenAI (`gen_ai.prompt.N.role`) and OpenInference (`llm.input_messages.N.message.role`) flattened messages. */
function fromFlat(groups: Map<string, unknown>[], p: string): ChatMessage[] {
  return groups.map((g) => {
    const contents = indexed(g, `${p}contents.`)
      .map((c) => c.get('message_content.text'))
      .filter((t): t is string => typeof t === 'string');
    const content = g.get(`${p}content`) ?? (contents.length > 0 ? contents.join('') : undefined);
    const calls = indexed(g, `${p}tool_calls.`).map((c, i) =>
      toolCall(
        c.get('tool_call.id') ?? c.get('id'),
        c.get('tool_call.function.name') ?? c.get('name'),
        c.get('tool_call.function.arguments') ?? c.get('arguments'),
        i,
      ),
    );
    const callId = g.get(`${p}tool_call_id`);
    return {
      role: String(g.get(`${p}role`) ?? 'user'),
      content: content === undefined ? (calls.length > 0 ? null : '') : String(content),
      ...(calls.length > 0 ? { tool_calls: calls } : {}),
      ...(typeof callId === 'string' ? { tool_call_id: callId } : {}),
    };
  });
}

/** `input.value` / `output.value`: an OpenAI request or response as JSON, else plain text. */
function fromValue(a: AttributeMap, key: string, side: 'input' | 'output'): ChatMessage[] {
  const v = a.get(key);
  if (typeof v !== 'string' || v === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(v) as unknown;
  } catch {
    parsed = undefined;
  }
  if (side === 'input' && isObject(parsed) && Array.isArray(parsed.messages)) return parsed.messages.filter(isObject) as ChatMessage[];
  if (side === 'output' && isObject(parsed) && Array.isArray(parsed.choices)) {
    return parsed.choices.filter(isObject).flatMap((c) => (isObject(c.message) ? [c.message as ChatMessage] : []));
  }
  return [{ role: side === 'input' ? 'user' : 'assistant', content: typeof parsed === 'string' ? parsed : v }];
}

/**
 * The conversation a model-call span carries, as OpenAI chat messages, from the first source
 * present: GenAI semconv structured messages, then the legacy flattened `gen_ai.prompt.N.*`, then
 * OpenInference's `llm.input_messages.N.*`, then `input.value` (and the same for the output).
 */
export function llmMessages(a: AttributeMap): { input: ChatMessage[]; output: ChatMessage[]; finishReason: string | undefined } {
  const system = parseJsonAttribute(a, 'gen_ai.system_instructions');
  const structuredIn = parseJsonAttribute(a, 'gen_ai.input.messages');
  const structuredOut = parseJsonAttribute(a, 'gen_ai.output.messages');
  const systemMessages: ChatMessage[] = Array.isArray(system)
    ? [
        {
          role: 'system',
          content: system
            .filter(isObject)
            .map((p) => String(p.content ?? ''))
            .join(''),
        },
      ]
    : [];
  let input: ChatMessage[] =
    structuredIn !== undefined
      ? [...systemMessages, ...fromParts(structuredIn, 'gen_ai.input.messages')]
      : fromFlat(indexed(a, 'gen_ai.prompt.'), '');
  if (input.length === 0) input = fromFlat(indexed(a, 'llm.input_messages.'), 'message.');
  if (input.length === 0) input = fromValue(a, 'input.value', 'input');
  let output: ChatMessage[] =
    structuredOut !== undefined ? fromParts(structuredOut, 'gen_ai.output.messages') : fromFlat(indexed(a, 'gen_ai.completion.'), '');
  if (output.length === 0) output = fromFlat(indexed(a, 'llm.output_messages.'), 'message.');
  if (output.length === 0) output = fromValue(a, 'output.value', 'output');
  const reasons = a.get('gen_ai.response.finish_reasons');
  const outFinish =
    Array.isArray(structuredOut) && isObject(structuredOut[0])
      ? structuredOut[0].finish_reason
      : a.get('gen_ai.completion.0.finish_reason');
  const finishReason =
    Array.isArray(reasons) && typeof reasons[0] === 'string' ? reasons[0] : typeof outFinish === 'string' ? outFinish : undefined;
  return { input, output: output.map((m) => ({ ...m, role: 'assistant' })), finishReason };
}
