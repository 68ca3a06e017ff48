/** Fixtures shared by the upstream and the load generator: one chat request and its answers. */

/** Marks the upstream's answers, so a contender can be checked to really reach it. */
export const completionId = 'chatcmpl-understudy-bench';

/** A short OpenAI chat completion request (what an agent sends). */
export const chatRequest: string = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a terse assistant for an internal tool.' },
    { role: 'user', content: 'Summarise the incident report in two sentences.' },
  ],
  temperature: 0,
});

/** The same request asking for a streamed (SSE) answer. */
export const streamRequest: string = JSON.stringify({ ...(JSON.parse(chatRequest) as object), stream: true });

const answer =
  'The checkout service returned errors for 14 minutes after a configuration push removed the payment ' +
  'provider timeout. Rolling back the push restored service; a config lint now rejects missing timeouts. ';

/** A ~2 KB chat completion in the OpenAI shape. */
export const chatCompletion: Buffer = Buffer.from(
  JSON.stringify({
    id: completionId,
    object: 'chat.completion',
    created: 1_795_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_bench',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.repeat(8).trim(), refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 32, completion_tokens: 410, total_tokens: 442 },
  }),
);

/** SSE events of a streamed answer: the first is sent at once, the rest at intervals, then `[DONE]`. */
export const sseChunks: readonly Buffer[] = [
  ...answer
    .trim()
    .split('. ')
    .concat(['(end of summary)', '(sources: incident 4711)', '(confidence: high)'])
    .map((text, i) =>
      Buffer.from(
        `data: ${JSON.stringify({
          id: completionId,
          object: 'chat.completion.chunk',
          created: 1_795_000_000,
          model: 'gpt-4o-mini-2024-07-18',
          choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: text } : { content: text }, finish_reason: null }],
        })}\n\n`,
      ),
    ),
  Buffer.from('data: [DONE]\n\n'),
];
