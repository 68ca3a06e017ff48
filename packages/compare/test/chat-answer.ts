import { canonicalize } from '../src/adapters/canonicalize.js';

/** An OpenAI chat completion answering `content`, canonicalized as the rule tests compare it. */
export const chatAnswer = (content: string) =>
  canonicalize({
    status: 200,
    headers: { 'content-type': 'application/json' },
    path: '/v1/chat/completions',
    body: JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }),
  });
