import type { SseEvent } from '@understudy/core';
import { parseConfig } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatDeltas } from '../test/chat-deltas.js';
import { escapeLetters } from '../test/escape-letters.js';
import { luhn } from './card-number.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'property-test-key-0123456789abcdef');

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const upperNum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const run = (chars: fc.Arbitrary<string>, min: number, max: number) =>
  fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(''));

/** A Luhn-valid card number of 16 digits from an issuer's prefix (every issuer is in card-number.property.test), grouped or not. */
const card = fc
  .tuple(
    fc.constantFrom('4', '51', '55', '2221', '2720', '6011', '65', '3528', '62'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([prefix, digits, sep]) => {
    const body = (prefix + digits.join('')).slice(0, 15);
    for (let check = 0; check < 10; check++) {
      const n = `${body}${check}`;
      if (luhn(n)) return sep === '' ? n : (n.match(/.{4}/g) ?? []).join(sep);
    }
    return `${body}0`;
  });

/** Secrets of every shape the issue names. */
const secret = fc.oneof(
  run(alnum, 20, 40).map((s) => `sk-${s}`),
  run(alnum, 20, 40).map((s) => `sk-ant-api03-${s}`),
  run(alnum, 24, 30).map((s) => `sk_live_${s}`),
  run(upperNum, 16, 16).map((s) => `AKIA${s}`),
  run(alnum, 36, 36).map((s) => `ghp_${s}`),
  run(alnum, 12, 30).map((s) => `xoxb-${s}`),
  fc.tuple(run(alnum, 10, 30), run(alnum, 10, 40), run(alnum, 10, 40)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
  run(alnum, 20, 40).map((s) => `Bearer ${s}`),
  fc.tuple(run(alnum, 3, 12), run(alnum, 2, 10)).map(([user, host]) => `${user.toLowerCase()}@${host.toLowerCase()}.example.com`),
  card,
);

/** What stands before a secret: separators, escaped control characters, other digits for cards. */
const before = fc.constantFrom(' ', '\n', '\t', '\r\n', ': ', '(', '"', '= ', 'key: ', '\u0001', '\n\n');
/** What follows it: separators, a CVV or an expiry after a card. */
const after = fc.constantFrom(' ', '\n', '.', ',', ')', ' 123', ' 12/29', ' cvv 123', '');
const words = fc
  .array(fc.constantFrom('please', 'use', 'the', 'key', 'order', '42', 'thanks', 'my', 'is'), { maxLength: 8 })
  .map((w) => w.join(' '));

const embedded = fc.record({ secret, before, after, head: words, tail: words });

/** The assistant text the stored events spell, reassembled as a client would. */
function reassembled(events: readonly SseEvent[]): string {
  return events.map((e) => (JSON.parse(e.data) as { choices: { delta: { content: string } }[] }).choices[0]?.delta.content ?? '').join('');
}

/** Whether a card runs straight into more digits (`…0002` + `42`): that is another, longer number. */
function runsOn(secretText: string, after: string, tail: string): boolean {
  return /^[\d -]+$/.test(secretText) && after === '' && /^\d/.test(tail);
}

/** The secret's core: a card is checked by its digits (grouping aside), the rest as written. */
function leaked(secretText: string, stored: string): boolean {
  const core = secretText.startsWith('Bearer ') ? secretText.slice(7) : secretText;
  if (/^[\d -]+$/.test(core)) return stored.replace(/[ -]/g, '').includes(core.replace(/[ -]/g, ''));
  return stored.includes(core);
}

describe('redaction property: no generated secret survives (fast-check)', () => {
  it('in JSON bodies, escaped control characters before the key included (8 000 secrets)', () => {
    fc.assert(
      fc.property(embedded, ({ secret: s, before: b, after: a, head, tail }) => {
        fc.pre(!runsOn(s, a, tail));
        const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${head}${b}${s}${a}${tail}` }] });
        const out = redactor.forExchange().body(body, 'application/json');
        expect(leaked(s, out)).toBe(false);
        // Still JSON, with the same shape.
        expect((JSON.parse(out) as { messages: unknown[] }).messages).toHaveLength(1);
      }),
      { numRuns: 8_000, seed: 10 },
    );
  });

  it('in plain text (6 000 secrets)', () => {
    fc.assert(
      fc.property(embedded, ({ secret: s, before: b, after: a, head, tail }) => {
        fc.pre(!runsOn(s, a, tail));
        const out = redactor.forExchange().body(`${head}${b}${s}${a}${tail}`, 'text/plain');
        expect(leaked(s, out)).toBe(false);
      }),
      { numRuns: 6_000, seed: 11 },
    );
  });

  it('in SSE deltas: no sequence of stored events spells a secret, raw stream text included (6 000 secrets)', () => {
    fc.assert(
      fc.property(embedded, fc.array(fc.nat(400), { maxLength: 12 }), ({ secret: s, before: b, after: a, head, tail }, cuts) => {
        fc.pre(!runsOn(s, a, tail));
        const events = chatDeltas(`${head}${b}${s}${a}${tail}`, cuts);
        const r = redactor.forExchange();
        const stored = r.events(events);
        expect(leaked(s, reassembled(stored))).toBe(false);
        expect(leaked(s, stored.map((e) => e.data).join(''))).toBe(false);
        const raw = events.map((e) => `data: ${e.data}\n\n`).join('');
        const storedRaw = redactor.forExchange().body(raw, 'text/event-stream');
        expect(
          leaked(
            s,
            reassembled(
              storedRaw
                .split('\n\n')
                .filter((x) => x !== '')
                .map((x) => ({ at: 0, data: x.slice(6) })),
            ),
          ),
        ).toBe(false);
      }),
      { numRuns: 6_000, seed: 12 },
    );
  });

  it('keeps placeholders stable: the same secret gets the same placeholder in every exchange and shape', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const a = redactor.forExchange().body(`x ${s} y`, 'text/plain');
        const b = redactor.forExchange().body(JSON.stringify({ note: `x ${s} y` }), 'application/json');
        const tokenA = /\[redacted:[a-z_]+:[0-9a-f]{12}\]/.exec(a)?.[0];
        expect(tokenA).toBeDefined();
        expect(b).toContain(tokenA);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('in JSON held in JSON strings (tool-call arguments, 1-3 levels down): a secret-named value of no known shape never survives (2 000 bodies)', () => {
    const secretName = fc.constantFrom('password', 'api_key', 'apiKey', 'client_secret', 'access_token', 'x-auth-token', 'sessionId');
    fc.assert(
      fc.property(secretName, run(alnum, 12, 30), fc.integer({ min: 1, max: 3 }), (name, value, depth) => {
        let inner = JSON.stringify({ query: 'flights to Paris', [name]: value, passengers: 2 });
        for (let d = 1; d < depth; d++) inner = JSON.stringify({ payload: inner });
        const body = JSON.stringify({ tool_calls: [{ function: { name: 'call', arguments: inner } }] });
        const out = redactor.forExchange().body(body, 'application/json');
        expect(out).not.toContain(value);
        // Still JSON, every level of it.
        let level: unknown = JSON.parse(out);
        level = (level as { tool_calls: { function: { arguments: string } }[] }).tool_calls[0]?.function.arguments;
        for (let d = 0; d < depth; d++) {
          const parsed = JSON.parse(level as string) as { payload?: string; query: string };
          level = parsed.payload;
          if (d === depth - 1) expect(parsed.query).toBe('flights to Paris');
        }
      }),
      { numRuns: 2000, seed: 29 },
    );
  });

  it('written with JSON \\u escapes of ASCII letters (names too), in bodies and SSE events: found as decoded text (4 000 secrets)', () => {
    const mask = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
    const decoded = (json: string): string => JSON.stringify(JSON.parse(json));
    fc.assert(
      fc.property(embedded, mask, fc.array(fc.nat(400), { maxLength: 8 }), ({ secret: s, before: b, after: a, head, tail }, bits, cuts) => {
        fc.pre(!runsOn(s, a, tail));
        const pick = (i: number): boolean => bits[i % bits.length] === true;
        const content = `${head}${b}${s}${a}${tail}`;
        const body = escapeLetters(JSON.stringify({ messages: [{ role: 'user', content }], auth: { password: 'Pw-no-shape-0042' } }), pick);
        const out = redactor.forExchange().body(body, 'application/json');
        expect(leaked(s, decoded(out))).toBe(false);
        expect(decoded(out)).not.toContain('Pw-no-shape-0042');
        const events = chatDeltas(content, cuts).map((e) => ({ ...e, data: escapeLetters(e.data, pick) }));
        const stored = redactor.forExchange().events(events);
        expect(leaked(s, reassembled(stored))).toBe(false);
        const raw = redactor.forExchange().body(events.map((e) => `data: ${e.data}\n\n`).join(''), 'text/event-stream');
        const rawEvents = raw
          .split('\n\n')
          .filter((x) => x !== '')
          .map((x, i) => ({ at: i, data: x.slice(6) }));
        expect(leaked(s, reassembled(rawEvents))).toBe(false);
      }),
      { numRuns: 4_000, seed: 30 },
    );
  });

  it('keeps a body with escapes and no secret byte for byte (2 000 bodies)', () => {
    const word = fc.constantFrom('order', 'shipped', 'Paris', '<b>', 'a/b', 'count', 'board', '42', 'x & y');
    fc.assert(
      fc.property(
        fc.dictionary(
          word,
          fc.array(word, { maxLength: 6 }).map((w) => w.join(' ')),
        ),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (doc, bits) => {
          const body = escapeLetters(JSON.stringify(doc), (i) => bits[i % 16] === true).replaceAll('/', '\\/');
          expect(redactor.forExchange().body(body, 'application/json')).toBe(body);
        },
      ),
      { numRuns: 2_000, seed: 31 },
    );
  });
});
