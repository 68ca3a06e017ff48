import { defaultRedactedHeaders } from '@understudy/capture';
import type { Version } from '@understudy/core';

const secretHeaders = new Set<string>(defaultRedactedHeaders);
// Upstream credentials usually travel in one of the standard headers or a `*-key`/`*-token` one.
const secretName = /(^|-)(key|token|secret|auth|password)(-|$)/i;

/** Shown instead of a header value that looks like a credential. */
export const hiddenHeaderValue = '[hidden]';

/**
 * A version as the API and `versions list` show it: extra headers that carry credentials
 * (an upstream's `authorization`, `x-api-key`, …) are hidden. They stay usable — the tap and
 * the replayer read them from the store — but are never echoed back.
 */
export function versionToJson(version: Version): Version {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(version.headers)) {
    headers[name] = secretHeaders.has(name.toLowerCase()) || secretName.test(name) ? hiddenHeaderValue : value;
  }
  return { name: version.name, upstream: version.upstream, headers };
}
