/**
 * The texts `redaction-ab.ts` times (and a profile of one tree runs): what a tap captures most and
 * two texts full of secret words, each as a call on a fresh exchange's redactor.
 */
import { demoToolDefinitions } from '@understudy/demo-agent';

/** The slice of `ExchangeRedactor` the cases call (each tree brings its own). */
export interface Body {
  body(text: string, contentType: string): string;
}

/** The chat request `redaction-cost.ts` times too: the demo's tools and a short conversation. */
export const chatRequest = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a support agent for an online shop. Answer briefly; use tools for orders and refunds.' },
    { role: 'user', content: 'Please refund $35 for order #10042, it arrived broken. My max_tokens budget is small.' },
  ],
  tools: demoToolDefinitions,
  max_tokens: 256,
});
/** A chat completion of one assistant message. */
const completion = (id: string, message: Record<string, unknown>): string =>
  JSON.stringify({
    id,
    object: 'chat.completion',
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', ...message } }],
    usage: { prompt_tokens: 612, completion_tokens: 402, total_tokens: 1014 },
  });
const urlReply = completion('chatcmpl-2', {
  content: Array.from(
    { length: 16 },
    (_, i) => `${i + 1}. See https://docs.example.com/guides/returns-${i}?lang=en&ref=chat (updated 2026-11-${10 + i}).`,
  ).join('\n'),
});
const toolCallReply = completion('chatcmpl-3', {
  content: null,
  tool_calls: [
    {
      id: 'call_7Yx2',
      type: 'function',
      function: {
        name: 'refund_order',
        arguments: JSON.stringify({
          order_id: '10042',
          amount: 35,
          reason: 'arrived broken (photo: https://cdn.shop.example/uploads/10042/photo-1.jpg)',
          notify: { email: true, sms: false },
          items: [{ sku: 'MUG-RED-350', qty: 1 }],
        }),
      },
    },
  ],
});
/** An event stream of 40 deltas. */
export const sseReply = Array.from(
  { length: 40 },
  (_, i) => `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: { content: `word${i} ` } }] })}\n\n`,
).join('');
const labels = ['password', 'Passwort', 'contraseña', 'mot de passe', 'пароль', 'パスワード'];
const labelledPasswords = Array.from({ length: 30 }, (_, i) => `${labels[i % 6]}: Zq${i}xW8-pLm4!r`).join('\n');
const prose = Array.from(
  { length: 6 },
  () =>
    'To reset your password, open Settings and choose Security. The API key and the auth token are shown once; ' +
    'keep the secret in a vault. A password (at least 12 characters) and a passphrase are different things, and the ' +
    'token limit (4000) is not a credential. Sign in again after the change (the session ends). ',
).join('');

/** Name, and one call of the case given a fresh exchange's redactor each time. */
export const redactionCases: readonly (readonly [string, (b: () => Body) => void])[] = [
  [
    'exchange: chat request + reply with 16 URLs',
    (f) => {
      const x = f();
      x.body(chatRequest, 'application/json');
      x.body(urlReply, 'application/json');
    },
  ],
  ['chat request with the demo tools', (f) => void f().body(chatRequest, 'application/json')],
  ['SSE reply, 40 deltas', (f) => void f().body(sseReply, 'text/event-stream')],
  ['reply with JSON tool arguments', (f) => void f().body(toolCallReply, 'application/json')],
  ['30 labelled passwords, 6 languages', (f) => void f().body(labelledPasswords, 'text/plain')],
  ['2 KB of prose with secret words', (f) => void f().body(prose, 'text/plain')],
];
