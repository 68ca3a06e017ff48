import { defaultRedactedHeaders, isSecretHeader, isSecretName } from '@understudy/capture';
import type { Version } from '@understudy/core';

const alwaysHidden = new Set<string>(defaultRedactedHeaders);

/** Shown instead of a header value that looks like a credential. */
export const hiddenHeaderValue = '[hidden]';

/**
 * A version as the API and `versions list` show it: extra headers named like credentials
 * (capture's one rule, `isSecretHeader`: `authorization`, `x-api-key`, `x-auth-*`, `x-sid`, …) are hidden.
 * They stay usable — the tap and the replayer read them from the store — but are never echoed back.
 */
export function versionToJson(version: Version): Version {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(version.headers)) {
    headers[name] = alwaysHidden.has(name.toLowerCase()) || isSecretHeader(name) ? hiddenHeaderValue : value;
  }
  return { name: version.name, upstream: shownUpstream(version.upstream), headers };
}

/**
 * The upstream URL with a password in it and the values of secret-named query parameters
 * (`?api_key=…`, `?key=…`) hidden, by the same rule as headers: the store keeps the URL the tap
 * forwards to, the API never echoes its credentials. Text that is no URL is shown as it is.
 */
function shownUpstream(upstream: string): string {
  if (!upstream.includes('@') && !upstream.includes('?')) return upstream;
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    return upstream;
  }
  if (url.password !== '') url.password = 'hidden';
  for (const name of [...url.searchParams.keys()]) if (isSecretName(name)) url.searchParams.set(name, 'hidden');
  return url.href;
}
