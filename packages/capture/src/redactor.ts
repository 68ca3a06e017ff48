import type { Headers, RedactionConfig, SseEvent } from '@understudy/core';
import { compileJsonPath, type JsonPathStep, replaceAtPath } from '@understudy/core';
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

/**
 * Applies the redaction policy to the parts of one exchange before it is persisted. It
 * remembers each secret it redacted (a header value, a query key, a JSON path value) and
 * scrubs later parts of the same exchange of it too, so an upstream that echoes a secret back
 * in its body does not leak it. Redact request parts first, then response parts.
 */
export interface ExchangeRedactor {
  headers(headers: Headers): Record<string, string>;
  /** A raw query string (without `?`). */
  query(query: string): string;
  /** Body text of the given content type; JSON bodies also get the configured JSON paths. */
  body(text: string, contentType: string): string;
  sseEvent(event: SseEvent): SseEvent;
}

/** The redaction policy, compiled once; `forExchange` starts the per-exchange memory of secrets. */
export interface Redactor {
  forExchange(): ExchangeRedactor;
}

/** Known secrets shorter than this are not scrubbed from other parts (too likely to be ordinary text). */
const minEchoedSecret = 6;
/** Parts of a redacted header value remembered on their own (`Bearer <token>`, `sid=<id>`). */
const minEchoedPart = 12;
/** Known secrets remembered per exchange. */
const maxKnownSecrets = 64;

export function createRedactor(config: RedactionConfig, key: string): Redactor {
  const placeholder = placeholderFor(key);
  const headerNames = new Set<string>([...defaultRedactedHeaders, ...config.headers.map((h) => h.toLowerCase())]);
  const patterns: TextPattern[] = [...(config.builtinPatterns ? builtinPatterns : []), ...configuredPatterns(config.patterns)];
  const paths: JsonPathStep[][] = config.jsonPaths.map(compileJsonPath);
  const pathKeys = keyValuePattern(paths);

  const text = (s: string, known: Map<string, string>): string => {
    let out = s;
    for (const [secret, token] of known) if (out.includes(secret)) out = out.replaceAll(secret, token);
    for (const p of patterns) {
      if (p.hint !== undefined && !out.includes(p.hint)) continue;
      p.regex.lastIndex = 0;
      if (!p.regex.test(out)) continue;
      out = out.replace(p.regex, (m) => (p.accept === undefined || p.accept(m) ? placeholder(p.name, m) : m));
    }
    return out;
  };

  /** JSON paths, then text patterns; a body that is not JSON only gets the patterns. */
  const json = (s: string, known: Map<string, string>): string => {
    if (paths.length > 0) {
      const first = s.trimStart().charCodeAt(0);
      if (first === 123 || first === 91) {
        try {
          const parsed: unknown = JSON.parse(s);
          let hits = 0;
          const replaceJsonValue = (value: unknown): unknown => {
            const secret = typeof value === 'string' ? value : JSON.stringify(value);
            const token = placeholder('json', secret);
            remember(known, secret, token);
            return token;
          };
          for (const steps of paths) hits += replaceAtPath(parsed, steps, replaceJsonValue);
          // Re-serialise only when a path matched, so untouched bodies keep their exact bytes.
          if (hits > 0) return text(JSON.stringify(parsed), known);
        } catch {
          // Not JSON after all, or cut at the capture cap: the configured paths cannot be
          // walked, so every scalar under their final key names is redacted in the text —
          // wherever it stands, which errs towards redacting too much, never too little.
          if (pathKeys !== null) {
            const scrubbed = s.replace(pathKeys, (_m, name: string, value: string) => {
              const secret = value.startsWith('"') ? value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined) : value;
              const token = placeholder('json', secret);
              remember(known, secret, token);
              return `"${name}":${JSON.stringify(token)}`;
            });
            return text(scrubbed, known);
          }
        }
      }
    }
    return text(s, known);
  };

  return {
    forExchange() {
      const known = new Map<string, string>();
      return {
        headers(headers) {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(headers)) {
            if (headerNames.has(name)) {
              const token = placeholder(name, value);
              remember(known, value, token);
              // The credential inside `Bearer …` / `session=…` is what an echo would repeat;
              // short parts (`Bearer`, cookie names) are ordinary words, not secrets.
              for (const part of value.split(/[\s;,=]+/)) if (part.length >= minEchoedPart) remember(known, part, token);
              out[name] = token;
            } else out[name] = text(value, known);
          }
          return out;
        },
        query(query) {
          if (query === '') return query;
          return query
            .split('&')
            .map((part) => {
              const eq = part.indexOf('=');
              if (eq === -1) return text(part, known);
              const rawName = part.slice(0, eq);
              const value = safeDecode(part.slice(eq + 1));
              const name = safeDecode(rawName).toLowerCase().replaceAll('-', '_');
              if (secretQueryNames.has(name)) {
                const token = placeholder(name, value);
                remember(known, value, token);
                return `${rawName}=${encodeURIComponent(token)}`;
              }
              // Patterns run over the decoded value, so `a%40b.com` is caught as an email.
              const redacted = text(value, known);
              return redacted === value ? part : `${rawName}=${encodeURIComponent(redacted)}`;
            })
            .join('&');
        },
        body(s, contentType) {
          if (contentType.includes('event-stream')) return sseText(s, (line) => json(line, known));
          return contentType.includes('json') ? json(s, known) : text(s, known);
        },
        sseEvent(event) {
          const data = json(event.data, known);
          return data === event.data ? event : { ...event, data };
        },
      };
    },
  };
}

/**
 * `"key": value` for the last key of each JSON path (`$.user.password` → `password`,
 * `$..email` → `email`), matching a string (also one cut off at the end of a truncated body),
 * a number or a boolean; `null` when no path ends in a key.
 */
function keyValuePattern(paths: readonly (readonly JsonPathStep[])[]): RegExp | null {
  const names = new Set<string>();
  for (const steps of paths) {
    const last = [...steps].reverse().find((step) => step.kind === 'key' || step.kind === 'descendant');
    if (last !== undefined && (last.kind === 'key' || last.kind === 'descendant')) names.add(last.key);
  }
  if (names.size === 0) return null;
  const alternatives = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`"(${alternatives})"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*(?:"|$)|-?\\d[\\d.eE+-]*|true|false)`, 'g');
}

function remember(known: Map<string, string>, secret: string, token: string): void {
  if (secret.length < minEchoedSecret || known.size >= maxKnownSecrets || known.has(secret)) return;
  known.set(secret, token);
  // A JSON echo escapes quotes and backslashes; remember that spelling as well.
  const escaped = JSON.stringify(secret).slice(1, -1);
  if (escaped !== secret && known.size < maxKnownSecrets) known.set(escaped, token);
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
