import type { IncomingHttpHeaders } from 'node:http';
import { UnderstudyError } from '@understudy/core';

/** Where a canary's sticky key comes from. */
export type CanarySticky =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'cookie'; readonly name: string }
  | { readonly kind: 'json'; readonly path: readonly string[] };

/** Parses `header:NAME`, `cookie:NAME` or `json:$.a.b` (dotted member names). */
export function parseCanarySticky(spec: string): CanarySticky {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const name = spec.slice(colon + 1);
  if (kind === 'header' && name !== '') return { kind, name: name.toLowerCase() };
  if (kind === 'cookie' && name !== '') return { kind, name };
  if (kind === 'json' && /^\$(\.[A-Za-z0-9_-]+)+$/.test(name)) return { kind, path: name.slice(2).split('.') };
  throw new UnderstudyError('invalid_config', `sticky key "${spec}" must be header:NAME, cookie:NAME or json:$.path`);
}

/** The key of one request, or undefined when it has none (it is then split per request). */
export function readCanarySticky(sticky: CanarySticky, headers: IncomingHttpHeaders, body: Buffer | undefined): string | undefined {
  switch (sticky.kind) {
    case 'header': {
      const v = headers[sticky.name];
      return Array.isArray(v) ? v[0] : v;
    }
    case 'cookie': {
      for (const part of (headers.cookie ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq !== -1 && part.slice(0, eq).trim() === sticky.name) return part.slice(eq + 1).trim();
      }
      return undefined;
    }
    case 'json': {
      if (body === undefined || body.length === 0) return undefined;
      let node: unknown;
      try {
        node = JSON.parse(body.toString('utf8'));
      } catch {
        return undefined;
      }
      for (const key of sticky.path) {
        if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
        node = (node as Record<string, unknown>)[key];
      }
      return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
    }
  }
}
