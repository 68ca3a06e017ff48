/**
 * A stable number in [0, 1) for a string (FNV-1a 32-bit, then a murmur finalizer), so a
 * seeded sample keeps the same items on every pass and a sticky key always lands in the
 * same bucket. Not cryptographic.
 */
export function stableUnit(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Whether `id` is in a sample of share `rate` drawn with `seed`. */
export function inSample(id: string, rate: number, seed: number): boolean {
  return rate >= 1 || stableUnit(id, seed) < rate;
}
