import { describe, expect, it } from 'vitest';
import { correlationSigner } from './egress-correlation.js';

const key = Buffer.alloc(32, 7);

describe('correlationSigner', () => {
  // Known answers computed outside this code, with OpenSSL's HMAC (RFC 2104), so the tag is the
  // standard construction and not a hand-made keyed hash:
  //   printf 'EX1\nAT9' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0707…07 -binary | head -c 16 | base64url
  it('signs with HMAC-SHA256 over `<exchange>\\n<attempt>`, truncated to 128 bits, base64url', () => {
    const signer = correlationSigner(key);
    expect(signer.value('EX1', 'AT9')).toBe('EX1; attempt=AT9; sig=9OvkWmXcc5HaPimiyagQ1g');
    expect(signer.value('EX1')).toBe('EX1; sig=yH7ggvq2tbYq_fL90E5SIg');
  });

  it('verifies its own values and refuses a bare, copied, altered or other-key signature', () => {
    const signer = correlationSigner(key);
    const ok = signer.read({ 'x-understudy-exchange': signer.value('EX1', 'AT9'), 'x-understudy-shadow': '1' });
    expect(ok).toEqual({ verified: true, correlation: { exchangeId: 'EX1', attemptId: 'AT9', shadow: true } });
    const sigOf = (v: string): string => v.slice(v.indexOf('sig=') + 4);
    const refused = [
      'EX1',
      `EX2; attempt=AT9; sig=${sigOf(signer.value('EX1', 'AT9'))}`,
      `EX1; attempt=AT8; sig=${sigOf(signer.value('EX1', 'AT9'))}`,
      `EX1; sig=${sigOf(signer.value('EX1', 'AT9'))}`,
      correlationSigner(Buffer.alloc(32, 8)).value('EX1', 'AT9'),
      `EX1; attempt=AT9; sig=${sigOf(signer.value('EX1', 'AT9')).slice(0, -2)}`,
    ];
    for (const value of refused) expect(signer.read({ 'x-understudy-exchange': value }).verified, value).toBe(false);
  });
});
