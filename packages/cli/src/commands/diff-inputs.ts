import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CanonicalizeInput, endpointKey } from '@understudy/compare';
import type { Exchange, SseEvent } from '@understudy/core';
import type { Store } from '@understudy/store';
import { UsageError } from '../cli-io.js';
import { inputFile } from '../input-file.js';

// Files above this size are refused: the engine bounds its own cost, but reading a stray
// multi-gigabyte file into memory is not a comparison.
const maxFileBytes = 64 * 1024 * 1024;

/** One side of a comparison, read from a file or the store. */
export interface Loaded {
  readonly response: CanonicalizeInput;
  /** `METHOD path` when the file says (an exported exchange). */
  readonly endpoint: string | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringRecord(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function sseEventsOf(v: unknown): SseEvent[] | null {
  if (!Array.isArray(v)) return null;
  return v.filter(isRecord).map((e) => ({
    at: numberOrNull(e.at) ?? 0,
    data: typeof e.data === 'string' ? e.data : '',
    ...(typeof e.event === 'string' ? { event: e.event } : {}),
    ...(typeof e.id === 'string' ? { id: e.id } : {}),
  }));
}

/** An exported exchange (`understudy export` line): response body in base64. */
function fromExchange(v: Record<string, unknown>): Loaded | undefined {
  const body = v.responseBody;
  if (!isRecord(body) || typeof body.base64 !== 'string') return undefined;
  const usage = isRecord(v.usage) ? v.usage : {};
  const error =
    isRecord(v.error) && typeof v.error.message === 'string' ? { code: String(v.error.code ?? 'error'), message: v.error.message } : null;
  const path = typeof v.path === 'string' ? v.path : '';
  return {
    response: {
      status: numberOrNull(v.status),
      headers: stringRecord(v.responseHeaders),
      body: new Uint8Array(Buffer.from(body.base64, 'base64')),
      sseEvents: sseEventsOf(v.sseEvents),
      path,
      durationMs: numberOrNull(v.durationMs),
      ttfbMs: numberOrNull(v.ttfbMs),
      usage: {
        inputTokens: numberOrNull(usage.inputTokens),
        outputTokens: numberOrNull(usage.outputTokens),
        costUsd: numberOrNull(usage.costUsd),
      },
      truncated: body.truncated === true,
      error,
    },
    endpoint: typeof v.method === 'string' && path !== '' ? endpointKey(v.method, path) : undefined,
  };
}

/** The API's exchange JSON (`GET /api/exchanges/:id`): bodies as `{ encoding, text }`. */
function fromApiExchange(v: Record<string, unknown>): Loaded | undefined {
  const body = v.responseBody;
  if (!isRecord(body) || typeof body.text !== 'string' || (body.encoding !== 'utf8' && body.encoding !== 'base64')) return undefined;
  const bytes = body.encoding === 'base64' ? Buffer.from(body.text, 'base64') : Buffer.from(body.text, 'utf8');
  return fromExchange({ ...v, responseBody: { base64: bytes.toString('base64'), truncated: body.truncated === true } });
}

/** A saved response `{ status, headers, path?, body }` (the quality set's format). */
function fromSaved(v: Record<string, unknown>): Loaded | undefined {
  if (typeof v.body !== 'string' || typeof v.status !== 'number' || !isRecord(v.headers)) return undefined;
  const path = typeof v.path === 'string' ? v.path : undefined;
  return {
    response: { status: v.status, headers: stringRecord(v.headers), body: v.body, ...(path ? { path } : {}) },
    endpoint: path ? `POST ${path}` : undefined,
  };
}

/** Whether `arg` names a file (then it is read) rather than an exchange id (then the store is asked). */
export function isFileArgument(arg: string, cwd: string): boolean {
  return existsSync(resolve(cwd, arg)) || /[/\\]|\.[a-z0-9]{1,6}$/i.test(arg);
}

/** Reads a file: a response body, an exported exchange line, the API's exchange JSON or a saved response. */
export function loadFile(file: string, cwd: string): Loaded {
  const path = inputFile(file, cwd);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new UsageError(`cannot read ${file}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
  }
  if (bytes.length > maxFileBytes) throw new UsageError(`${file} is larger than ${maxFileBytes / 1024 / 1024} MB`);
  const text = bytes.toString('utf8');
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  for (const candidate of [text, firstLine]) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate);
    } catch {
      continue;
    }
    if (isRecord(parsed)) {
      const found = fromExchange(parsed) ?? fromApiExchange(parsed) ?? fromSaved(parsed);
      if (found !== undefined) return found;
    }
    break;
  }
  // A raw body: canonicalize detects JSON, SSE, text or bytes by itself.
  return { response: { status: 200, body: new Uint8Array(bytes) }, endpoint: undefined };
}

/** A stored exchange by id (`understudy diff ID_A ID_B`): the store named by UNDERSTUDY_DB. */
export async function loadExchange(store: Store, id: string): Promise<Loaded> {
  const exchange: Exchange | undefined = await store.exchanges.get(id);
  if (exchange === undefined) throw new UsageError(`no file and no stored exchange named ${id}`);
  return { response: exchange, endpoint: endpointKey(exchange.method, exchange.path) };
}
