import { describe, expect, it } from 'vitest';
import { compareResponses } from '../compare-responses.js';
import { canonicalize } from './canonicalize.js';

const chat = (content: string) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  path: '/v1/chat/completions',
  body: JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }),
});
const stream = (content: string) => ({
  status: 200,
  headers: { 'content-type': 'text/event-stream' },
  path: '/v1/chat/completions',
  sseEvents: content
    .split(/(?<=\s)/)
    .map((d, i) => ({ data: JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: d } }] }), at: i })),
});
const factDifferences = (a: ReturnType<typeof chat> | ReturnType<typeof stream>, b: typeof a) => {
  const report = compareResponses(canonicalize(b), canonicalize(a), { endpoint: 'POST /v1/chat/completions', noise: null });
  return { report, facts: report.categories.filter((c) => c.name === 'fact').flatMap((c) => c.differences.map((d) => d.message)) };
};

/**
 * The redactor replaces a secret by `[redacted:<kind>:<keyed digest>]`: equal secrets, equal
 * placeholders. A secret that differs between production and a candidate (a new key, a reset
 * link's token, a temporary password) differs in its digest, and was a fact change by itself
 * (`redacted:api_key:91a6… → redacted:api_key:ad13…`; trust audit 3). The digest is left out of
 * what is compared; the kind stays, and a real change next to it is still found.
 */
describe('redaction placeholders in compared answers', () => {
  for (const [name, shape] of [
    ['JSON', chat],
    ['a stream', stream],
  ] as const) {
    it(`${name}: a secret that differs is no fact change by itself`, () => {
      const { report, facts } = factDifferences(
        shape(
          'Your new API key is [redacted:api_key:91a622a9d052]. Keep it safe. Reset link: https://shop.example/reset/[redacted:token:4bb5606a1348]',
        ),
        shape(
          'Your new API key is [redacted:api_key:ad134a38baea]. Keep it safe. Reset link: https://shop.example/reset/[redacted:token:9fa875a0980f]',
        ),
      );
      expect(facts).toEqual([]);
      expect(report.verdict).not.toBe('regression');
    });

    it(`${name}: a change beside it is still found, and a secret dropped is still a difference`, () => {
      const amount = factDifferences(
        shape('Refund of $35 issued for order 10042. Your temporary password is [redacted:password:3793b97a5547].'),
        shape('Refund of $45 issued for order 10042. Your temporary password is [redacted:password:a5adb9a186d7].'),
      );
      expect(amount.facts.join(' ')).toContain('$35');
      expect(amount.facts.join(' ')).not.toContain('redacted');
      expect(amount.report.verdict).toBe('regression');
      const dropped = compareResponses(
        canonicalize(shape('Your temporary password is ready.')),
        canonicalize(shape('Your temporary password is [redacted:password:3793b97a5547].')),
        { endpoint: 'POST /v1/chat/completions', noise: null },
      );
      expect(dropped.verdict).not.toBe('match');
    });
  }
});
