import { parseConfig } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatDeltas } from '../test/chat-deltas.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'card-property-key-0123456789abcdef');

/** The Luhn check digit for `body` (written here, not imported: the test must not share the code it checks). */
function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Issuers as their published IIN tables list them (prefix, then the lengths they issue): test
 * numbers of every network a user may paste, not only Visa's 4111….
 */
const issuers: readonly { prefixes: readonly string[]; lengths: readonly number[] }[] = [
  { prefixes: ['4'], lengths: [13, 16, 19] }, // Visa
  { prefixes: ['51', '52', '53', '54', '55', '2221', '2230', '2500', '2699', '2720'], lengths: [16] }, // Mastercard
  { prefixes: ['34', '37'], lengths: [15] }, // American Express
  { prefixes: ['6011', '644', '649', '65', '622126', '622925'], lengths: [16, 19] }, // Discover
  { prefixes: ['300', '305', '3095', '36', '38', '39'], lengths: [14, 16] }, // Diners Club
  { prefixes: ['3528', '3550', '3589'], lengths: [16, 19] }, // JCB
  { prefixes: ['62', '81'], lengths: [16, 17, 18, 19] }, // UnionPay
  { prefixes: ['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6763', '56', '58'], lengths: [13, 16, 19] }, // Maestro
  { prefixes: ['2200', '2204'], lengths: [16] }, // Mir
  { prefixes: ['60', '82', '508'], lengths: [16] }, // RuPay
  { prefixes: ['9792'], lengths: [16] }, // Troy
  { prefixes: ['1'], lengths: [15] }, // UATP
];

const digit = fc.integer({ min: 0, max: 9 }).map(String);

/** A valid card number of a real issuer, written the ways people and forms write them. */
const validCard = fc
  .constantFrom(...issuers)
  .chain((issuer) => fc.tuple(fc.constantFrom(...issuer.prefixes), fc.constantFrom(...issuer.lengths)))
  .chain(([prefix, length]) =>
    fc
      .tuple(
        fc.array(digit, { minLength: length - 1 - prefix.length, maxLength: length - 1 - prefix.length }),
        fc.constantFrom('', ' ', '-'),
      )
      .map(([rest, sep]) => {
        const body = prefix + rest.join('');
        return { digits: body + checkDigit(body), sep };
      }),
  )
  .map(({ digits, sep }) => {
    if (sep === '') return digits;
    // Amex and 14-digit Diners are printed 4-6-5 / 4-6-4; everything else in fours.
    if (digits.length === 15 && /^3[47]/.test(digits)) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
    if (digits.length === 14) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
    return (digits.match(/.{1,4}/g) ?? []).join(sep);
  });

const before = fc.constantFrom(' ', '\n', '\t', ': ', '(', '"', '= ', 'card: ', 'cc=', '#', '\n\n');
const after = fc.constantFrom(' ', '\n', '.', ',', ')', ' 123', ' 12/29', ' exp 12/29 cvv 123', '', ';');

function digitsOf(s: string): string {
  return s.replace(/[ -]/g, '');
}

describe('card numbers: every issuer and format is redacted (fast-check)', () => {
  it('in JSON strings, JSON numbers, plain text and SSE deltas (4 000 cards)', () => {
    fc.assert(
      fc.property(validCard, before, after, fc.array(fc.nat(200), { maxLength: 8 }), (card, b, a, cuts) => {
        const sentence = `my card${b}${card}${a} thanks`;
        const json = redactor.forExchange().body(JSON.stringify({ messages: [{ role: 'user', content: sentence }] }), 'application/json');
        expect(digitsOf(json)).not.toContain(digitsOf(card));
        const text = redactor.forExchange().body(sentence, 'text/plain');
        expect(digitsOf(text)).not.toContain(digitsOf(card));
        if (!card.includes(' ') && !card.includes('-')) {
          const number = redactor.forExchange().body(`{"card":${card},"cvv":"123"}`, 'application/json');
          expect(number).not.toContain(card);
        }
        const stored = redactor.forExchange().events(chatDeltas(sentence, cuts));
        const spelled = stored
          .map((e) => (JSON.parse(e.data) as { choices: { delta: { content: string } }[] }).choices[0]?.delta.content)
          .join('');
        expect(digitsOf(spelled)).not.toContain(digitsOf(card));
      }),
      { numRuns: 4_000, seed: 41 },
    );
  });
});

/**
 * Milliseconds from 2001-09-09 to 2096-10-02: the 13-digit timestamps a JSON API writes today and
 * for decades (from 4 000 000 000 000 they start as 13-digit Visa numbers do).
 */
const millis = fc.integer({ min: 1_000_000_000_000, max: 3_990_000_000_000 });
/**
 * Microseconds (16 digits) and nanoseconds (19) up to 2039-09-18: from 2 200 000 000 000 000 µs
 * they start as Mir and Mastercard numbers of those lengths do.
 */
const finer = fc
  .tuple(fc.integer({ min: 1_000_000_000_000, max: 2_199_999_999_999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([ms, sub]) => {
    const micros = `${ms}${String(sub % 1000).padStart(3, '0')}`;
    return { micros, nanos: `${micros}${String(sub).padStart(6, '0').slice(0, 3)}` };
  });

/** Any double with a fraction: small, large, written with an exponent or not (integers are ids, covered above). */
const fraction = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Number.isInteger(v));

describe('numbers that are not cards are kept byte for byte (fast-check)', () => {
  it('millisecond timestamps as JSON numbers, strings and in text (5 000 bodies)', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        const body = JSON.stringify({ id: `chatcmpl-${ms}`, created_at: ms, updated: String(ms), note: `sent at ${ms}.` });
        expect(redactor.forExchange().body(body, 'application/json')).toBe(body);
        const line = `created_at=${ms}&expires=${ms + 3_600_000}`;
        expect(redactor.forExchange().body(line, 'text/plain')).toBe(line);
        expect(redactor.forExchange().query(line)).toBe(line);
      }),
      { numRuns: 5_000, seed: 42 },
    );
  });

  it('microsecond and nanosecond timestamps as JSON numbers and in text (3 000 bodies)', () => {
    fc.assert(
      fc.property(finer, ({ micros, nanos }) => {
        const body = `{"ts_us":${micros},"ts_ns":${nanos},"note":"at ${micros} us (${nanos} ns)"}`;
        expect(redactor.forExchange().body(body, 'application/json')).toBe(body);
      }),
      { numRuns: 3_000, seed: 44 },
    );
  });

  it('floating-point values as JSON writes them (logprobs, embeddings, scores: 3 000 bodies)', () => {
    fc.assert(
      fc.property(fc.array(fraction, { minLength: 1, maxLength: 16 }), (values) => {
        const body = JSON.stringify({ data: [{ embedding: values, logprob: values[0] }] });
        expect(redactor.forExchange().body(body, 'application/json')).toBe(body);
      }),
      { numRuns: 3_000, seed: 43 },
    );
  });
});
