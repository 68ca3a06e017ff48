import { createIdGenerator, type Exchange, noUsage, seededRandom } from '@understudy/core';
import type { Store } from '@understudy/store';

const encoder = new TextEncoder();
const questions = ['How long does shipping take?', 'Where is my order #10442?', 'Can I return a gift?', 'Do you ship to Canada?'];

/** Writes `n` live chat-completion exchanges (~1 KB request, ~1 KB response), one ms apart. */
export async function seedExchanges(store: Store, n: number, start = 1_760_000_000_000): Promise<void> {
  let t = start;
  const ids = createIdGenerator({
    clock: { now: () => t, monotonic: () => 0, setTimeout: () => ({ cancel() {} }), setInterval: () => ({ cancel() {} }) },
    random: seededRandom(1),
  });
  const batch: Exchange[] = [];
  for (let i = 0; i < n; i++) {
    t = start + i;
    const request = encoder.encode(
      JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You are a helpful shop assistant. '.repeat(12) },
          { role: 'user', content: questions[i % questions.length] },
        ],
      }),
    );
    const response = encoder.encode(
      JSON.stringify({
        id: `chatcmpl-${i}`,
        object: 'chat.completion',
        created: 1_763_700_000,
        model: 'gpt-4o-mini',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: `Thanks for reaching out! Standard shipping takes three to five business days, and express orders arrive within two. You will get a tracking link by email once your parcel ships (${i % 7}).`,
            },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 42, completion_tokens: 46, total_tokens: 88 },
      }),
    );
    batch.push({
      id: ids(),
      startedAt: t,
      method: 'POST',
      path: '/v1/chat/completions',
      query: '',
      requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer [redacted:1a2b]' },
      requestBody: { bytes: request, size: request.length, truncated: false },
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: { bytes: response, size: response.length, truncated: false },
      streamed: false,
      sseEvents: null,
      ttfbMs: 180 + (i % 50),
      durationMs: 400 + (i % 300),
      version: 'stable',
      role: 'live',
      parentId: null,
      usage: { ...noUsage, inputTokens: 42, outputTokens: 46 },
      error: null,
    });
    if (batch.length === 2_000) await store.exchanges.insertMany(batch.splice(0));
  }
  await store.exchanges.insertMany(batch);
}
