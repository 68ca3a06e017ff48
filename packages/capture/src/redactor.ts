import { createHmac, hkdfSync } from 'node:crypto';
import type { Headers, RedactionConfig, SseEvent } from '@understudy/core';
import { compileJsonPath, type JsonPathStep, replaceAtPath } from '@understudy/core';
import { redactDecoded } from './ascii-escapes.js';
import { isSecretHeader, isSecretName } from './header-policy.js';
import { accessSegment } from './link-tokens.js';
import { pairedSecretParameters, parameterNames } from './paired-parameters.js';
import { placeholderFor } from './placeholder.js';
import { randomShortToken } from './random-short-token.js';
import { redactEvents } from './redact-events.js';
import { redactSseText } from './redact-sse-text.js';
import { type RedactedEvents, reuse, sameEvents } from './redacted-events.js';
import { type SecretFinder, secretFinder } from './secret-finder.js';
import {
  type MemberRewrite,
  rewriteEveryMember,
  rewriteJsonInStrings,
  rewriteSecretWordMembers,
  secretMemberValues,
} from './secret-members.js';
import { builtinPatterns, configuredPatterns, type TextPattern } from './text-patterns.js';
import { webhookPathSecretStart } from './webhook-path.js';

/**
 * Headers always redacted, whatever their name pattern says (kept for callers that list
 * them); every name {@link isSecretName} matches is redacted too.
 */
export const defaultRedactedHeaders = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'] as const;

/**
 * Applies the redaction policy to the parts of one exchange before it is persisted. It
 * remembers each secret it redacted (a header value, a query key, a JSON value) and scrubs
 * later parts of the same exchange of it too, so an upstream that echoes a secret back in its
 * body does not leak it. Redact request parts first, then response parts.
 */
export interface ExchangeRedactor {
  headers(headers: Headers): Record<string, string>;
  /** A raw query string (without `?`). */
  query(query: string): string;
  /** A URL path: each segment is scanned (decoded) for secrets. */
  path(path: string): string;
  /**
   * Body text of the given content type: JSON keys named like secrets and configured JSON paths
   * too. For an event stream, `events` may give every complete event of `text` as the SSE parser
   * reads all of it, already parsed, so the body is not parsed again.
   */
  body(text: string, contentType: string, events?: readonly SseEvent[]): string;
  /** SSE events, redacted on their reassembled text: no sequence of the returned events spells a secret. */
  events(events: readonly SseEvent[]): SseEvent[];
  sseEvent(event: SseEvent): SseEvent;
  /** Free text (an error message). */
  text(s: string): string;
}

/** The redaction policy, compiled once; `forExchange` starts the per-exchange memory of secrets. */
export interface Redactor {
  forExchange(): ExchangeRedactor;
  /** A keyed digest of bytes that are not stored (binary bodies): equal bytes, equal digest; no guessing without the key. */
  digest(bytes: Uint8Array): string;
  /** A 32-byte key for sealing what must be kept byte for byte (AES-256-GCM), derived from the redaction key. */
  sealingKey(): Buffer;
  /** A 32-byte key for signing `x-understudy-exchange` (see `correlationSigner`), derived from the redaction key. */
  correlationKey(): Buffer;
  /** A 32-byte key for the keyed hashes recorded calls are matched by (egress body keys), derived from the redaction key. */
  matchingKey(): Buffer;
}

/** Known secrets shorter than this are not scrubbed from other parts (too likely to be ordinary text). */
const minEchoedSecret = 6;
/** A secret-named JSON value or a part of a redacted header remembered on its own only from this length. */
const minEchoedPart = 12;
/** Known secrets remembered per exchange. */
const maxKnownSecrets = 64;

export function createRedactor(config: RedactionConfig, key: string): Redactor {
  const placeholder = placeholderFor(key);
  const extraHeaders = new Set<string>([...defaultRedactedHeaders, ...config.headers.map((h) => h.toLowerCase())]);
  const patterns: TextPattern[] = [...(config.builtinPatterns ? builtinPatterns : []), ...configuredPatterns(config.patterns)];
  const paths: JsonPathStep[][] = config.jsonPaths.map((p) => compileJsonPath(p));
  const pathNames = lastKeys(paths);
  const secretHeader = (name: string): boolean => extraHeaders.has(name) || isSecretHeader(name);
  /** A JSON member or query parameter name as written (camelCase counts). */
  const secretKey = (name: string): boolean => isSecretName(name) || pathNames.has(name.toLowerCase());
  const cleanPaths = new Set<string>();

  return {
    digest: (bytes) => createHmac('sha256', key).update(bytes).digest('hex').slice(0, 24),
    sealingKey: () => Buffer.from(hkdfSync('sha256', key, 'understudy', 'egress-sealing', 32)),
    correlationKey: () => Buffer.from(hkdfSync('sha256', key, 'understudy', 'egress-correlation', 32)),
    matchingKey: () => Buffer.from(hkdfSync('sha256', key, 'understudy', 'egress-body-key', 32)),
    forExchange() {
      const known = new Map<string, string>();
      // A secret the patterns find by its context (a label, a path segment) is known from then on,
      // so a later part echoing it without that context is scrubbed too.
      const finder: SecretFinder = secretFinder(patterns, known, (secret, token) => remember(known, secret, token, minEchoedSecret));
      // Patterns and names are matched on the text as written and as a JSON reader decodes it (`sk-\u0070roj-…`).
      const textAsWritten = (s: string, seenOnce = false): string => finder.redact(s, placeholder, seenOnce);
      const text = (s: string): string => redactDecoded(s, textAsWritten);

      const keep = (secret: string, token: string, min = minEchoedSecret): void => remember(known, secret, token, min);
      /** The last events redacted, with their redaction. */
      let lastEvents: RedactedEvents | undefined;

      /** Secret-named members and configured paths, then patterns; a body that is not JSON only gets the patterns. */
      const json = (s: string): string => redactDecoded(s, jsonAsWritten);
      /** `json` for a stream's event, a text seen once (see `SecretFinder.ranges`). */
      const eventJson = (s: string): string => redactDecoded(s, (t) => jsonAsWritten(t, true));
      const jsonAsWritten = (s: string, seenOnce = false): string => {
        let out = s;
        if (paths.length > 0) {
          const first = s.trimStart().charCodeAt(0);
          if (first === 123 || first === 91) {
            try {
              const parsed: unknown = JSON.parse(s);
              let hits = 0;
              for (const steps of paths)
                hits += replaceAtPath(parsed, steps, (value) => {
                  const secret = typeof value === 'string' ? value : JSON.stringify(value);
                  const token = placeholder('json', secret);
                  keep(secret, token);
                  return token;
                });
              // Re-serialised only when a path matched, so untouched bodies keep their exact bytes.
              if (hits > 0) out = JSON.stringify(parsed);
            } catch {
              // Not JSON after all, or cut at the capture cap: the members below still catch the
              // configured paths' final keys wherever they stand (too much, never too little).
            }
          }
        }
        const member: MemberRewrite = (whole, name, value) => {
          if (!secretKey(name)) return whole;
          if (value.startsWith('"[redacted:')) return whole;
          const secret = value.startsWith('"') ? value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined) : value;
          const token = placeholder(keyKind(name), secret);
          keep(secret, token, minEchoedPart);
          return `"${name}":${JSON.stringify(token)}`;
        };
        // A configured path's final key may be any word; secret names all contain a secret word.
        out = pathNames.size > 0 ? rewriteEveryMember(out, member) : rewriteSecretWordMembers(out, member);
        // JSON held in a string (a tool call's arguments) gets the same rules, one level down each time.
        out = rewriteJsonInStrings(out, isSecretName, json);
        return textAsWritten(out, seenOnce);
      };

      /** Each segment of a path scanned, decoded, for secrets (see `ExchangeRedactor.path`). */
      const redactPath = (path: string): string => {
        // A hook's path is its credential after the workspace's id (`/services/T…/B…/…`), whatever its length.
        const hook = webhookPathSecretStart(path);
        if (hook !== -1) {
          const secret = path.slice(hook);
          const token = placeholder('webhook', secret);
          keep(secret, token);
          return path.slice(0, hook) + token;
        }
        let afterCredential = false;
        let afterAccess = false;
        return path
          .split('/')
          .map((segment) => {
            if (segment === '') return segment;
            const decoded = safeDecode(segment);
            // `/keys/Kq8Zx2Vb7Np9Lc3R`, `/webhooks/123/Wh7kP2mZ9qR4tL8x`: a token short of the
            // unlabelled rule's length, known by the segment it follows.
            const redacted = text(decoded);
            if (redacted !== decoded) return redacted;
            // An access link's path (`/reset/…`, `/invite/accept/…`) makes every later token one (`link-tokens.ts`).
            if ((afterCredential || afterAccess) && randomShortToken(decoded)) {
              const token = placeholder('path_token', decoded);
              keep(decoded, token);
              return token;
            }
            if (credentialSegment(decoded)) afterCredential = true;
            else if (plainWord.test(decoded)) afterCredential = false;
            if (accessSegment(decoded)) afterAccess = true;
            return segment;
          })
          .join('/');
      };

      const self: ExchangeRedactor = {
        headers(headers) {
          const out: Record<string, string> = {};
          // Keys, not entries: no pair array per header (every header of every exchange comes through here).
          for (const name of Object.keys(headers)) {
            const value = headers[name] as string;
            if (secretHeader(name.toLowerCase()) && !value.startsWith('[redacted:')) {
              const token = placeholder(name.toLowerCase(), value);
              keep(value, token);
              // The credential inside `Bearer …` / `session=…` is what an echo would repeat;
              // short parts (`Bearer`, cookie names) are ordinary words, not secrets.
              for (const part of value.split(/[\s;,=]+/)) if (part.length >= minEchoedPart) keep(part, token);
              out[name] = token;
            } else out[name] = text(value);
          }
          return out;
        },
        query(query) {
          if (query === '') return query;
          // `code` beside `state`, `pass` beside `user`: names that are secret only in this company.
          const paired = pairedSecretParameters(parameterNames(query).map(safeDecode));
          return query
            .split('&')
            .map((part) => {
              const eq = part.indexOf('=');
              if (eq === -1) return text(part);
              const rawName = part.slice(0, eq);
              const name = safeDecode(rawName);
              const value = safeDecode(part.slice(eq + 1));
              if ((secretKey(name) || paired.has(name)) && !value.startsWith('[redacted:')) {
                const token = placeholder(safeDecode(rawName).toLowerCase().replaceAll('-', '_'), value);
                keep(value, token);
                return `${rawName}=${encodeURIComponent(token)}`;
              }
              // Patterns run over the decoded value, so `a%40b.com` is caught as an email; a value
              // that is JSON (`q={"password":…}`) gets the member rules too.
              const redacted = json(value);
              return redacted === value ? part : `${rawName}=${encodeURIComponent(redacted)}`;
            })
            .join('&');
        },
        path(path) {
          // A path kept as it came once (`/v1/chat/completions` on nearly every exchange) is kept
          // again, unless one of this exchange's known secrets stands in it.
          if (cleanPaths.has(path) && !holdsKnown(known, path)) return path;
          const redacted = redactPath(path);
          if (redacted === path && rememberablePath(path)) {
            if (cleanPaths.size >= maxCleanPaths) cleanPaths.clear();
            cleanPaths.add(path);
          }
          return redacted;
        },
        body(s, contentType, events) {
          // A media type is case-insensitive (RFC 9110 §8.3.1). Any other text gets the JSON rules:
          // JSON sent as text/plain or untyped holds secret-named members all the same, and text
          // with no `"name":` member only gets the patterns.
          const type = contentType.toLowerCase();
          if (type.includes('event-stream')) return redactSseText(s, self, json, events);
          if (type.includes('x-www-form-urlencoded')) return self.query(s);
          return json(s);
        },
        events(events) {
          // A stream's events are redacted for its stored body and again as its stored events:
          // the same events, so the second call reuses the first's work (the costliest part of
          // building a long stream's exchange), each event keeping its own arrival time.
          if (lastEvents?.input === events) return [...lastEvents.output];
          if (lastEvents !== undefined && sameEvents(lastEvents.input, events)) return reuse(lastEvents, events);
          const output = redactEvents(events, finder, placeholder, eventJson, (channel) =>
            secretMemberValues(channel, secretKey).map((v) => ({ start: v.start, end: v.end, kind: keyKind(v.name) })),
          ).map((e) => fieldsRedacted(e, text));
          lastEvents = { input: events, output };
          return output;
        },
        sseEvent(event) {
          const data = json(event.data);
          return data === event.data ? event : { ...event, data };
        },
        text,
      };
      return self;
    },
  };
}

/** An event with the patterns run over its `id` and `event` name (kept, the same object, when neither changes). */
function fieldsRedacted(e: SseEvent, text: (s: string) => string): SseEvent {
  const id = e.id === undefined ? undefined : text(e.id);
  const name = e.event === undefined ? undefined : text(e.event);
  if (id === e.id && name === e.event) return e;
  return { ...e, ...(id === undefined ? {} : { id }), ...(name === undefined ? {} : { event: name }) };
}

/** A path segment that is a word (`rotate`, `refresh`, `v1`): what follows it is named by it, not by a credential segment before it. */
const plainWord = /^[A-Za-z][a-z]*\d?$/;

/**
 * A URL path segment after which a token stands: a secret name or its plural (`key`, `keys`,
 * `api-keys`, `token`, `secrets`, `credentials`) or a hook (`hooks`, `webhook`), whose URL is
 * itself the credential (`/api/webhooks/{id}/{token}`, `/hooks/{token}`).
 */
function credentialSegment(segment: string): boolean {
  const lower = segment.toLowerCase();
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return hookWords.has(singular) || isSecretName(singular) || isSecretName(lower);
}

const hookWords: ReadonlySet<string> = new Set(['hook', 'webhook', 'web_hook', 'web-hook']);

/** The placeholder kind for a secret-named JSON member: its name, tidied. */
function keyKind(name: string): string {
  const kind = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 32);
  // A name in another script (`пароль`, `密码`) leaves no letter of its own.
  return /[a-z0-9]/.test(kind) ? kind : 'secret';
}

/** The final key of each configured path (`$.user.password` → `password`, `$..pin` → `pin`). */
function lastKeys(paths: readonly (readonly JsonPathStep[])[]): Set<string> {
  const names = new Set<string>();
  for (const steps of paths) {
    const last = [...steps].reverse().find((step) => step.kind === 'key' || step.kind === 'descendant');
    if (last !== undefined && (last.kind === 'key' || last.kind === 'descendant')) names.add(last.key.toLowerCase());
  }
  return names;
}

/** Clean paths remembered per redactor; past this many they are forgotten and learnt again. */
const maxCleanPaths = 1024;

/**
 * A path whose segments read the same decoded (no `%`, `+` or backslash escapes): a known secret
 * in one of them stands in the path as written, so looking for it there is enough.
 */
function rememberablePath(path: string): boolean {
  return path.length <= 256 && !path.includes('%') && !path.includes('+') && !path.includes('\\');
}

function holdsKnown(known: ReadonlyMap<string, string>, text: string): boolean {
  for (const secret of known.keys()) if (text.includes(secret)) return true;
  return false;
}

function remember(known: Map<string, string>, secret: string, token: string, min: number): void {
  if (secret.length < min || known.size >= maxKnownSecrets || known.has(secret)) return;
  known.set(secret, token);
  // A JSON echo escapes quotes and backslashes; remember that spelling as well.
  const escaped = JSON.stringify(secret).slice(1, -1);
  if (escaped !== secret && known.size < maxKnownSecrets) known.set(escaped, token);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}
