import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { luhn } from './card-number.js';
import { createRedactor } from './redactor.js';

const redaction = (extra: Record<string, unknown> = {}) => parseConfig({ tap: { redaction: extra } }).tap.redaction;
const key = 'unit-test-key-0123456789';

describe('text patterns', () => {
  it('Luhn-checks card numbers', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111 1111 1111 1112')).toBe(false);
    expect(luhn('1234')).toBe(false);
  });

  it('redacts emails, valid cards, bearer tokens and sk- keys, and leaves look-alikes', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const out = r.body(
      'mail a.b+c@mail.example.co, card 4111-1111-1111-1111, order 4111111111111112, Bearer abcdefgh12345, key sk-ant-api03-abcdefghijklmnop',
      'text/plain',
    );
    expect(out).toMatch(
      /^mail \[redacted:email:[0-9a-f]{12}\], card \[redacted:card:[0-9a-f]{12}\], order 4111111111111112, \[redacted:bearer:[0-9a-f]{12}\], key \[redacted:api_key:[0-9a-f]{12}\]$/,
    );
  });

  it('applies configured patterns and can turn the built-ins off', () => {
    const r = createRedactor(redaction({ builtinPatterns: false, patterns: [{ name: 'acct', regex: 'ACCT-\\d+' }] }), key).forExchange();
    expect(r.body('ACCT-42 x@y.example', 'text/plain')).toMatch(/^\[redacted:acct:[0-9a-f]{12}\] x@y\.example$/);
  });

  it('stays linear on a long run of word characters', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const long = `${'a'.repeat(200_000)}@`;
    expect(r.body(long, 'text/plain')).toBe(long);
  });
});

describe('placeholders', () => {
  it('are stable for one key and differ across keys', () => {
    const a = createRedactor(redaction(), key).forExchange().headers({ authorization: 'Bearer t0ken-value' });
    const b = createRedactor(redaction(), key).forExchange().headers({ authorization: 'Bearer t0ken-value' });
    const c = createRedactor(redaction(), 'another-key-0123456789').forExchange().headers({ authorization: 'Bearer t0ken-value' });
    expect(a.authorization).toBe(b.authorization);
    expect(a.authorization).not.toBe(c.authorization);
  });
});

describe('structured redaction', () => {
  it('redacts default and configured headers, scanning the rest with patterns', () => {
    const r = createRedactor(redaction({ headers: ['X-Tenant-Secret'] }), key).forExchange();
    const out = r.headers({ cookie: 'sid=1', 'x-tenant-secret': 'hush', 'x-user': 'me@corp.example', accept: '*/*' });
    expect(out.cookie).toMatch(/^\[redacted:cookie:/);
    expect(out['x-tenant-secret']).toMatch(/^\[redacted:x-tenant-secret:/);
    expect(out['x-user']).toMatch(/^\[redacted:email:/);
    expect(out.accept).toBe('*/*');
  });

  it('applies JSON paths (dotted, wildcard, recursive) and keeps untouched JSON byte-identical', () => {
    const r = createRedactor(redaction({ jsonPaths: ['$.user.password', '$.messages[*].content', '$..ssn'] }), key).forExchange();
    const body = JSON.stringify({
      user: { password: 'pw-123456', name: 'n' },
      messages: [{ content: 'a' }, { content: 'b' }],
      deep: [{ ssn: 1 }],
    });
    const out = JSON.parse(r.body(body, 'application/json')) as {
      user: { password: string; name: string };
      messages: { content: string }[];
      deep: { ssn: string }[];
    };
    expect(out.user.password).toMatch(/^\[redacted:json:/);
    expect(out.user.name).toBe('n');
    expect(out.messages.map((m) => m.content.startsWith('[redacted:json:'))).toEqual([true, true]);
    expect(out.deep[0]?.ssn).toMatch(/^\[redacted:json:/);
    const untouched = '{ "spacing" :  "kept" }';
    expect(r.body(untouched, 'application/json')).toBe(untouched);
  });

  it('redacts secret query parameters and patterns in query values', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const out = r.query('api_key=abc123&q=hello&to=a%40b.example&Access-Token=zz');
    expect(out).toMatch(
      /^api_key=%5Bredacted%3Aapi_key%3A[0-9a-f]{12}%5D&q=hello&to=%5Bredacted%3Aemail%3A[0-9a-f]{12}%5D&Access-Token=%5Bredacted/,
    );
  });

  it('scrubs a redacted secret wherever the same exchange repeats it', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const headers = r.headers({ 'x-api-key': 'plain-secret-value', cookie: 'session=cookie-secret-0001' });
    const body = r.body('{"echo":"plain-secret-value","c":"cookie-secret-0001"}', 'application/json');
    expect(body).toBe(`{"echo":"${headers['x-api-key']}","c":"${headers.cookie}"}`);
  });

  it('redacts SSE data lines and events', () => {
    const r = createRedactor(redaction({ jsonPaths: ['$.secret'] }), key).forExchange();
    const text = r.body('event: x\ndata: {"secret":"s3cr3t-value"}\n\ndata: mail q@w.example\n\n', 'text/event-stream');
    expect(text).not.toContain('s3cr3t-value');
    expect(text).not.toContain('q@w.example');
    expect(r.sseEvent({ at: 1, data: '{"secret":"s3cr3t-value"}' }).data).toMatch(/\[redacted:json:/);
  });
});

describe('JSON inside JSON strings (tool-call arguments)', () => {
  // A chat request's history and a completion carry each tool call's arguments as a JSON string:
  // `"arguments":"{\"password\":\"…\"}"`. Found by a secret seeder run through `understudy tap`:
  // the member inside was stored in the clear (request and response, plain and exported).
  it('redacts secret-named members of JSON held in a string, at every depth, and keeps the string valid JSON', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const args = JSON.stringify({ user: 'bob', password: 'Zx81-plain-word', nested: JSON.stringify({ api_key: 'q7Rw2-no-shape' }) });
    const body = JSON.stringify({
      model: 'm',
      messages: [
        { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'login', arguments: args } }] },
      ],
    });
    const out = r.body(body, 'application/json');
    expect(out).not.toContain('Zx81-plain-word');
    expect(out).not.toContain('q7Rw2-no-shape');
    const stored = JSON.parse(out) as { messages: { tool_calls: { function: { arguments: string } }[] }[] };
    const inner = JSON.parse(stored.messages[0]?.tool_calls[0]?.function.arguments ?? '') as Record<string, string>;
    expect(inner.user).toBe('bob');
    expect(inner.password).toMatch(/^\[redacted:password:[0-9a-f]{12}\]$/);
    expect(JSON.parse(inner.nested ?? '')).toEqual({ api_key: expect.stringMatching(/^\[redacted:api_key:/) });
    // Remembered like any secret-named value: an echo elsewhere in the exchange is scrubbed.
    expect(r.body('{"content":"your password Zx81-plain-word works"}', 'application/json')).not.toContain('Zx81-plain-word');
  });

  it('redacts a secret-named member of streamed tool-call arguments split across deltas, in the events and the body', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const secret = 'Qm4-no-known-shape-77';
    const fragments = ['{"user":"bob","pass', 'word": "', secret.slice(0, 5), secret.slice(5), '"}'];
    const events = fragments.map((args, i) => ({
      at: i,
      data: JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] } }] }),
    }));
    const body = events.map((e) => `data: ${e.data}\n\n`).join('');
    const stored = r.events(events);
    const text = r.body(body, 'text/event-stream', events);
    const args = stored
      .map((e) => (JSON.parse(e.data) as { choices: { delta: { tool_calls: { function: { arguments: string } }[] } }[] }).choices[0]?.delta)
      .map((d) => d?.tool_calls[0]?.function.arguments ?? '')
      .join('');
    expect(args).not.toContain(secret.slice(0, 5));
    expect(args).not.toContain(secret.slice(5));
    expect(JSON.parse(args)).toEqual({ user: 'bob', password: expect.stringMatching(/^\[redacted:password:[0-9a-f]{12}\]$/) });
    expect(text).not.toContain(secret.slice(5));
  });

  // Found by the trust pass: with n > 1 every event carries one choice at position 0 of
  // `choices`, so choice 0's and choice 1's deltas were joined into one text in arrival order.
  it('reads each choice of an interleaved stream (n > 1) on its own text', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const email = 'interleaved.user@mail.example';
    const deltas: [number, string][] = [
      [0, 'write to '],
      [1, 'sure, '],
      [0, email.slice(0, 12)],
      [1, 'it is '],
      [0, email.slice(12)],
      [1, 'done'],
    ];
    const events = deltas.map(([index, content], at) => ({ at, data: JSON.stringify({ choices: [{ index, delta: { content } }] }) }));
    const stored = r
      .events(events)
      .map((e) => e.data)
      .join('\n');
    expect(stored).not.toContain(email.slice(0, 12));
    expect(stored).not.toContain(email.slice(12));
    expect(stored).toContain('[redacted:email:');
    expect(stored).toContain('it is ');
  });

  it('leaves a body whose strings hold no secret-named member byte-identical', () => {
    const r = createRedactor(redaction(), key).forExchange();
    const body = JSON.stringify({ tool_calls: [{ function: { name: 'f', arguments: JSON.stringify({ city: 'Paris', keyword: 'x' }) } }] });
    expect(r.body(body, 'application/json')).toBe(body);
  });
});

describe('JSON paths on a body cut at the capture cap', () => {
  it('still redacts the values under the paths’ final keys, strings cut off at the end included', () => {
    const r = createRedactor(
      redaction({ builtinPatterns: false, jsonPaths: ['$.user.password', '$..pin', '$.items[*].serial'] }),
      key,
    ).forExchange();
    // A truncated body: no longer parses as JSON.
    const cut = '{"user":{"name":"ann","password":"hunter2-secret"},"card":{"pin": 4321},"items":[{"serial":"SN-998877"},{"serial":"SN-99';
    const out = r.body(cut, 'application/json');
    for (const secret of ['hunter2-secret', '4321', 'SN-998877', 'SN-99']) expect(out).not.toContain(secret);
    expect(out).toContain('"name":"ann"');
    // Remembered: the same secret echoed in the response is scrubbed too.
    expect(r.body('{"echo":"your password is hunter2-secret"}', 'application/json')).not.toContain('hunter2-secret');
  });
});
