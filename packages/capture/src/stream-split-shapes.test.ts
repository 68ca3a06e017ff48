import type { SseEvent } from '@understudy/core';
import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'stream-split-shapes-key-0123456789';

/** A text streamed as two deltas cut at `cut`, in each protocol's event shape, and the stream's raw body. */
const shapes: readonly [string, (a: string, b: string) => SseEvent[]][] = [
  [
    'OpenAI chat',
    (a, b) =>
      [a, b].map((d, i) => ({
        data: JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: d } }] }),
        at: i,
      })),
  ],
  [
    'OpenAI Responses',
    (a, b) =>
      [a, b].map((d, i) => ({
        event: 'response.output_text.delta',
        data: JSON.stringify({ type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: d }),
        at: i,
      })),
  ],
  [
    'Anthropic messages',
    (a, b) =>
      [a, b].map((d, i) => ({
        event: 'content_block_delta',
        data: JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } }),
        at: i,
      })),
  ],
];
const body = (events: readonly SseEvent[]): string =>
  events.map((e) => `${e.event === undefined ? '' : `event: ${e.event}\n`}data: ${e.data}\n\n`).join('');

/**
 * Trust audit 3's new shapes streamed with the secret split between two deltas at every offset, in
 * the three event shapes: neither the stored events nor the stored body may spell it (the channel
 * is read joined, then cut from each event).
 */
describe('trust audit 3 shapes split across stream deltas at every offset', () => {
  const cases = [
    ['la mia password è gattorosso, grazie', 'gattorosso'],
    ['run: htpasswd -b /etc/nginx/.htpasswd admin sunflower', 'sunflower'],
    ['key ｓｋ－ｐｒｏｊ－Ａｂ３ｄＥｆ６ｈＩｊ９ｋＬｍ２ｎ', 'Ｅｆ６ｈＩｊ９ｋＬｍ'],
    ['key ѕk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv ok', 'Ef6hIj9kLm2n'],
    ['key sk-proj-Ab3dEf6hIj9k\n  Lm2nOp5qRs8tUvWx1yZ ok', 'Lm2nOp5q'],
  ] as const;

  it('is cut from the events and from the body', () => {
    for (const [text, secret] of cases)
      for (const [name, shape] of shapes)
        for (let cut = 1; cut < text.length; cut++) {
          const events = shape(text.slice(0, cut), text.slice(cut));
          const r = createRedactor(redaction, key).forExchange();
          const storedEvents = r.events(events);
          const storedBody = r.body(body(events), 'text/event-stream', events);
          const label = `${name} cut at ${cut}: ${JSON.stringify(text)}`;
          const joined = storedEvents.map((e) => {
            const parsed = JSON.parse(e.data) as { choices?: { delta: { content: string } }[]; delta?: string | { text: string } };
            return parsed.choices?.[0]?.delta.content ?? (typeof parsed.delta === 'string' ? parsed.delta : (parsed.delta?.text ?? ''));
          });
          expect(joined.join(''), label).not.toContain(secret);
          expect(storedBody, label).not.toContain(JSON.stringify(secret).slice(1, -1));
          for (const half of [secret.slice(0, Math.ceil(secret.length / 2)), secret.slice(Math.floor(secret.length / 2))])
            if (half.length >= 5) expect(joined.join(''), `${label} (half ${half})`).not.toContain(half);
        }
  });
});
