/**
 * A 32-bit hash of a string that is the same in every process and across restarts: FNV-1a
 * over the UTF-16 code units, then murmur3's finalizer so that similar keys (`user-1`,
 * `user-2`) spread evenly. `seed` gives independent hashes of the same key, so two features
 * that each take "the lowest share" of keys (the canary split, the shadow mirror, a replay
 * sample) do not all pick the same keys. Not cryptographic.
 */
export function stableHash32(text: string, seed = 0): number {
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
  return h >>> 0;
}

/** {@link stableHash32} scaled to [0, 1). */
export function stableUnit(text: string, seed = 0): number {
  return stableHash32(text, seed) / 4294967296;
}
