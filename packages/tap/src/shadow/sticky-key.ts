import { compileJsonPath, replaceAtPath, stableUnit, UnderstudyError } from '@understudy/core';

/** Reads a session key from a request: its headers (lower-case names) and body text. */
export type StickyKey = (headers: Readonly<Record<string, string>>, body: () => string | undefined) => string | undefined;

/**
 * Compiles `header:NAME`, `cookie:NAME` or `json:$.path` (e.g. `json:$.metadata.conversation_id`)
 * into a reader. A request without the key yields `undefined`.
 */
export function compileStickyKey(spec: string): StickyKey {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const name = spec.slice(colon + 1);
  if (kind === 'header' && name !== '') {
    const lower = name.toLowerCase();
    return (headers) => headers[lower];
  }
  if (kind === 'cookie' && name !== '') {
    return (headers) => {
      for (const part of (headers.cookie ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
      }
      return undefined;
    };
  }
  if (kind === 'json' && name.startsWith('$')) {
    const steps = compileJsonPath(name);
    return (_headers, body) => {
      const text = body();
      if (text === undefined) return undefined;
      let root: unknown;
      try {
        root = JSON.parse(text);
      } catch {
        return undefined;
      }
      let found: string | undefined;
      replaceAtPath(root, steps, (value) => {
        if (found === undefined && (typeof value === 'string' || typeof value === 'number')) found = String(value);
        return value;
      });
      return found;
    };
  }
  throw new UnderstudyError('invalid_config', `sticky key "${spec}" must be header:NAME, cookie:NAME or json:$.path`);
}

/** Seed of the shadow mirror's hash, so it samples sessions independently of the canary split. */
const shadowSeed = 0x5eed;

/**
 * A stable bucket in [0, 1) for a session key: the same session always lands in the same
 * bucket, so it is mirrored whole or not at all. Seeded apart from the canary split, which
 * also takes the lowest buckets: unsalted, a 10 % shadow would mostly mirror the sessions the
 * candidate already serves live.
 */
export function stickyBucket(key: string): number {
  return stableUnit(key, shadowSeed);
}
