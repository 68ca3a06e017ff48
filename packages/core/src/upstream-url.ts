/**
 * Why a version's upstream base URL cannot be used as written, or undefined when it can. The
 * tap, the shadow mirror and the replayer send to the URL's origin and path only: credentials
 * (`user:pass@`), a query (`?api_key=…`) or a fragment would be silently dropped — and kept in
 * the store and in banners — so they are refused with the way to send them instead.
 */
export function upstreamUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.username !== '' || url.password !== '')
    return 'must not carry credentials (user:password@): only its origin and path are used; send them as a header (authorization: Basic …)';
  if (url.search !== '' || value.includes('?'))
    return 'must not carry a query: only its origin and path are used; send a key as a header (e.g. x-api-key: …)';
  if (url.hash !== '' || value.includes('#')) return 'must not carry a fragment: only its origin and path are used';
  return undefined;
}
