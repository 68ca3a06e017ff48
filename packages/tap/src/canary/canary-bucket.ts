import { stableHash32 } from '@understudy/core';

/** Buckets of the canary split: weight w % sends buckets below w × 100 to the candidate. */
export const canaryBuckets = 10_000;

/**
 * The bucket of a sticky key, in [0, 10 000), from core's {@link stableHash32}: deterministic
 * across processes and restarts, so a conversation keeps its version; since the candidate
 * takes the buckets below a threshold, raising the weight only ever moves keys to it.
 */
export function canaryBucket(key: string): number {
  return stableHash32(key) % canaryBuckets;
}

/** Whether a bucket goes to the candidate at `weight` percent. */
export function inCandidate(bucket: number, weight: number): boolean {
  return bucket < Math.round(weight * 100);
}
