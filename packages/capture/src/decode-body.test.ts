import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode-body.js';

const plain = Buffer.from('decoded for capture '.repeat(2000));

describe('decodeBody', () => {
  it('decodes gzip, deflate and br', () => {
    for (const [enc, bytes] of [
      ['gzip', gzipSync(plain)],
      ['deflate', deflateSync(plain)],
      ['br', brotliCompressSync(plain)],
    ] as const) {
      const out = decodeBody(bytes, enc, 1 << 20, false);
      expect(Buffer.from(out?.bytes ?? []).equals(plain), enc).toBe(true);
      expect(out?.truncated).toBe(false);
    }
  });

  it('never inflates past the cap, and flags the cut', () => {
    const out = decodeBody(gzipSync(plain), 'gzip', 1000, false);
    expect(out?.bytes.length).toBeLessThanOrEqual(1000);
    expect(out?.truncated).toBe(true);
    expect(Buffer.from(out?.bytes ?? []).toString()).toBe(plain.subarray(0, out?.bytes.length).toString());
  });

  it('decodes a prefix cut by the capture cap', () => {
    const encoded = gzipSync(plain);
    const out = decodeBody(encoded.subarray(0, encoded.length >> 1), 'gzip', 1 << 20, true);
    expect(out?.truncated).toBe(true);
    expect(plain.subarray(0, out?.bytes.length).equals(Buffer.from(out?.bytes ?? []))).toBe(true);
  });

  it('returns undefined for bytes that are not what they claim', () => {
    expect(decodeBody(Buffer.from('plain text'), 'gzip', 1000, false)).toBeUndefined();
  });
});
