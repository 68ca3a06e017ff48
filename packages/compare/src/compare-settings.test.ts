import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './adapters/canonicalize.js';
import { compareResponses } from './compare-responses.js';
import { compareOptionsFor, endpointKey } from './compare-settings.js';

describe('compareOptionsFor', () => {
  const config = parseConfig({
    compare: {
      ignore: [
        { endpoint: 'POST /v1/agent/*', paths: ['$.trace_id'] },
        { endpoint: '/v1/**', paths: ['$.meta'] },
        { endpoint: 'GET /v1/agent/*', paths: ['$.never'] },
      ],
      numericTolerance: 0.01,
      noise: { textMargin: 0.1 },
    },
  });

  it('picks the ignore paths whose endpoint glob (method optional) matches', () => {
    const options = compareOptionsFor(config.compare, endpointKey('post', '/v1/agent/run'));
    expect(options.endpoint).toBe('POST /v1/agent/run');
    expect(options.ignorePaths).toEqual(['$.trace_id', '$.meta']);
    expect(options.numericTolerance).toBe(0.01);
    expect(options.judge).toMatchObject({ textMargin: 0.1, textQuantile: 0.02 });
  });

  it('drives compareResponses: ignored fields and tolerated numbers are not differences', () => {
    const options = compareOptionsFor(config.compare, 'POST /v1/agent/run');
    const a = canonicalize({ body: JSON.stringify({ trace_id: 'a', meta: { t: 1 }, total: 100 }) });
    const b = canonicalize({ body: JSON.stringify({ trace_id: 'b', meta: { t: 2 }, total: 100.5 }) });
    expect(compareResponses(b, a, options).verdict).toBe('match');
    expect(compareResponses(b, a, { endpoint: 'POST /v1/agent/run' }).verdict).not.toBe('match');
  });

  it('applies the endpoint ignore paths to tool-call arguments too', () => {
    const chat = (traceId: string, city: string) =>
      canonicalize({
        path: '/v1/agent/run',
        body: JSON.stringify({
          object: 'chat.completion',
          model: 'm',
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: null,
                tool_calls: [
                  { id: 'c1', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ trace_id: traceId, city }) } },
                ],
              },
              finish_reason: 'tool_calls',
            },
          ],
        }),
      });
    const options = compareOptionsFor(config.compare, 'POST /v1/agent/run');
    expect(options.ignoreArgumentPaths).toEqual(['$.trace_id', '$.meta']);
    const ignored = compareResponses(chat('b', 'Paris'), chat('a', 'Paris'), options);
    expect(ignored.categories.find((c) => c.name === 'tool_call')?.differences).toEqual([]);
    // A field outside the ignore list is still a difference, so the ignore does not hide everything.
    const changed = compareResponses(chat('b', 'Lyon'), chat('a', 'Paris'), options);
    expect(changed.categories.find((c) => c.name === 'tool_call')?.differences).toMatchObject([
      { kind: 'value_change', path: 'tool_calls[0].arguments.city' },
    ]);
  });
});
