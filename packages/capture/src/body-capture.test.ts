import { describe, expect, it } from 'vitest';
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
});
