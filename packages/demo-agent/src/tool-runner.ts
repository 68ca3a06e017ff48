import type { ToolCall } from './support-agent.js';

/** Where the agent runs its tools: the orders service, directly or through the egress proxy. */
export interface ToolsOptions {
  /** E.g. `http://127.0.0.1:8082/d/orders` (through the egress proxy) or the service itself. */
  readonly baseUrl: string;
  /** Outbound HTTP (default: the global fetch). */
  readonly fetch?: typeof fetch;
}

/** The two headers an agent copies from its request onto every tool call (issue 5). */
export const correlationHeaders = ['x-understudy-exchange', 'x-understudy-shadow'] as const;

/**
 * Runs the agent's tool calls against the orders service in order and returns the text of the
 * last result, as a model would see it. The request's correlation headers ride along, so the
 * egress proxy can record live calls and answer shadow ones from the recording. A refusal (the
 * egress proxy's 409 in shadow) is a result like any other: the agent tells the customer.
 */
export async function runToolCalls(calls: readonly ToolCall[], tools: ToolsOptions, incoming: Headers): Promise<string> {
  const send = tools.fetch ?? fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of correlationHeaders) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = value;
  }
  const base = tools.baseUrl.replace(/\/+$/, '');
  let last = '';
  for (const call of calls) {
    const orderId = String(call.arguments.order_id ?? '');
    try {
      const response =
        call.name === 'refund_order'
          ? await send(`${base}/refunds`, { method: 'POST', headers, body: JSON.stringify(call.arguments) })
          : await send(`${base}/orders/${encodeURIComponent(orderId)}`, { headers });
      last = await response.text();
    } catch (error) {
      last = JSON.stringify({ error: { code: 'tool_unreachable', message: error instanceof Error ? error.message : String(error) } });
    }
  }
  return last;
}
