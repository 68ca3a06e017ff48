import { parseStickyKey, readStickyKey, stableUnit } from '@understudy/core';

/** Reads a session key from a request: its headers (lower-case names) and body text. */
export type StickyKey = (headers: Readonly<Record<string, string>>, body: () => string | undefined) => string | undefined;

/**
 * Compiles `header:NAME`, `cookie:NAME` or `json:$.path` (core's one sticky-key grammar, the
 * canary's too) into a reader. A request without the key yields `undefined`.
 */
export function compileStickyKey(spec: string): StickyKey {
  const parsed = parseStickyKey(spec);
  return (headers, body) => readStickyKey(parsed, headers, body);
}

/** Seed of the shadow mirror's hash, so it samples sessions independently of the canary split. */
const shadowSeed = 0x5eed;

/**
 * A stable bucket in [0, 1) for a session key: the same session always lands in the same
 * bucket, so it is mirrored whole or not at all. Seeded apart from the canary split, which
 * also takes the lowest buckets: unsalted, a 10 % shadow would mostly mirror the sessions the
 * candidate already serves live.
 */
export function stickyBucket(key: string): number {
  return stableUnit(key, shadowSeed);
}
