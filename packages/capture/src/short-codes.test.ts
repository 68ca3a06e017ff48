import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'short-codes-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');

/**
 * One-time and verification codes, an SSN, and a PIN stated with another language's copula: a
 * few digits that only their label marks as a credential. Found by trust audit 2 (2026-12-03):
 * `your verification code is 482913`, `my SSN is 123-45-6789`, `meine PIN ist 4821` were stored.
 */
describe('short codes stated in prose and named in JSON', () => {
  it('are redacted after their label', () => {
    for (const [text, code] of [
      ['your verification code is 482913', '482913'],
      ['Security code: 731', '731'],
      ['your one-time code 482913 expires soon', '482913'],
      ['2FA code: 482913', '482913'],
      ['MFA code is 771204.', '771204'],
      ['the confirmation code is 90417325', '90417325'],
      ['login code: 482913', '482913'],
      ['my SSN is 123-45-6789', '123-45-6789'],
      ['meine PIN ist 4821', '4821'],
      ['mi PIN es 4821', '4821'],
      ['il mio PIN è 4821', '4821'],
      ['o PIN é 4821', '4821'],
    ] as const) {
      expect(stored(text), text).not.toContain(code);
      expect(
        createRedactor(redaction, key)
          .forExchange()
          .body(JSON.stringify({ messages: [{ content: text }] }), 'application/json'),
      ).not.toContain(code);
    }
    for (const name of ['verification_code', 'securityCode', 'otp-code', 'mfaCode', 'recovery_codes', 'backupCode'])
      expect(createRedactor(redaction, key).forExchange().body(`{"${name}":"482913"}`, 'application/json'), name).not.toContain('482913');
  });

  it('leave codes that are no credential, and the figures around them', () => {
    for (const text of [
      'promo code SAVE20 gives 20 % off order 48213',
      'zip code 94107, area code 415, status code 404, error code: 500',
      'the code is 42 lines long; discount code 2024 ends on 2026-12-03',
      'security update 2026-12-03, access 24/7, login at 09:30',
      '{"status_code":404,"zip_code":"94107","access_count":12,"login_at":"09:30"}',
    ])
      expect(stored(text), text).toBe(text);
  });
});
