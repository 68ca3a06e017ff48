import type { TextPattern } from './text-patterns.js';

/** Texts up to this long that the patterns found nothing in are remembered (header values, path segments). */
export const maxCleanText = 256;
/** Clean texts remembered per pattern list; past this many they are forgotten and learnt again. */
export const maxCleanTexts = 4096;
const cleanTextSets = new WeakMap<readonly TextPattern[], Set<string>>();

/**
 * The short texts in which `patterns` found no secret, as written and decoded alike: a header
 * value (`application/json`, a host, a user agent) or a path segment (`v1`, `chat`) comes back
 * on almost every exchange, and the patterns find in a text what they found the last time.
 * Only what the exchange's known secrets would add is looked for again.
 */
export function cleanTexts(patterns: readonly TextPattern[]): Set<string> {
  let set = cleanTextSets.get(patterns);
  if (set === undefined) {
    set = new Set();
    cleanTextSets.set(patterns, set);
  }
  return set;
}
