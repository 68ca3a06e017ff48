import { parseConfig, parseSse } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'redact-sse-text-test-key-0123456789');

/** What a reader of the stored stream reassembles: each event's delta content, in order. */
function content(body: string): string {
  return parseSse(body)
    .map((e) => (JSON.parse(e.data) as { choices: { delta: { content: string } }[] }).choices[0]?.delta.content ?? '')
    .join('');
}

describe('redactSseText: a secret spelled across the deltas of a stream', () => {
  // The email completes in the stream's last event, whatever ends its lines.
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`is redacted in the stored body with ${name} line ends, and no event is lost`, () => {
      // A CR at the very end may be half a CRLF: the parser (and so a reader) waits for what follows it.
      const end = eol === '\r' ? ': done\n' : '';
      const body = `${['Write to ', 'jo', 'hn@exa', 'mple.com'].map((p) => `data: {"choices":[{"delta":{"content":"${p}"}}]}${eol}${eol}`).join('')}${end}`;
      const stored = redactor.forExchange().body(body, 'text/event-stream');
      expect(content(body)).toBe('Write to john@example.com');
      expect(content(stored)).not.toContain('example.com');
      expect(content(stored)).not.toContain('hn@exa');
      expect(content(stored)).toMatch(/^Write to \[redacted:email:/);
      expect(parseSse(stored)).toHaveLength(4);
    });
  }

  for (const eol of ['\r\n', '\r']) {
    it(`redacts a key in a comment line of a clean stream with ${JSON.stringify(eol)} line ends`, () => {
      const token = 'ghp_SseCommentSeed0123456789abcdefghijkl';
      // After a data line: a head read as LF-separated lines would be one line, all 'data:'.
      const body = ['data: {"a":1}', '', `: debug ${token}`, 'data: ok', '', ': end\n'].join(eol);
      const stored = redactor.forExchange().body(body, 'text/event-stream');
      expect(stored).not.toContain(token);
      expect(parseSse(stored).map((e) => e.data)).toEqual(['{"a":1}', 'ok']);
    });
  }

  it('keeps a trailing event without its blank line (a body cut at the cap) and redacts it line by line', () => {
    const body = 'data: {"choices":[{"delta":{"content":"hi"}}]}\r\n\r\ndata: {"password":"hunter2-hunter2"';
    const stored = redactor.forExchange().body(body, 'text/event-stream');
    expect(stored.startsWith('data: {"choices":[{"delta":{"content":"hi"}}]}\r\n\r\n')).toBe(true);
    expect(stored).not.toContain('hunter2');
  });
});
