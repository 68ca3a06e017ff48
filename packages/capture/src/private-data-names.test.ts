import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { isSecretName } from './header-policy.js';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'private-data-names-key-0123456789';
const r = () => createRedactor(redaction, key).forExchange();

/** Each name written as a seeder would: as is, upper-case, kebab, snake, camel and as a prefix's last word. */
function spellings(words: readonly string[]): string[] {
  const lower = words.map((w) => w.toLowerCase());
  const camel = lower.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return [
    lower.join('_'),
    lower.join('-'),
    lower.join('_').toUpperCase(),
    camel,
    `user_${lower.join('_')}`,
    `card${camel.charAt(0).toUpperCase()}${camel.slice(1)}`,
  ];
}

/**
 * A PIN, a card's verification code, an IBAN, a social security number, a one-time or TOTP code,
 * a security question's answer and a card number under its own name hold no shape a pattern can
 * tell from an order number: only the member's name says what they are. Found by trust audit 2
 * (2026-12-03): each was stored as written.
 */
describe('members named for private data', () => {
  const named: readonly [readonly string[], string][] = [
    [['pin'], '4821'],
    [['pin', 'code'], '482113'],
    [['cvv'], '123'],
    [['cvv2'], '7391'],
    [['cvc'], '042'],
    [['iban'], 'DE89370400440532013000'],
    [['ssn'], '123-45-6789'],
    [['otp'], '482913'],
    [['otp', 'code'], '482913'],
    [['totp'], '771204'],
    [['security', 'answer'], 'Fluffy the cat'],
    [['card', 'number'], '4000 0012 3456 7899'],
    [['x', 'api', 'key'], 'Zq8-short'],
  ];

  it('are secret names however they are written', () => {
    for (const [words] of named) for (const name of spellings(words)) expect(isSecretName(name), name).toBe(true);
  });

  it('have their values redacted in JSON, strings and numbers alike, in a query and in a form', () => {
    for (const [words, value] of named)
      for (const name of spellings(words)) {
        const asNumber = /^\d+$/.test(value) && !value.startsWith('0') ? value : JSON.stringify(value);
        const body = `{"payment":{"${name}":${JSON.stringify(value)},"n":1},"list":[{"${name}": ${asNumber}}]}`;
        const out = r().body(body, 'application/json');
        expect(out, body).not.toContain(value);
        expect(JSON.parse(out).payment.n).toBe(1);
        expect(r().query(`${name}=${encodeURIComponent(value)}&page=2`)).toMatch(/^[^=]+=%5Bredacted%3A[^&]+&page=2$/);
        expect(r().body(`${name}=${encodeURIComponent(value)}&page=2`, 'application/x-www-form-urlencoded')).not.toContain(
          encodeURIComponent(value),
        );
      }
  });

  it('and the credential names a seeder tries, in every spelling, are secret names too (a guard: each was already)', () => {
    for (const words of [
      ['passphrase'],
      ['private', 'key'],
      ['secret', 'key'],
      ['access', 'token'],
      ['refresh', 'token'],
      ['id', 'token'],
      ['session'],
      ['session', 'id'],
      ['sessionid'],
    ])
      for (const name of spellings(words)) expect(isSecretName(name), name).toBe(true);
  });

  it('have short codes redacted where prose labels them', () => {
    for (const text of ['PIN: 4821', 'my pin is 4821', 'CVV 123', 'the CVC: 042.', 'Your OTP is 482913', 'otp code: 482913'])
      expect(r().body(text, 'text/plain'), text).toMatch(/\[redacted:/);
  });

  it('leave names that only contain those letters, objects under them, and ordinary figures', () => {
    for (const name of [
      'pinned',
      'spinner',
      'shipping',
      'option',
      'topping',
      'answer',
      'security_level',
      'answer_count',
      'opinion',
      'cardholder',
    ])
      expect(isSecretName(name), name).toBe(false);
    const body =
      '{"pinned":true,"spinner":"dots","shipping":"4821","option":"otp-less","answer":"42","order_id":"A-48213","total":"$1,299.00","date":"2026-12-03","pin":{"lat":51.5,"lng":-0.12}}';
    expect(r().body(body, 'application/json')).toBe(body);
    const prose = 'Order 48213 ships on 2026-12-03 for $1,299.00; pin the tab, spin the wheel, answer 42, option 3.';
    expect(r().body(prose, 'text/plain')).toBe(prose);
  });
});
