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
