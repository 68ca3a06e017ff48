import type { Exchange } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { packedItems, packItems } from './packed-items.js';
import type { WriterItem } from './sqlite-worker-messages.js';
import { testExchange } from './testing.js';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

describe('packItems', () => {
  it('copies the byte items into one buffer of their own, read back in order; everything else stays as it is', () => {
    const built: Exchange = testExchange('01A');
    const object = { unbuilt: { id: '01B' } };
    // A view into a bigger buffer: only its own bytes are packed.
    const around = Buffer.from('xxcaf\u00e9yy', 'utf8');
    const inBigger = new Uint8Array(around.buffer, around.byteOffset + 2, 5);
    const batch: WriterItem[] = [
      { unbuilt: bytes('first') },
      built,
      { unbuilt: inBigger },
      object,
      { unbuilt: bytes('') },
      { unbuilt: bytes('last') },
    ];
    const { rest, packed } = packItems(batch);
    expect(rest).toEqual([built, object]);
    expect(rest[0]).toBe(built);
    expect(packed?.bytes.byteLength).toBe(5 + 5 + 0 + 4);
    expect([...packedItems(packed ?? { bytes: new ArrayBuffer(0), ends: new Uint32Array() })].map(text)).toEqual([
      'first',
      'caf\u00e9',
      '',
      'last',
    ]);
    // The caller's bytes are copied, never moved: they still read the same.
    expect(text(inBigger)).toBe('caf\u00e9');
  });

  it('packs nothing when no item is bytes', () => {
    const batch: WriterItem[] = [testExchange('01A'), { unbuilt: { id: '01B' } }];
    const { rest, packed } = packItems(batch);
    expect(packed).toBeUndefined();
    expect(rest).toEqual(batch);
  });

  it('gives the packed buffer a transferable ArrayBuffer of exactly its bytes', () => {
    const { packed } = packItems([{ unbuilt: bytes('abc') }, { unbuilt: bytes('de') }]);
    const { port1, port2 } = new MessageChannel();
    try {
      const buffer = packed?.bytes as ArrayBuffer;
      port1.postMessage(buffer, [buffer]);
      // Transferred, not copied: the sender's buffer is detached.
      expect(buffer.byteLength).toBe(0);
    } finally {
      port1.close();
      port2.close();
    }
  });
});
