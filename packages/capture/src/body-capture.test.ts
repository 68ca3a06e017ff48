import { describe, expect, it } from 'vitest';
import { BlockPool } from './block-pool.js';
import { BodyCapture } from './body-capture.js';
import { CaptureBudget } from './capture-budget.js';

const text = (capture: BodyCapture): string => Buffer.from(capture.body().bytes).toString('latin1');

describe('BodyCapture', () => {
  it('holds no reference to the chunks of a multi-chunk body: the socket may reuse their memory', () => {
    const capture = new BodyCapture(1024);
    const chunks = ['data: one\n\n', 'data: two\n\n', 'data: three\n\n'].map((s) => Buffer.from(s, 'latin1'));
    for (const chunk of chunks) capture.push(chunk);
    // Each held chunk would cost a Buffer and an ArrayBuffer besides its bytes, and pin the read buffer it views.
    for (const chunk of chunks) chunk.fill(0x78);
    expect(text(capture)).toBe('data: one\n\ndata: two\n\ndata: three\n\n');
  });

  it('copies a big chunk that views a bigger buffer (a socket read holding more), so it pins no more than it counts', () => {
    const capture = new BodyCapture(1 << 20);
    // One read of 64 KB holding two 25 KB events and the start of a third, as undici hands them on.
    const read = Buffer.alloc(65_536, 0x61);
    capture.push(read.subarray(100, 25_100));
    capture.push(read.subarray(25_100, 50_100));
    read.fill(0x78);
    expect(text(capture)).toBe('a'.repeat(50_000));
  });

  it('gives back a body that came as one chunk without copying it', () => {
    const capture = new BodyCapture(1024);
    const chunk = Buffer.from('{"ok":true}');
    capture.push(chunk);
    expect(capture.body().bytes.buffer).toBe(chunk.buffer);
  });

  it('keeps the exact bytes across blocks, big chunks and the cap, and counts the rest', () => {
    const capture = new BodyCapture(10_000);
    const parts: Buffer[] = [];
    for (let i = 0; i < 60; i++) {
      // Small chunks fill blocks; every tenth is big enough to be kept as it came.
      const chunk = Buffer.alloc(i % 10 === 9 ? 5000 : 150 + i, 97 + (i % 26));
      parts.push(chunk);
      capture.push(Buffer.from(chunk));
    }
    const all = Buffer.concat(parts);
    const body = capture.body();
    expect(Buffer.from(body.bytes).equals(all.subarray(0, 10_000))).toBe(true);
    expect(body.size).toBe(all.length);
    expect(body.truncated).toBe(true);
    expect(capture.held).toBe(10_000);
    // Asked twice: the same bytes.
    expect(Buffer.from(capture.body().bytes).equals(all.subarray(0, 10_000))).toBe(true);
  });

  it('stops at the shared budget, flags it and gives back what it held', () => {
    const budget = new CaptureBudget(300);
    const capture = new BodyCapture(1024, budget);
    for (let i = 0; i < 5; i++) capture.push(Buffer.alloc(100, 120));
    expect(capture.held).toBe(300);
    expect(capture.cutByBudget).toBe(true);
    expect(budget.held).toBe(300);
    capture.release();
    expect(budget.held).toBe(0);
  });

  describe('blocks reused through a pool', () => {
    /** 30 chunks of 200 bytes of one letter: two full blocks and part of a third. */
    const fill = (capture: BodyCapture, letter: string): string => {
      for (let i = 0; i < 30; i++) capture.push(Buffer.from(letter.repeat(200), 'latin1'));
      return letter.repeat(6000);
    };

    it('gives its full blocks back at release, and the next capture holds its own bytes in them', () => {
      const pool = new BlockPool(8);
      const first = new BodyCapture(1 << 20, undefined, pool);
      fill(first, 'a');
      const firstBlocks = new Set(first.heldParts().map((p) => p.buffer));
      first.release();
      expect(pool.spare).toBe(2);
      const second = new BodyCapture(1 << 20, undefined, pool);
      const expected = fill(second, 'b');
      // The second capture wrote over the first one's blocks: same memory, its own bytes.
      expect(second.heldParts().some((p) => firstBlocks.has(p.buffer))).toBe(true);
      expect(text(second)).toBe(expected);
    });

    it('refuses to be read once released, so a reused block is never read as its bytes', () => {
      const pool = new BlockPool(8);
      const first = new BodyCapture(1 << 20, undefined, pool);
      fill(first, 'a');
      first.release();
      fill(new BodyCapture(1 << 20, undefined, pool), 'b');
      expect(() => first.body()).toThrow(expect.objectContaining({ code: 'internal' }));
      expect(() => first.heldParts()).toThrow(expect.objectContaining({ code: 'internal' }));
    });

    it('gives each block back once, however often it is released', () => {
      const pool = new BlockPool(8);
      const budget = new CaptureBudget(1 << 20);
      const first = new BodyCapture(1 << 20, budget, pool);
      fill(first, 'a');
      first.release();
      first.release();
      expect(pool.spare).toBe(2);
      expect(budget.held).toBe(0);
      // Two captures at once never share a block.
      const second = new BodyCapture(1 << 20, undefined, pool);
      const third = new BodyCapture(1 << 20, undefined, pool);
      const b = fill(second, 'b');
      const c = fill(third, 'c');
      expect(text(second)).toBe(b);
      expect(text(third)).toBe(c);
    });

    it('holds and reserves nothing pushed after its release', () => {
      const budget = new CaptureBudget(1 << 20);
      const capture = new BodyCapture(1 << 20, budget, new BlockPool(8));
      fill(capture, 'a');
      capture.release();
      fill(capture, 'b');
      expect(budget.held).toBe(0);
    });

    it('keeps at most its bound of spare blocks, and pools no block smaller than a full one', () => {
      const pool = new BlockPool(1);
      const big = new BodyCapture(1 << 20, undefined, pool);
      fill(big, 'a');
      big.release();
      expect(pool.spare).toBe(1);
      // A 300-byte cap takes a block of at most what it may still hold: not the pool's.
      const small = new BodyCapture(300, undefined, pool);
      small.push(Buffer.alloc(100, 0x61));
      small.push(Buffer.alloc(100, 0x62));
      expect(pool.spare).toBe(1);
      expect(small.heldParts()[0]?.buffer.byteLength).toBeLessThan(4096);
    });
  });
});
