/**
 * Splits a request target into path and raw query. An absolute-form target
 * (`http://other-host/x`) keeps only its path: the tap forwards to configured versions, never to
 * a host the request names.
 */
export function splitTarget(url: string): { path: string; query: string } {
  let target = url;
  if (target.charCodeAt(0) !== 47) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
    target = m === null ? '/' : target.slice(m[0].length);
    if (target.charCodeAt(0) !== 47) target = `/${target}`;
  }
  const hash = target.indexOf('#');
  if (hash !== -1) target = target.slice(0, hash);
  const q = target.indexOf('?');
  return q === -1 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}
