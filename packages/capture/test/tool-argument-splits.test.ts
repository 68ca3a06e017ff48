import type { SseEvent } from '@understudy/core';
import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../src/redactor.js';
import { SseCapture } from '../src/sse-capture.js';

/**
 * Trust audit 8: a tool call's arguments streamed in two deltas cut at every place — inside the
 * arguments' own JSON escape (`\"` before the secret), inside a surrogate pair (`🔑`), inside a
 * secret — in each protocol's shape, and four-character deltas whose stream's bytes arrive cut at
 * every byte (inside a UTF-8 sequence, inside `\\\"`). The secrets are in no stored event and no
 * stored body.
 */
const redaction = parseConfig({}).tap.redaction;
const key = 'tool-argument-splits-key-0123456789';
const quoted = 'A8SplitQuoted-901';
const named = 'A8SplitNamed-902';
const args = JSON.stringify({ path: '/etc/app.env', content: `DB_PASSWORD="${quoted}" # pässwörd ☃ 🔑\nAPI_TOKEN=${named}\n` });

const protocols: readonly [string, (d: string, i: number) => SseEvent][] = [
  [
    'OpenAI chat',
    (d, i) => ({
      at: i,
      data: JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: d } }] } }] }),
    }),
  ],
  [
    'Anthropic messages',
    (d, i) => ({
      at: i,
      event: 'content_block_delta',
      data: JSON.stringify({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: d } }),
    }),
  ],
  [
    'OpenAI Responses',
    (d, i) => ({
      at: i,
      event: 'response.function_call_arguments.delta',
      data: JSON.stringify({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 0, delta: d }),
    }),
  ],
];
const body = (events: readonly SseEvent[]): string =>
  events.map((e) => `${e.event === undefined ? '' : `event: ${e.event}\n`}data: ${e.data}\n\n`).join('');
const holds = (stored: string): boolean => stored.includes(quoted) || stored.includes(named);

describe('tool-call arguments split at every place (trust audit 8)', () => {
  for (const [name, event] of protocols)
    it(`${name}: two deltas cut at each of the arguments' ${args.length + 1} places`, () => {
      const leaks: number[] = [];
      for (let cut = 0; cut <= args.length; cut++) {
        const events = [args.slice(0, cut), args.slice(cut)].map(event);
        const stored = createRedactor(redaction, key).forExchange();
        if (holds(JSON.stringify(stored.events(events))) || holds(stored.body(body(events), 'text/event-stream'))) leaks.push(cut);
      }
      expect(leaks).toEqual([]);
    });

  it('four-character deltas whose bytes arrive in two writes cut at every byte', () => {
    const deltas = args.match(/[\s\S]{1,4}/g) ?? [];
    const bytes = Buffer.from(body(deltas.map((d, i) => (protocols[0] as (typeof protocols)[number])[1](d, i))));
    const leaks: number[] = [];
    for (let cut = 0; cut <= bytes.length; cut++) {
      const sse = new SseCapture(1 << 20);
      sse.push(bytes.subarray(0, cut), 0);
      sse.push(bytes.subarray(cut), 1);
      sse.end();
      if (holds(JSON.stringify(createRedactor(redaction, key).forExchange().events(sse.events)))) leaks.push(cut);
    }
    expect(leaks).toEqual([]);
  });
});
