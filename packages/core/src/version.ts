/**
 * A named agent version: an upstream base URL plus optional extra headers, so two prompt
 * versions behind one service can differ by, say, `x-prompt-version: 13`.
 */
export interface Version {
  readonly name: string;
  readonly upstream: string;
  readonly headers: Readonly<Record<string, string>>;
}

const versionName = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

export function isValidVersionName(name: string): boolean {
  return versionName.test(name);
}

/** Whether two versions send the same requests: same upstream and the same extra headers. */
export function sameVersion(a: Version, b: Version): boolean {
  if (a.upstream !== b.upstream) return false;
  const ak = Object.keys(a.headers);
  return ak.length === Object.keys(b.headers).length && ak.every((k) => a.headers[k] === b.headers[k]);
}
