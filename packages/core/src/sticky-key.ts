import { UnderstudyError } from './errors.js';
import { compileJsonPath, type JsonPathStep, replaceAtPath } from './json-path.js';

/**
 * The one grammar for a user-written session key, used by the shadow mirror's `tap.shadow.key`
 * and the canary's `--sticky`: `header:NAME` or `cookie:NAME` (an RFC 9110 token), or
 * `json:PATH` in the one JSON-path dialect of {@link compileJsonPath}.
 */
export type StickyKeySpec =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'cookie'; readonly name: string }
  | { readonly kind: 'json'; readonly path: string; readonly steps: readonly JsonPathStep[] };

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses a sticky key; a bad one is an `invalid_config` error saying what was expected. */
export function parseStickyKey(spec: string): StickyKeySpec {
  const colon = spec.indexOf(':');
  const kind = colon === -1 ? '' : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if ((kind === 'header' || kind === 'cookie') && token.test(rest)) return { kind, name: kind === 'header' ? rest.toLowerCase() : rest };
  if (kind === 'json' && rest.startsWith('$') && rest.length > 1) {
    try {
      return { kind, path: rest, steps: compileJsonPath(rest) };
    } catch {
      // Reported below with the grammar.
    }
  }
  throw new UnderstudyError('invalid_config', `sticky key "${spec}" must be header:NAME, cookie:NAME or json:$.path`);
}

/** True when `spec` parses; for schema refinements. */
export function isStickyKey(spec: string): boolean {
  try {
    parseStickyKey(spec);
    return true;
  } catch {
    return false;
  }
}

/**
 * The key of one request, or undefined when it has none: a header (the first of repeated ones),
 * a cookie, or the first string or number the JSON path selects in the body.
 */
export function readStickyKey(
  spec: StickyKeySpec,
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  body: () => string | undefined,
): string | undefined {
  switch (spec.kind) {
    case 'header': {
      const v = headers[spec.name];
      return typeof v === 'string' ? v : v?.[0];
    }
    case 'cookie': {
      const raw = headers.cookie;
      for (const part of (typeof raw === 'string' ? raw : (raw ?? []).join('; ')).split(';')) {
        const eq = part.indexOf('=');
        if (eq !== -1 && part.slice(0, eq).trim() === spec.name) return part.slice(eq + 1).trim();
      }
      return undefined;
    }
    case 'json': {
      const text = body();
      if (text === undefined || text === '') return undefined;
      let root: unknown;
      try {
        root = JSON.parse(text);
      } catch {
        return undefined;
      }
      let found: string | undefined;
      replaceAtPath(root, spec.steps, (value) => {
        if (found === undefined && (typeof value === 'string' || typeof value === 'number')) found = String(value);
        return value;
      });
      return found;
    }
  }
}
