import type { Headers, RedactionConfig, SseEvent } from '@understudy/core';
import { compileJsonPath, type JsonPathStep, replaceAtPath } from './json-path.js';
import { placeholderFor } from './placeholder.js';
import { builtinPatterns, configuredPatterns, type TextPattern } from './text-patterns.js';

/** Headers whose values are secrets by nature; `tap.redaction.headers` adds more. */
export const defaultRedactedHeaders = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'] as const;

/** Query parameters whose values are secrets by name (compared lower-cased, `-` as `_`). */
const secretQueryNames = new Set([
  'api_key',
  'apikey',
  'key',
  'token',
  'access_token',
  'refresh_token',
  'secret',
  'client_secret',
  'password',
  'auth',
  'signature',
  'sig',
]);

/** Applies the redaction policy to every part of an exchange before it is persisted. */
export interface Redactor {
  headers(headers: Headers): Record<string, string>;
  /** A raw query string (without `?`). */
  query(query: string): string;
  /** Body text of the given content type; JSON bodies also get the configured JSON paths. */
  body(text: string, contentType: string): string;
  sseEvent(event: SseEvent): SseEvent;
}

export function createRedactor(config: RedactionConfig, key: string): Redactor {
  const placeholder = placeholderFor(key);
  const headerNames = new Set<string>([...defaultRedactedHeaders, ...config.headers.map((h) => h.toLowerCase())]);
  const patterns: TextPattern[] = [...(config.builtinPatterns ? builtinPatterns : []), ...configuredPatterns(config.patterns)];
  const paths: JsonPathStep[][] = config.jsonPaths.map(compileJsonPath);

  const text = (s: string): string => {
    let out = s;
    for (const p of patterns) {
      if (p.hint !== undefined && !out.includes(p.hint)) continue;
      p.regex.lastIndex = 0;
      if (!p.regex.test(out)) continue;
      out = out.replace(p.regex, (m) => (p.accept === undefined || p.accept(m) ? placeholder(p.name, m) : m));
    }
    return out;
  };

  const replaceJsonValue = (value: unknown): unknown => placeholder('json', typeof value === 'string' ? value : JSON.stringify(value));

  /** JSON paths, then text patterns; a body that is not JSON only gets the patterns. */
  const json = (s: string): string => {
    if (paths.length > 0) {
      const first = s.trimStart().charCodeAt(0);
      if (first === 123 || first === 91) {
        try {
          const parsed: unknown = JSON.parse(s);
          let hits = 0;
          for (const steps of paths) hits += replaceAtPath(parsed, steps, replaceJsonValue);
          // Re-serialise only when a path matched, so untouched bodies keep their exact bytes.
          if (hits > 0) return text(JSON.stringify(parsed));
        } catch {
          // Not JSON after all (or cut at the capture cap): patterns still apply below.
        }
      }
    }
    return text(s);
  };

  return {
    headers(headers) {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        out[name] = headerNames.has(name) ? placeholder(name, value) : text(value);
      }
      return out;
    },
    query(query) {
      if (query === '') return query;
      return query
        .split('&')
        .map((part) => {
          const eq = part.indexOf('=');
          if (eq === -1) return text(part);
          const rawName = part.slice(0, eq);
          const value = safeDecode(part.slice(eq + 1));
          const name = safeDecode(rawName).toLowerCase().replaceAll('-', '_');
          if (secretQueryNames.has(name)) return `${rawName}=${encodeURIComponent(placeholder(name, value))}`;
          // Patterns run over the decoded value, so `a%40b.com` is caught as an email.
          const redacted = text(value);
          return redacted === value ? part : `${rawName}=${encodeURIComponent(redacted)}`;
        })
        .join('&');
    },
    body(s, contentType) {
      if (contentType.includes('event-stream')) return sseText(s, json);
      return contentType.includes('json') ? json(s) : text(s);
    },
    sseEvent(event) {
      const data = json(event.data);
      return data === event.data ? event : { ...event, data };
    },
  };
}

/** Redacts the `data:` lines of a raw event stream one by one (each is usually a JSON document). */
function sseText(s: string, json: (s: string) => string): string {
  return s
    .split('\n')
    .map((line) => (line.startsWith('data:') ? `data:${json(line.slice(5))}` : json(line)))
    .join('\n');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}
