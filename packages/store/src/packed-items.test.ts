import type { Exchange } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { BatchBuffers, packedItems, packItems } from './packed-items.js';
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

describe('BatchBuffers', () => {
  it('makes a new buffer a power of two of at least 64 KB, and hands a spare back only to a batch it fits', () => {
    const buffers = new BatchBuffers();
    const first = buffers.take(100);
    expect(first.byteLength).toBe(64 * 1024);
    expect(buffers.take(300 * 1024).byteLength).toBe(512 * 1024);
    buffers.give(first);
    // Too small for this batch: a new one, and the spare stays.
    expect(buffers.take(64 * 1024 + 1)).not.toBe(first);
    expect(buffers.take(64 * 1024)).toBe(first);
    expect(buffers.spareBytes).toBe(0);
  });

  it('keeps at most two spares, the larger ones, and never a detached (transferred) buffer', () => {
    const buffers = new BatchBuffers();
    const [a, b, c] = [new ArrayBuffer(100), new ArrayBuffer(300), new ArrayBuffer(200)];
    buffers.give(a);
    buffers.give(b);
    buffers.give(c);
    expect(buffers.spareBytes).toBe(500);
    buffers.give(new ArrayBuffer(50));
    expect(buffers.spareBytes).toBe(500);
    const detached = new ArrayBuffer(1000);
    structuredClone(detached, { transfer: [detached] });
    buffers.give(detached);
    expect(buffers.spareBytes).toBe(500);
    expect(buffers.take(250)).toBe(b);
    expect(buffers.take(150)).toBe(c);
  });

  it('packs a batch into a spare buffer: the items read back in order, whatever the buffer held before', () => {
    const buffers = new BatchBuffers();
    const spare = new ArrayBuffer(64);
    new Uint8Array(spare).fill(0x7a);
    buffers.give(spare);
    const { packed } = packItems([{ unbuilt: bytes('one') }, testExchange('01A'), { unbuilt: bytes('caf\u00e9') }], buffers);
    expect(packed?.bytes).toBe(spare);
    expect([...packedItems(packed ?? { bytes: new ArrayBuffer(0), ends: new Uint32Array() })].map(text)).toEqual(['one', 'caf\u00e9']);
  });
});
