import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyExtension,
  type CanonicalResponse,
  type CompareSettings,
  canonicalize,
  compareOptionsFor,
  compareWithBaselines,
  formatReport,
  type RawResponse,
} from '@understudy/compare';
import type { SseEvent } from '@understudy/core';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { loadCompareExtension } from '../compare-extension-loader.js';
import { parseFlags } from '../parse-flags.js';

const usage = `Usage: understudy diff ORIGINAL CANDIDATE [--baseline FILE]... [--endpoint "POST /path"] [--json] [--no-color]
                       [--extension MODULE] [--config FILE]

Compares two saved responses and prints the divergence report: what changed (status, error,
tool calls, JSON fields, text) and whether it exceeds production's own noise.
ORIGINAL is production's answer, CANDIDATE the new version's. Each file may be a response body
(JSON or SSE text), an exported exchange (a line of \`understudy export\`), or a saved response
{ status, headers, path, body }.
  --baseline FILE   another production answer to the same input; differences production shows
                    against itself are noise (repeat the flag for more pairs)
  --endpoint E      the noise-model bucket and config ignore rules (default: from the files)
  --json            the report as JSON
Exit 0 match or noise, 1 regression, 2 usage or input error.
`;

const flags = {
  baseline: { type: 'string', multiple: true },
  endpoint: { type: 'string' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  extension: { type: 'string' },
  config: { type: 'string' },
} as const;

// Files above this size are refused: the engine bounds its own cost, but reading a stray
// multi-gigabyte file into memory is not a comparison.
const maxFileBytes = 64 * 1024 * 1024;

interface Loaded {
  readonly response: RawResponse;
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
    endpoint: typeof v.method === 'string' && path !== '' ? `${v.method.toUpperCase()} ${path}` : undefined,
  };
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

function load(file: string, cwd: string): Loaded {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, file));
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
      const found = fromExchange(parsed) ?? fromSaved(parsed);
      if (found !== undefined) return found;
    }
    break;
  }
  // A raw body: canonicalize detects JSON, SSE, text or bytes by itself.
  return { response: { status: 200, body: new Uint8Array(bytes) }, endpoint: undefined };
}

/**
 * `understudy diff ORIGINAL CANDIDATE`: compares two saved responses and prints the report.
 * Returns 0 for match or noise, 1 for a regression; bad input throws a {@link UsageError} (2).
 */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags, { positionals: true });
  if (values.help === true) {
    io.stdout(usage);
    return exitCode.ok;
  }
  if (positionals.length !== 2) throw new UsageError('diff needs two files: ORIGINAL CANDIDATE (see understudy diff --help)');
  const [originalFile, candidateFile] = positionals as [string, string];
  const settings: CompareSettings = loadCliConfig(io, values.config).config.compare;
  const original = load(originalFile, io.cwd);
  const candidate = load(candidateFile, io.cwd);
  const baselines = (values.baseline ?? []).map((f) => load(f, io.cwd));
  const endpoint = values.endpoint ?? original.endpoint ?? candidate.endpoint ?? '*';
  const options = compareOptionsFor(settings, endpoint);
  const a: CanonicalResponse = canonicalize(original.response);
  const b: CanonicalResponse = canonicalize(candidate.response);

  const {
    report: compared,
    noise,
    judge: judgeOptions,
  } = compareWithBaselines(
    b,
    a,
    baselines.map((base) => canonicalize(base.response)),
    { ...options, textHunks: values.json !== true },
  );
  let report = compared;
  const extensionPath = values.extension ?? settings.extension;
  if (extensionPath !== undefined) {
    const extension = await loadCompareExtension(extensionPath, io.cwd);
    report = await applyExtension(report, extension, b, a, { noise, judge: judgeOptions });
  }
  if (values.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatReport(report, { color: io.isTty && values['no-color'] !== true && io.env.NO_COLOR === undefined }));
  return report.verdict === 'regression' ? exitCode.breached : exitCode.ok;
}
