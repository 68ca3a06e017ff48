import type { IncomingHttpHeaders } from 'node:http';
import { parseStickyKey, readStickyKey, type StickyKeySpec } from '@understudy/core';

/** Where a canary's sticky key comes from: core's one sticky-key grammar. */
export type CanarySticky = StickyKeySpec;

/** Parses `header:NAME`, `cookie:NAME` or `json:$.path` (core's `parseStickyKey`). */
export function parseCanarySticky(spec: string): CanarySticky {
  return parseStickyKey(spec);
}

/** The key of one request, or undefined when it has none (it is then split per request). */
export function readCanarySticky(sticky: CanarySticky, headers: IncomingHttpHeaders, body: Buffer | undefined): string | undefined {
  return readStickyKey(sticky, headers, () => body?.toString('utf8'));
}
