import { isSealed, openSealed, parseConfig, seal } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';
import { revealSealed } from './reveal-sealed.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'sealed-body-test-key-0123456789ab');
const plain = Buffer.from(JSON.stringify({ refund_id: 'rf_1', contact: 'bob.buyer@shop.example', token: 'tok_live_0123456789abcdef' }));

describe('sealed recordings (AES-256-GCM under a key derived from the redaction key)', () => {
  it('opens to the exact bytes, and holds none of them in the clear', () => {
    const sealed = seal(plain, redactor.sealingKey(), Buffer.alloc(12, 7));
    expect(isSealed(sealed)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from('rf_1'))).toBe(false);
    expect(Buffer.from(sealed).includes(Buffer.from('bob.buyer'))).toBe(false);
    expect(Buffer.from(openSealed(sealed, redactor.sealingKey()) ?? [])).toEqual(plain);
  });

  it('refuses a tampered body or another key', () => {
    const sealed = seal(plain, redactor.sealingKey());
    const tampered = Uint8Array.from(sealed);
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 1;
    expect(openSealed(tampered, redactor.sealingKey())).toBeUndefined();
    const other = createRedactor(parseConfig({}).tap.redaction, 'another-redaction-key-0123456789');
    expect(openSealed(sealed, other.sealingKey())).toBeUndefined();
  });

  it('is shown redacted through readers, and as a marker to one without the key', () => {
    const sealed = seal(plain, redactor.sealingKey());
    const shown = Buffer.from(revealSealed(sealed, 'application/json', redactor)).toString();
    expect(shown).toContain('"refund_id":"rf_1"');
    expect(shown).not.toContain('bob.buyer@shop.example');
    expect(shown).not.toContain('tok_live_0123456789abcdef');
    expect(Buffer.from(revealSealed(sealed, 'application/json', undefined)).toString()).toMatch(/^\[sealed: \d+ bytes\]$/);
    // Bodies that are not sealed were redacted when recorded: shown as they are.
    expect(revealSealed(plain, 'application/json', redactor)).toBe(plain);
  });
});
