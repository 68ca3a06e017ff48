/**
 * What the support agent needs from a request, whichever protocol carried it: the latest
 * user text, the tools it may call, and the result of the tool it called last (if the
 * conversation is continuing after a tool call).
 */
export interface Conversation {
  readonly lastUserText: string;
  readonly toolNames: readonly string[];
  /** The content of the trailing tool result, when the last message is one. */
  readonly toolResult: string | undefined;
  /** All message text, for estimating prompt tokens. */
  readonly promptText: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of an OpenAI or Anthropic `content`: a string or an array of typed parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      if (!isObject(part)) return '';
      if (typeof part.text === 'string') return part.text;
      if (part.type === 'tool_result') return contentText(part.content);
      return '';
    })
    .join('\n');
}

/** Reads an OpenAI chat-completions request body. */
export function fromChatRequest(body: Json): Conversation {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
  const tools = Array.isArray(body.tools) ? body.tools.filter(isObject) : [];
  const toolNames = tools.flatMap((t) => (isObject(t.function) && typeof t.function.name === 'string' ? [t.function.name] : []));
  const lastUser = messages.filter((m) => m.role === 'user').at(-1);
  const last = messages.at(-1);
  return {
    lastUserText: contentText(lastUser?.content),
    toolNames,
    toolResult: last?.role === 'tool' ? contentText(last.content) : undefined,
    promptText: messages.map((m) => contentText(m.content)).join('\n'),
  };
}

/** Reads an Anthropic messages request body. */
export function fromMessagesRequest(body: Json): Conversation {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
  const tools = Array.isArray(body.tools) ? body.tools.filter(isObject) : [];
  const toolNames = tools.flatMap((t) => (typeof t.name === 'string' ? [t.name] : []));
  const last = messages.at(-1);
  const lastParts = Array.isArray(last?.content) ? last.content.filter(isObject) : [];
  const toolResultPart = lastParts.find((p) => p.type === 'tool_result');
  // In Anthropic's format a tool result travels in a `user` message, so the "user text" is the
  // last user message that carries text rather than only tool results.
  const lastUser = messages.filter((m) => m.role === 'user' && contentText(m.content) !== '' && !isOnlyToolResults(m.content)).at(-1);
  const system = typeof body.system === 'string' ? body.system : contentText(body.system);
  return {
    lastUserText: contentText(lastUser?.content),
    toolNames,
    toolResult: toolResultPart === undefined ? undefined : contentText(toolResultPart.content),
    promptText: [system, ...messages.map((m) => contentText(m.content))].join('\n'),
  };
}

function isOnlyToolResults(content: unknown): boolean {
  return Array.isArray(content) && content.length > 0 && content.every((p) => isObject(p) && p.type === 'tool_result');
}
