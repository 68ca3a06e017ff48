import { describe, expect, it } from 'vitest';
import { systemRandom } from './random.js';

describe('systemRandom', () => {
  it('hands each pooled byte out once: calls return their own arrays, never a shared or repeated slice', () => {
    const seen = new Set<string>();
    const first = systemRandom.bytes(16);
    const copy = Uint8Array.from(first);
    // Past several refills of the 4 KB pool.
    for (let i = 0; i < 2_000; i++) {
      const b = systemRandom.bytes(16);
      expect(b.byteLength).toBe(16);
      expect(b.buffer.byteLength).toBe(16);
      seen.add(Buffer.from(b).toString('hex'));
    }
    expect(seen.size).toBe(2_000);
    expect(first).toEqual(copy);
  });

  it('serves sizes past the pool and draws floats in [0, 1)', () => {
    expect(systemRandom.bytes(10_000).byteLength).toBe(10_000);
    for (let i = 0; i < 1_000; i++) {
      const x = systemRandom.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
