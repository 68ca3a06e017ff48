/** Buckets of the canary split: weight w % sends buckets below w × 100 to the candidate. */
export const canaryBuckets = 10_000;

/**
 * The bucket of a sticky key, in [0, 10 000): FNV-1a over the UTF-16 code units, then the
 * murmur3 finalizer so that similar keys (`user-1`, `user-2`) spread evenly. Deterministic
 * across processes and restarts, so a conversation keeps its version; since the candidate
 * takes the buckets below a threshold, raising the weight only ever moves keys to it.
 */
export function canaryBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) % canaryBuckets;
}

/** Whether a bucket goes to the candidate at `weight` percent. */
export function inCandidate(bucket: number, weight: number): boolean {
  return bucket < Math.round(weight * 100);
}
