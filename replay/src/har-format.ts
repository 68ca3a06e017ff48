import { type Exchange, type IdGenerator, noUsage } from '@understudy/core';
import { z } from 'zod/v4';
import type { ImportItem } from './import-problem.js';

const nameValue = z.array(z.looseObject({ name: z.string(), value: z.string() }));
const entrySchema = z.looseObject({
  startedDateTime: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date'),
  time: z.number(),
  request: z.looseObject({
    method: z.string().min(1),
    url: z
      .string()
      .regex(/^https?:\/\//i, 'an http(s) URL')
      .refine((u) => URL.canParse(u), 'an http(s) URL'),
    headers: nameValue,
    postData: z.looseObject({ mimeType: z.string().optional(), text: z.string().optional(), encoding: z.string().optional() }).optional(),
  }),
  response: z.looseObject({
    // 0 is HAR's "no response"; anything else must be a status an exported file can carry back in.
    status: z
      .number()
      .int()
      .refine((s) => s === 0 || (s >= 100 && s <= 599), 'an HTTP status 100-599, or 0 for no response'),
    headers: nameValue,
    content: z.looseObject({
      size: z.number().optional(),
      mimeType: z.string().optional(),
      text: z.string().optional(),
      encoding: z.string().optional(),
    }),
    _error: z.string().nullable().optional(),
  }),
  timings: z
    .looseObject({
      blocked: z.number().optional(),
      dns: z.number().optional(),
      connect: z.number().optional(),
      send: z.number().optional(),
      wait: z.number().optional(),
    })
    .optional(),
});

const encoder = new TextEncoder();

/**
 * HAR 1.2 (as Chromium, Playwright and browser devtools save it) → exchanges. Each entry is
 * checked on its own, so a bad one is reported as `entry N` (1-based) with the field at fault.
 * HTTP/2 pseudo-headers (`:authority`…) are dropped; a status of 0 (no response) becomes an error.
 */
export function* parseHar(
  text: string,
  options: { ids: IdGenerator; idAt: (ms: number) => void; version: string },
): Generator<ImportItem<Exchange[]>> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    yield { ok: false, problem: { where: 'file', reason: `not JSON: ${cause instanceof Error ? cause.message : String(cause)}` } };
    return;
  }
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) {
    yield { ok: false, problem: { where: 'file', reason: 'not a HAR file: no log.entries array' } };
    return;
  }
  for (let i = 0; i < entries.length; i++) {
    const parsed = entrySchema.safeParse(entries[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      yield { ok: false, problem: { where: `entry ${i + 1}`, reason: `invalid HAR entry${at}: ${issue?.message ?? 'invalid'}` } };
      continue;
    }
    const e = parsed.data;
    const url = new URL(e.request.url);
    const startedAt = Date.parse(e.startedDateTime);
    options.idAt(startedAt);
    const requestBytes = decodeText(e.request.postData?.text, e.request.postData?.encoding);
    const responseBytes = decodeText(e.response.content.text, e.response.content.encoding);
    const t = e.timings;
    const ttfb =
      t === undefined
        ? null
        : [t.blocked, t.dns, t.connect, t.send, t.wait].reduce<number>((sum, v) => sum + (v !== undefined && v > 0 ? v : 0), 0);
    const failed = e.response.status === 0;
    // Devtools write -1 or fractions here; a stored size is a whole, safe byte count.
    const declaredSize = Math.min(Math.max(0, Math.floor(e.response.content.size ?? 0)), Number.MAX_SAFE_INTEGER);
    const responseHeaders = headerMap(e.response.headers);
    yield {
      ok: true,
      value: [
        {
          id: options.ids(),
          startedAt,
          method: e.request.method.toUpperCase(),
          path: url.pathname,
          query: url.search.replace(/^\?/, ''),
          requestHeaders: headerMap(e.request.headers),
          requestBody: { bytes: requestBytes, size: requestBytes.length, truncated: false },
          status: failed ? null : e.response.status,
          responseHeaders,
          responseBody: {
            bytes: responseBytes,
            size: Math.max(responseBytes.length, declaredSize),
            truncated: declaredSize > responseBytes.length,
          },
          streamed: (responseHeaders['content-type'] ?? e.response.content.mimeType ?? '').includes('text/event-stream'),
          sseEvents: null,
          ttfbMs: ttfb !== null && Number.isFinite(ttfb) ? ttfb : null,
          durationMs: e.time >= 0 ? e.time : null,
          version: options.version,
          role: 'live',
          parentId: null,
          usage: noUsage,
          error: failed ? { code: 'upstream_unreachable', message: e.response._error ?? 'no response recorded' } : null,
        },
      ],
    };
  }
}

function headerMap(list: readonly { name: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of list) {
    if (name.startsWith(':')) continue;
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  }
  return out;
}

function decodeText(text: string | undefined, encoding: string | undefined): Uint8Array {
  if (text === undefined) return new Uint8Array(0);
  return encoding === 'base64' ? new Uint8Array(Buffer.from(text, 'base64')) : encoder.encode(text);
}
