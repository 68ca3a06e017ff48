import type { FactValue } from './fact-value.js';

// A web address: with a scheme or "www." ("https://acme.com/help", "www.acme.com"), or a bare host
// followed by a path ("acme.co.uk/returns", "portal.cityhealth.org/booking"), as answers often write
// one. A bare host is dotted labels of letters, digits and hyphens ending in a label of letters (a
// top-level domain), so "and/or", "km/h", "1.5/2", "v2.0/api" and "a.m./p.m." are none; a bare host
// without a path ("acme.com") is read as an identifier (extract-values.ts).
const withScheme = /^(?:https?:\/\/|www\.)\S+$/i;
const bareHostPath = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,12}\/\S*$/u;

/**
 * The URL value a token's core writes, or undefined. Keys: the address as written (lower case, no
 * closing slash), and where it has a scheme or "www.", the address without them too, so that
 * "https://www.acme.com/help" and "acme.com/help" are one page.
 */
export function webAddress(core: string): FactValue | undefined {
  if (!withScheme.test(core) && !bareHostPath.test(core)) return undefined;
  const written = core.toLowerCase().replace(/\/+$/, '');
  const bare = written.replace(/^https?:\/\//, '').replace(/^www\./, '');
  const keys = bare === written ? [`url:${written}`] : [`url:${written}`, `url:${bare}`];
  return { type: 'url', keys, text: core, weak: false };
}
