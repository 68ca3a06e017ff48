import type { Random } from '@understudy/core';
import type { Conversation } from './conversation.js';
import { misstateFact } from './misstate-fact.js';
import { phrase, pick, topicOf, type Wording } from './phrasebook.js';

/**
 * The demo agent's versions: `v1` in production; `v2` a good rewrite of the prompt (other
 * wording, same tools and facts); `v3` a regressed one (a wrong tool on some intents, a wrong
 * fact in some answers, more errors, slower). `good` and `regressed` are the older names of v1
 * and v3.
 */
export const variants = ['v1', 'v2', 'v3', 'good', 'regressed'] as const;
export type Variant = (typeof variants)[number];

/** What a variant behaves as: its wording and whether it is the regressed one. */
export function variantTraits(variant: Variant): { readonly wording: Wording; readonly regressed: boolean } {
  return { wording: variant === 'v2' ? 'v2' : 'v1', regressed: variant === 'v3' || variant === 'regressed' };
}

export interface ToolCall {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** What the agent decided, before a protocol adapter shapes it into a response. */
export type AgentTurn =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tool_calls'; readonly calls: readonly ToolCall[] }
  | { readonly kind: 'failure'; readonly message: string };

// The regressed variant's fault rates: high enough that a short canary sees them, low enough
// that single samples look fine (which is the point of gates with statistics).
const regressedFailureRate = 0.08;
const regressedWrongToolRate = 0.15;
const regressedWrongArgumentRate = 0.15;
const regressedDroppedFieldRate = 0.1;

const orderIdPattern = /(?:\border\s*(?:number|no\.?|id)?\s*#?\s*|#)([A-Z]{0,3}-?\d{3,})\b/i;
const amountPattern = /(?:\$\s?|\bUSD\s?)(\d+(?:\.\d{1,2})?)|\b(\d+(?:\.\d{1,2})?)\s?(?:dollars|usd)\b/i;

/** The order id and refund amount a customer wrote, if any. */
export function parseOrderRequest(text: string): { orderId: string | undefined; amount: number | undefined } {
  const id = orderIdPattern.exec(text)?.[1];
  const amount = amountPattern.exec(text);
  const value = amount?.[1] ?? amount?.[2];
  return { orderId: id?.toUpperCase(), amount: value === undefined ? undefined : Number(value) };
}

/**
 * The support agent's whole brain: refunds and order lookups become tool calls with arguments
 * parsed from the customer's words; everything else is a paraphrased canned answer.
 */
export function respond(conversation: Conversation, variant: Variant, random: Random): AgentTurn {
  const { wording, regressed } = variantTraits(variant);
  if (regressed && random.next() < regressedFailureRate) {
    return { kind: 'failure', message: 'The agent crashed while planning its reply.' };
  }
  if (conversation.toolResult !== undefined) return { kind: 'text', text: summarizeToolResult(conversation.toolResult, variant, random) };

  const text = conversation.lastUserText;
  const wantsRefund = /\b(refund|money back|reimburse)/i.test(text);
  const aboutOrder = wantsRefund || /\b(order|package|parcel|tracking|where is my)\b/i.test(text);
  if (!aboutOrder) return { kind: 'text', text: withPadding(phrase(topicOf(text), random, wording), variant, random) };

  const { orderId, amount } = parseOrderRequest(text);
  if (orderId === undefined) return { kind: 'text', text: withPadding(phrase('ask_order_id', random, wording), variant, random) };

  const canRefund = conversation.toolNames.includes('refund_order');
  const canLookUp = conversation.toolNames.includes('get_order');
  let call: ToolCall | undefined;
  if (wantsRefund && canRefund && amount !== undefined) call = { name: 'refund_order', arguments: { order_id: orderId, amount } };
  else if (canLookUp) call = { name: 'get_order', arguments: { order_id: orderId } };
  if (call === undefined) {
    const reply = wantsRefund
      ? `I have noted a refund request for order ${orderId}; a colleague will confirm it by email.`
      : `Order ${orderId} is being processed; you will get a tracking link by email.`;
    return { kind: 'text', text: withPadding(reply, variant, random) };
  }
  return { kind: 'tool_calls', calls: [regressed ? degrade(call, random) : call] };
}

/** The regressed agent's mistakes: the wrong tool, a wrong argument, or a dropped field. */
function degrade(call: ToolCall, random: Random): ToolCall {
  const r = random.next();
  let cut = regressedWrongToolRate;
  if (r < cut) {
    return call.name === 'refund_order'
      ? { name: 'get_order', arguments: { order_id: call.arguments.order_id } }
      : { name: 'refund_order', arguments: { ...call.arguments, amount: 0 } };
  }
  cut += regressedWrongArgumentRate;
  if (r < cut) {
    const amount = call.arguments.amount;
    if (typeof amount === 'number' && random.next() < 0.5) return { ...call, arguments: { ...call.arguments, amount: amount * 10 } };
    return { ...call, arguments: { ...call.arguments, order_id: neighbourOrder(String(call.arguments.order_id)) } };
  }
  cut += regressedDroppedFieldRate;
  if (r < cut) {
    const { amount: _amount, order_id: _orderId, ...rest } = call.arguments;
    return { ...call, arguments: 'amount' in call.arguments ? { ...rest, order_id: call.arguments.order_id } : rest };
  }
  return call;
}

/** The order next to this one (last digit bumped): a plausible, wrong, customer. */
function neighbourOrder(orderId: string): string {
  const last = Number(orderId.at(-1));
  return `${orderId.slice(0, -1)}${Number.isNaN(last) ? '1' : (last + 1) % 10}`;
}

function summarizeToolResult(result: string, variant: Variant, random: Random): string {
  let data: unknown;
  try {
    data = JSON.parse(result);
  } catch {
    data = undefined;
  }
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const order = typeof fields.order_id === 'string' ? fields.order_id : 'your order';
  let reply: string;
  if (typeof fields.refunded === 'number' || fields.refund_id !== undefined) {
    const amount = typeof fields.refunded === 'number' ? ` of $${fields.refunded.toFixed(2)}` : '';
    reply = pick(
      random,
      variantTraits(variant).wording === 'v2'
        ? [
            `Your refund${amount} for ${order} is on its way; it reaches your account within 5 business days.`,
            `All set: ${order} is refunded${amount}, and the money shows up within 5 business days.`,
          ]
        : [
            `Done — the refund${amount} for ${order} has been issued and should appear within 5 business days.`,
            `I have issued the refund${amount} for ${order}; expect it within 5 business days.`,
          ],
    );
  } else if (typeof fields.status === 'string') {
    reply = pick(
      random,
      variantTraits(variant).wording === 'v2'
        ? [`${order} is currently ${fields.status}.`, `Right now ${order} shows as ${fields.status}.`]
        : [`I checked ${order}: it is ${fields.status}.`, `Good news, I looked up ${order} and its status is ${fields.status}.`],
    );
  } else {
    reply = pick(random, [`I looked into ${order}. ${result}`, `Here is what I found for ${order}: ${result}`]);
  }
  return withPadding(reply, variant, random);
}

/** The regressed variant is wordier (more output tokens) and gets a fact wrong now and then. */
function withPadding(text: string, variant: Variant, random: Random): string {
  if (!variantTraits(variant).regressed) return text;
  const stated = misstateFact(text, random);
  const padding = pick(random, [
    'Please note that our team is always here to help, and we truly value your business and your patience with us.',
    'As always, we appreciate your patience, and we are committed to making sure every customer has a great experience.',
  ]);
  return `${stated} ${padding}`;
}
