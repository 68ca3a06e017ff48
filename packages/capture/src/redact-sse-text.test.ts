import { parseConfig, parseSse } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { otherLineStarts } from './redact-sse-text.js';
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

describe('otherLineStarts: the lines of a LF stream that are not data lines', () => {
  /** The same, line by line: each line's start, kept when the line is neither empty nor a data line. */
  const byLines = (text: string): number[] => {
    const starts: number[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      if (line !== '' && !line.startsWith('data:')) starts.push(at);
      at += line.length + 1;
    }
    return starts;
  };
  const line = fc.oneof(
    fc.constantFrom('data: {"a":1}', 'data:', 'data', 'dat', 'event: ping', 'id: 7', ': comment', 'retry: 10', ' data: x', 'Data: x', ''),
    fc.string({ maxLength: 8 }).filter((s) => !s.includes('\n')),
    fc.constantFrom('data: a\u2028id: sk-x', 'id: a\u2029b', 'data: \r'),
  );

  it('finds what reading the text line by line finds (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        expect(otherLineStarts(text)).toEqual(byLines(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('a key on an id line of a clean LF stream is redacted; a data line holding U+2028 is not cut there', () => {
    const clean = 'data: {"a":"x\u2028id: Zq7xW2mPq"}\n\n';
    expect(redactor.forExchange().body(clean, 'text/event-stream')).toBe(clean);
    const key = `sk-proj-${'a1B2c3D4'.repeat(4)}`;
    const stored = redactor.forExchange().body(`id: ${key}\ndata: {"a":1}\n\n`, 'text/event-stream');
    expect(stored).not.toContain(key);
    expect(stored).toMatch(/^id: \[redacted:/);
  });
});
