import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock, UnderstudyError } from '@understudy/core';
import { createReplayer, formatJunit, formatProgress, formatSummary, type PriceFn, type ReplaySpecInput } from '@understudy/replay';
import { openStore } from '@understudy/store';
import { costUsd, priceLookup } from '@understudy/tap';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';
import type { Command } from './command.js';
import { parseDurationFlag, parseNumberFlag, parseTimeFlag } from './replay-flags.js';

const usage = `Usage: understudy replay --target VERSION|URL [--baseline VERSION|URL] [selection] [pacing] [thresholds] [--json] [--junit FILE]
       understudy replay --resume RUN [--json] [--junit FILE]

Replays stored live traffic against a target version and compares every answer with the
original (and, with --baseline, production's own noise on the same inputs). Every item is
committed as it completes: an interrupted run resumes with --resume RUN without re-sending
completed items. Exit 0 pass, 1 a threshold broke (or the run aborted), 2 usage or input error.

Selection:
  --since T / --until T      epoch ms, ISO-8601 time, or an age like 2h (until defaults to now)
  --path GLOB                e.g. /v1/chat/*      --method M     --status 200|2xx
  --version NAME             the version that served the originals
  --limit N                  --sample F (0..1, seeded by --seed N; stable on resume)
Pacing:
  --concurrency N (default 16)   --rate RPS   or   --speed X (original gaps / X; 2 = twice as fast)
  --timeout 30s   --retries 3 (connection errors, 429, 503; Retry-After honoured)
  --error-budget N           abort after N items without a response
Thresholds (exit 1 when broken):
  --max-divergence F         mean divergence over noise, 0..1
  --max-regressions N        --max-error-rate F
Output: a table (with a live progress bar on a terminal), --json, --junit FILE
`;

const flags = {
  target: { type: 'string' },
  baseline: { type: 'string' },
  resume: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  path: { type: 'string' },
  method: { type: 'string' },
  status: { type: 'string' },
  version: { type: 'string' },
  limit: { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  speed: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'error-budget': { type: 'string' },
  'max-divergence': { type: 'string' },
  'max-regressions': { type: 'string' },
  'max-error-rate': { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  config: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>['values'];

export const replayCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, flags);
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const resume = values.resume;
    if (resume === undefined && values.target === undefined) throw new UsageError('replay needs --target VERSION|URL (or --resume RUN)');
    const spec = resume === undefined ? specFromFlags(values) : undefined;
    if (resume !== undefined) {
      const extra = Object.keys(values).filter((k) => !['resume', 'json', 'junit', 'config'].includes(k));
      if (extra.length > 0) throw new UsageError(`--resume takes the run's own settings; drop --${extra[0]}`);
    }
    const { config, dbUrl } = loadCliConfig(io, values.config);
    const lookup = priceLookup(config.tap.pricing);
    const price: PriceFn = (model, input, output) => (model === null ? null : costUsd(lookup(model), input, output));
    const store = await openStore({ url: dbUrl });
    const replayer = createReplayer({ store, price });
    const progress = io.isTty && values.json !== true;
    try {
      let runId = resume;
      if (spec !== undefined) {
        try {
          runId = (await replayer.create(spec)).id;
        } catch (error) {
          if (error instanceof UnderstudyError && (error.code === 'invalid_input' || error.code === 'not_found'))
            throw new UsageError(error.message);
          throw error;
        }
      }
      if (runId === undefined) throw new UsageError('replay needs --target or --resume');
      if (!progress && values.json !== true) io.stderr(`replay ${runId} started\n`);
      const outcome = await replayer.run(runId, {
        ...(signal === undefined ? {} : { signal }),
        ...(progress ? { onProgress: (p) => io.stderr(`\r${formatProgress(p)}`) } : {}),
      });
      if (progress) io.stderr('\n');
      const { summary } = outcome;
      io.stdout(values.json === true ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      if (values.junit !== undefined) writeFileSync(resolve(io.cwd, values.junit), formatJunit(summary));
      if (outcome.run.status === 'aborted' && signal?.aborted === true)
        io.stderr(`interrupted: resume with understudy replay --resume ${runId}\n`);
      return summary.passed ? exitCode.ok : exitCode.breached;
    } finally {
      await replayer.close();
      await store.close();
    }
  },
};

function specFromFlags(v: Values): ReplaySpecInput {
  const now = systemClock.now();
  if (v.rate !== undefined && v.speed !== undefined) throw new UsageError('--rate and --speed exclude each other');
  if (v.status !== undefined && !/^([1-5]\d\d|[1-5]xx)$/i.test(v.status))
    throw new UsageError(`--status must be a code like 200 or a class like 5xx, got "${v.status}"`);
  const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
  return {
    target: v.target ?? '',
    baseline: v.baseline ?? null,
    selection: defined({
      since: parseTimeFlag('since', v.since, now),
      until: parseTimeFlag('until', v.until, now),
      path: v.path,
      method: v.method,
      status: v.status,
      version: v.version,
      limit: parseNumberFlag('limit', v.limit, 1, Number.MAX_SAFE_INTEGER, true),
      sample: parseNumberFlag('sample', v.sample, Number.MIN_VALUE, 1),
      seed: parseNumberFlag('seed', v.seed, 0, 2 ** 31, true),
    }),
    ...defined({
      concurrency: parseNumberFlag('concurrency', v.concurrency, 1, 1024, true),
      rate: parseNumberFlag('rate', v.rate, Number.MIN_VALUE, 1_000_000),
      speed: parseNumberFlag('speed', v.speed, Number.MIN_VALUE, 1_000_000),
      timeoutMs: parseDurationFlag('timeout', v.timeout),
      retries: parseNumberFlag('retries', v.retries, 0, 10, true),
      errorBudget: parseNumberFlag('error-budget', v['error-budget'], 0, Number.MAX_SAFE_INTEGER, true),
    }),
    thresholds: defined({
      maxDivergence: parseNumberFlag('max-divergence', v['max-divergence'], 0, 1),
      maxRegressions: parseNumberFlag('max-regressions', v['max-regressions'], 0, Number.MAX_SAFE_INTEGER, true),
      maxErrorRate: parseNumberFlag('max-error-rate', v['max-error-rate'], 0, 1),
    }),
  };
}
