import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { priceLookup } from './pricing.js';
import { recordExchange } from './record-exchange.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'body-kinds-key-0123456789abcdef');

describe('bodies are redacted by what they hold, not only by how their content type is spelled', () => {
  // Found by the trust pass: `Application/JSON` (a media type is case-insensitive, RFC 9110
  // §8.3.1), JSON sent as text/plain or with no content type, and a form body in capitals kept
  // secret-named values of no known shape in the clear.
  it('secret-named members under any spelling of the content type, or none', () => {
    for (const type of ['Application/JSON', 'APPLICATION/JSON; charset=utf-8', 'text/plain', '', 'application/octet-stream']) {
      const out = redactor.forExchange().body('{"user":"bob","password":"hunter2-no-shape-1"}', type);
      expect(out, type).not.toContain('hunter2-no-shape-1');
      expect(JSON.parse(out).user).toBe('bob');
    }
  });

  it('a form body and an event stream whatever the case of their content type', () => {
    expect(
      redactor.forExchange().body('client_secret=cs-form-0123456&x=1', 'Application/X-WWW-Form-Urlencoded; charset=UTF-8'),
    ).not.toContain('cs-form-0123456');
    const sse =
      'data: {"choices":[{"delta":{"content":"mail alice.sec"}}]}\n\ndata: {"choices":[{"delta":{"content":"ret@corp.example.com"}}]}\n\n';
    expect(redactor.forExchange().body(sse, 'Text/Event-Stream')).not.toContain('ret@corp.example.com');
  });

  it('a JSON reply typed in capitals is stored as text, redacted (it was stored as an opaque binary body)', () => {
    const text = '{"user":"bob","access_token":"tok-no-shape-0042"}';
    const bytes = new Uint8Array(Buffer.from(text));
    const exchange = recordExchange(
      {
        id: 'e1',
        startedAt: 0,
        version: 'stable',
        role: 'live',
        parentId: null,
        ttfbMs: 1,
        durationMs: 2,
        error: null,
        request: { method: 'GET', path: '/me', query: '', headers: {}, body: { bytes: new Uint8Array(0), size: 0, truncated: false } },
        reply: { status: 200, headers: { 'content-type': 'Application/JSON' }, body: { bytes, size: bytes.length, truncated: false } },
      },
      { redactor, prices: priceLookup(), maxBodyBytes: 1 << 20 },
    );
    const stored = Buffer.from(exchange.responseBody.bytes).toString('utf8');
    expect(JSON.parse(stored).user).toBe('bob');
    expect(stored).not.toContain('tok-no-shape-0042');
  });
});
