import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { escapeLetters } from '../test/escape-letters.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'escaped-secrets-key-0123456789abcdef');
const all = () => true;

/** The body as a reader of the JSON sees it: escapes decoded. */
const decoded = (json: string): string => JSON.stringify(JSON.parse(json));

describe('secrets written with JSON \\u escapes of ASCII letters', () => {
  it('are found in string values: a key, a bearer token, an email', () => {
    const key = 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12';
    const body = `{"messages":[{"role":"user","content":"use sk-\\u0070roj-Ab12Cd34Ef56Gh78Ij90Kl12 and Bearer \\u0061bcdefgh12345678 or \\u0061lice@corp.example.com"}]}`;
    expect(JSON.parse(body).messages[0].content).toContain(key);
    const out = redactor.forExchange().body(body, 'application/json');
    expect(decoded(out)).not.toContain(key);
    expect(decoded(out)).not.toContain('abcdefgh12345678');
    expect(decoded(out)).not.toContain('alice@corp.example.com');
    expect(out).not.toContain('Ab12Cd34Ef56Gh78Ij90Kl12');
  });

  it('are found when every letter is escaped, and under an escaped secret name (an Authorization header written in JSON)', () => {
    const body = escapeLetters(
      JSON.stringify({
        request: { headers: { Authorization: 'Token no-known-shape-9f8e7d' }, password: 'hunter2-pw-no-shape' },
        note: 'sk-ant-api03-abcdefghijklmnopqrst',
      }),
      all,
    );
    const out = redactor.forExchange().body(body, 'application/json');
    for (const secret of ['no-known-shape-9f8e7d', 'hunter2-pw-no-shape', 'sk-ant-api03-abcdefghijklmnopqrst'])
      expect(decoded(out)).not.toContain(secret);
  });

  it('are found in tool-call arguments (JSON in a JSON string) escaped at the inner level', () => {
    const args = '{"user":"bob","p\\u0061ssword":"Zx81-plain-word"}';
    expect(JSON.parse(args)).toEqual({ user: 'bob', password: 'Zx81-plain-word' });
    const body = JSON.stringify({ tool_calls: [{ function: { name: 'login', arguments: args } }] });
    const out = redactor.forExchange().body(body, 'application/json');
    expect(out).not.toContain('Zx81-plain-word');
    const stored = JSON.parse(JSON.parse(out).tool_calls[0].function.arguments) as Record<string, string>;
    expect(stored.user).toBe('bob');
    expect(stored.password).toMatch(/^\[redacted:/);
  });

  it('are found in SSE events: escaped content deltas and escaped names of streamed arguments', () => {
    const r = redactor.forExchange();
    const events = [
      { at: 0, data: '{"choices":[{"index":0,"delta":{"content":"key sk-\\u0070r"}}]}' },
      { at: 1, data: '{"choices":[{"index":0,"delta":{"content":"oj-Ab12Cd34Ef56Gh78Ij90 ok"}}]}' },
      { at: 2, data: '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"p\\\\u0061ss"}}]}}]}' },
      {
        at: 3,
        data: '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"word\\":\\"Qm4-no-shape-77\\"}"}}]}}]}',
      },
    ];
    const stored = r.events(events);
    const text = stored.map((e) => decoded(e.data)).join('');
    expect(text).not.toContain('Ab12Cd34Ef56Gh78Ij90');
    expect(text).not.toContain('Qm4-no-shape-77');
    const body = r.body(events.map((e) => `data: ${e.data}\n\n`).join(''), 'text/event-stream');
    expect(body).not.toContain('Ab12Cd34Ef56Gh78Ij90');
    expect(body).not.toContain('Qm4-no-shape-77');
  });

  it('leave bodies without a secret byte-identical, escapes and all', () => {
    const body = '{"html":"\\u003cb\\u003eHi\\u003c\\/b\\u003e","url":"https:\\/\\/example.com\\/a","name":"\\u0041nn","n":1}';
    expect(redactor.forExchange().body(body, 'application/json')).toBe(body);
  });
});
