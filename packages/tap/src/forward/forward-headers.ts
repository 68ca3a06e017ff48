import { hopByHopHeaders as hopByHop, reservedHeaderPrefix } from '@understudy/capture';

/**
 * Capture's header policy (hop-by-hop fields per RFC 9110 §7.6.1 and whatever `Connection`
 * names) applied to raw header lists. `host` is set by the dispatcher from the upstream origin,
 * and `expect` is answered by Node itself (undici rejects it outright).
 */
const notForwardedUpstream = new Set([...hopByHop, 'host', 'expect', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']);

/**
 * Whether a lower-cased header name is reserved: `x-understudy-*`, also spelled with
 * underscores (`x_understudy_shadow`). CGI-style servers (WSGI, Rack, PHP) map both spellings to
 * the same variable (`HTTP_X_UNDERSTUDY_SHADOW`), so an agent behind one would read a forged
 * underscore header as the tap's own.
 */
export function isReservedHeader(lower: string): boolean {
  if (lower.length < reservedHeaderPrefix.length || lower.charCodeAt(0) !== 120) return false;
  const a = lower.charCodeAt(1);
  const b = lower.charCodeAt(12);
  return (a === 45 || a === 95) && (b === 45 || b === 95) && lower.startsWith('understudy', 2);
}

/** The version's extra upstream headers, prepared once per version. */
export interface ExtraHeaders {
  /** Flat `[name, value, …]`. */
  readonly list: readonly string[];
  /** Lower-cased names: an inbound field of the same name is replaced, not duplicated. */
  readonly names: ReadonlySet<string>;
}

export function extraHeaders(headers: Readonly<Record<string, string>>): ExtraHeaders {
  const list = Object.entries(headers).flat();
  return { list, names: new Set(Object.keys(headers).map((k) => k.toLowerCase())) };
}

/** What the tap knows about the client side of a request, for `x-forwarded-*`. */
export interface ClientHop {
  readonly remoteAddress: string | undefined;
  readonly encrypted: boolean;
}

/**
 * Builds the upstream request headers as a flat `[name, value, …]` list (what undici takes
 * without re-parsing) from Node's `rawHeaders`: hop-by-hop fields, any field the inbound
 * `Connection` names and every `x-understudy-*` are dropped; the version's own headers and
 * `x-forwarded-*` are added.
 */
export function upstreamRequestHeaders(rawHeaders: readonly string[], extra: ExtraHeaders, hop: ClientHop): string[] {
  const named = connectionTokens(rawHeaders);
  const out: string[] = [];
  let forwardedFor: string | undefined;
  let forwardedProto: string | undefined;
  let forwardedHost: string | undefined;
  let host: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const value = rawHeaders[i + 1] as string;
    const lower = name.toLowerCase();
    if (notForwardedUpstream.has(lower)) {
      if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      else if (lower === 'x-forwarded-proto') forwardedProto ??= value;
      else if (lower === 'x-forwarded-host') forwardedHost ??= value;
      else if (lower === 'host') host = value;
      continue;
    }
    if (isReservedHeader(lower)) continue;
    if (named?.has(lower)) continue;
    if (extra.names.has(lower)) continue;
    out.push(name, value);
  }
  for (const item of extra.list) out.push(item);
  // Appending keeps the chain a front proxy built; proto and host describe the first hop.
  const client = hop.remoteAddress ?? 'unknown';
  out.push('x-forwarded-for', forwardedFor === undefined ? client : `${forwardedFor}, ${client}`);
  out.push('x-forwarded-proto', forwardedProto ?? (hop.encrypted ? 'https' : 'http'));
  if (forwardedHost !== undefined || host !== undefined) out.push('x-forwarded-host', forwardedHost ?? (host as string));
  return out;
}

/**
 * Builds the client response headers from the upstream's raw header list: hop-by-hop fields
 * and any upstream `x-understudy-*` are dropped (Node frames the body itself), everything
 * else — `content-encoding` included — passes untouched, then `x-understudy-version` is set.
 */
export function clientResponseHeaders(rawHeaders: readonly string[], versionName: string): string[] {
  const named = connectionTokens(rawHeaders);
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const lower = name.toLowerCase();
    if (hopByHop.has(lower) || isReservedHeader(lower)) continue;
    if (named?.has(lower)) continue;
    out.push(name, rawHeaders[i + 1] as string);
  }
  out.push('x-understudy-version', versionName);
  return out;
}

/** Turns a raw header list into a lower-cased record (repeated fields joined by ", "). */
export function headerRecord(rawHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    const value = rawHeaders[i + 1] as string;
    const prior = out[name];
    out[name] = prior === undefined ? value : `${prior}, ${value}`;
  }
  return out;
}

function connectionTokens(rawHeaders: readonly string[]): Set<string> | undefined {
  let tokens: Set<string> | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length !== 10 || name.toLowerCase() !== 'connection') continue;
    const value = rawHeaders[i + 1] as string;
    // The usual `keep-alive` / `close` name no fields: skip the split.
    if (value === 'keep-alive' || value === 'close') continue;
    for (const token of value.split(',')) {
      const t = token.trim().toLowerCase();
      // `close` and `keep-alive` are options, not field names; skip the set for the common case.
      if (t === '' || t === 'close' || t === 'keep-alive') continue;
      tokens ??= new Set();
      tokens.add(t);
    }
  }
  return tokens;
}
