import type { AttributeMap } from './otlp-spans.js';

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
