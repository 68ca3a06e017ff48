import type { Dispatcher } from 'undici';

/** The lower-cased value of the first field named `lowerName` in a flat `[name, value, …]` list. */
export function headerValue(raw: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return (raw[i + 1] as string).toLowerCase();
  }
  return undefined;
}

/** undici's raw response header list as strings: one latin1 conversion per field. */
export function headerStrings(raw: Dispatcher.DispatchController['rawHeaders']): string[] {
  if (!Array.isArray(raw)) return [];
  const out = new Array<string>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v: Buffer | string = raw[i] as Buffer | string;
    out[i] = typeof v === 'string' ? v : v.toString('latin1');
  }
  return out;
}

/** How many `Host` fields a raw `[name, value, …]` request header list carries. */
export function hostFieldCount(rawHeaders: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length === 4 && name.toLowerCase() === 'host') n++;
  }
  return n;
}
