import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'link-tokens-key-0123456789abcdef';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ choices: [{ message: { role: 'assistant', content: text } }] }), 'application/json');

/**
 * A short token (under the 24 characters a token needs alone) with no secret name in a link that
 * itself grants access — a password reset, an invitation, a verification, a magic sign-in, an
 * unsubscribe link — as a path segment or a query value, or a whole query of its own (`/?Kq8Z…`).
 * Each was stored (trust audit 2's Left list; trust audit 3). The ids, slugs, hashes, dates and
 * prices of ordinary links are facts the divergence engine reads, kept byte for byte.
 */
describe('a short token in an access link', () => {
  const tokens = ['Kq8Zx2Vb7N', 'p9Lc3RmX2t', 'A7fK2pQ9xZ4m', 'x8Tz2Kq'];
  const links = [
    'https://shop.example/reset/{t}',
    'https://shop.example/password/reset/{t}',
    'https://shop.example/reset-password?t={t}',
    'https://shop.example/account/verify?k={t}&lang=en',
    'https://app.example/invite/{t}',
    'https://app.example/invitations/accept/{t}',
    'https://app.example/auth/magic-link/{t}',
    'https://app.example/login/{t}',
    'https://news.example/unsubscribe/{t}',
    'https://app.example/confirm-email/{t}',
    'https://app.example/activate?c={t}',
    'https://shop.example/?{t}',
  ];

  it('is redacted, in text and in a JSON string', () => {
    for (const link of links)
      for (const t of tokens) {
        if (t.length < 8) continue;
        const text = `Use this link: ${link.replace('{t}', t)} (valid 1 hour).`;
        expect(stored(text), text).not.toContain(t);
        expect(storedJson(text), text).not.toContain(t);
      }
  });

  it('leaves ids, slugs, hashes, dates and prices of ordinary links byte for byte', () => {
    for (const text of [
      'Order: https://shop.example/orders/ORD-2024-88123?tab=items',
      'Booking https://air.example/booking/XK7P2Q/seat/14C',
      'Video https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'Product https://www.amazon.com/dp/B07XJ8C8F5?th=1',
      'Commit https://git.example/org/repo/commit/3f9c2a1b7e4d',
      'Issue https://tracker.example/browse/PROJ-4821',
      'Read https://help.example/articles/how-to-reset-your-password',
      'Reset guide https://help.example/reset/step-2',
      'See https://help.example/password/reset/faq',
      'Invoice https://shop.example/invoices/INV2026A0042.pdf?date=2026-12-03&total=35.00',
      'Ticket https://support.example/verify/ticket/48213',
      'Doc https://docs.example/v2/login/oauth2',
      'Uuid https://api.example/users/550e8400-e29b-41d4-a716-446655440000',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});

describe('a short token in an access path of a request', () => {
  it('is redacted from the stored path; ids and words after other segments are kept', () => {
    const r = createRedactor(redaction, key).forExchange();
    expect(r.path('/v1/reset/Lk7Tq2Zx9N')).not.toContain('Lk7Tq2Zx9N');
    expect(r.path('/invite/accept/p9Lc3RmX2t')).not.toContain('p9Lc3RmX2t');
    for (const path of ['/v1/chat/completions', '/orders/ORD-2024-88123', '/watch/dQw4w9WgXcQ', '/reset/step-2', '/login/oauth2'])
      expect(r.path(path)).toBe(path);
  });
});
