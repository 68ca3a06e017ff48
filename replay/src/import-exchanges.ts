import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import {
  createRedactor,
  type ExchangeParts,
  exchangeParts,
  priceLookup,
  type RecordDeps,
  recordExchange,
  reservedHeaderPrefix,
} from '@understudy/capture';
import { canonicalize } from '@understudy/compare';
import {
  createIdGenerator,
  type Exchange,
  type IdGenerator,
  parseConfig,
  type Random,
  systemClock,
  systemRandom,
  UnderstudyError,
} from '@understudy/core';
import type { Store } from '@understudy/store';
import { parseGoReplay } from './goreplay-format.js';
import { parseHar } from './har-format.js';
import type { ImportItem, ImportProblem } from './import-problem.js';
import { parseJsonLine } from './jsonl-format.js';
import { parseOtlp } from './otlp-format.js';

export const importFormats = ['har', 'goreplay', 'jsonl', 'otlp'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportOptions {
  readonly format?: ImportFormat;
  /** Skip entries that do not parse (reported) instead of importing nothing. */
  readonly skipInvalid?: boolean;
  /** Version recorded on HAR and GoReplay entries (JSONL carries its own). Default `imported`. */
  readonly version?: string;
  readonly random?: Random;
  /**
   * How entries are recorded (redactor, prices, body cap): capture's, like every path. By default
   * the default policy under `redactionKey` and the default capture cap.
   */
  readonly record?: RecordDeps;
  readonly redactionKey?: string;
}

export interface ImportResult {
  readonly format: ImportFormat;
  /** Rows written (exchanges; a GoReplay replayed response is its own row). */
  readonly imported: number;
  /** Rows whose id was already stored. */
  readonly duplicates: number;
  readonly skipped: number;
  /** OTLP spans that are not model calls (tools, chains, HTTP): not imported, not errors. */
  readonly ignored: number;
  /** The first problems (at most 20) of the skipped entries. */
  readonly problems: readonly ImportProblem[];
}

const batchSize = 500;
const problemsKept = 20;

/** The format from the extension, else from the first bytes. */
export async function detectFormat(file: string): Promise<ImportFormat> {
  const ext = extname(file).toLowerCase();
  if (ext === '.har') return 'har';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.gor' || ext === '.goreplay') return 'goreplay';
  const head = await firstBytes(file, 512);
  if (/^\s*\{\s*"resourceSpans"/.test(head)) return 'otlp';
  if (/^\s*\{\s*"log"/.test(head)) return 'har';
  if (/^[123] [0-9a-zA-Z]+ \d+/.test(head)) return 'goreplay';
  return 'jsonl';
}

/**
 * Imports a HAR, GoReplay, JSONL or OTLP JSON trace file in ONE transaction: either every entry is stored or,
 * at the first bad one, nothing is and the error names it (`line 12: …`, `entry 3: …`). With
 * `skipInvalid`, bad entries are skipped and counted instead.
 */
export async function importExchanges(store: Store, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const format = options.format ?? (await detectFormat(file));
  const version = options.version ?? 'imported';
  const random = options.random ?? systemRandom;
  const { ids, idAt } = idsAt(random);
  const record = options.record ?? defaultRecordDeps(options.redactionKey, random);
  const problems: ImportProblem[] = [];
  let skipped = 0;
  let ignored = 0;
  let rows = 0;
  let items: AsyncIterable<ImportItem<Exchange[]>> | Iterable<ImportItem<Exchange[]>>;
  try {
    if (format === 'jsonl') items = jsonlItems(file);
    else if (format === 'har') items = parseHar(await readFile(file, 'utf8'), { ids, idAt, version });
    else if (format === 'otlp') items = parseOtlp(await readFile(file, 'utf8'), { ids, idAt, version, onIgnored: () => ignored++ });
    else items = parseGoReplay(await readFile(file), { ids, idAt, version });
  } catch (cause) {
    throw new UnderstudyError('invalid_input', `cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  async function* batches(): AsyncGenerator<Exchange[]> {
    let batch: Exchange[] = [];
    for await (const item of items) {
      if (!item.ok) {
        if (options.skipInvalid !== true)
          throw new UnderstudyError('invalid_input', `${item.problem.where}: ${item.problem.reason}`, {
            details: { where: item.problem.where },
          });
        skipped++;
        if (problems.length < problemsKept) problems.push(item.problem);
        continue;
      }
      // Every entry is recorded through capture (redaction, body cap, header policy), JSONL too:
      // a file may come from anywhere. Usage the file states (JSONL, OTLP span attributes) is
      // kept; otherwise it is read from the bodies.
      for (const e of item.value) {
        const recorded = recordExchange(withOwnMarks(exchangeParts(e)), record);
        const stated = format === 'jsonl' || e.usage.inputTokens !== null || e.usage.outputTokens !== null;
        batch.push(stated ? { ...recorded, usage: e.usage } : withUsage(recorded));
      }
      rows += item.value.length;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  const imported = await store.scan.insertAtomically(batches());
  return { format, imported, duplicates: rows - imported, skipped, ignored, problems };
}

async function* jsonlItems(file: string): AsyncGenerator<ImportItem<Exchange[]>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield { ok: true, value: [parseJsonLine(line, n)] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      yield { ok: false, problem: { where: `line ${n}`, reason: message.replace(/^line \d+: /, '') } };
    }
  }
}

/** HAR and GoReplay carry no token counts of their own: read them from the body, as the tap does. */
function withUsage(e: Exchange): Exchange {
  if (e.usage.inputTokens !== null || e.usage.outputTokens !== null) return e;
  const { inputTokens, outputTokens } = canonicalize(e).usage;
  return inputTokens === null && outputTokens === null ? e : { ...e, usage: { inputTokens, outputTokens, costUsd: e.usage.costUsd } };
}

function defaultRecordDeps(redactionKey: string | undefined, random: Random): RecordDeps {
  const defaults = parseConfig({}).tap;
  let key = redactionKey;
  if (key === undefined) {
    key = '';
    for (let i = 0; i < 32; i++)
      key += Math.floor(random.next() * 256)
        .toString(16)
        .padStart(2, '0');
  }
  return {
    redactor: createRedactor(defaults.redaction, key),
    prices: priceLookup(defaults.pricing),
    maxBodyBytes: defaults.capture.maxBodyBytes,
  };
}

/** Ids that sort by each entry's own start time, so imported traffic pages like captured traffic. */
function idsAt(random: Random): { ids: IdGenerator; idAt: (ms: number) => void } {
  let at = 0;
  const ids = createIdGenerator({ clock: { ...systemClock, now: () => at }, random });
  return { ids, idAt: (ms) => (at = Math.max(0, Math.floor(ms))) };
}

async function firstBytes(file: string, n: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * A shadow or replay row was sent by Understudy itself: its `x-understudy-*` request headers are
 * the markers it sent (shadow, replay run, exchange and attempt), kept as given like the replayer
 * keeps them, so an exported store imports back exactly. On a live row they came from a client,
 * which cannot set them (the tap strips them), and the header policy leaves them out.
 */
function withOwnMarks(parts: ExchangeParts): ExchangeParts {
  if (parts.role === 'live') return parts;
  const marks: Record<string, string> = {};
  for (const [name, value] of Object.entries(parts.request.headers))
    if (name.toLowerCase().startsWith(reservedHeaderPrefix)) marks[name.toLowerCase()] = value;
  return Object.keys(marks).length === 0 ? parts : { ...parts, request: { ...parts.request, marks } };
}
