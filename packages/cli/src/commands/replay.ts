import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { holdEventLoop, systemClock, UnderstudyError } from '@understudy/core';
import { formatJunit, formatMarkdown, formatProgress, formatSummary, type ReplaySpecInput } from '@understudy/replay';
import { openStore } from '@understudy/store';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { compareWiring } from '../compare-wiring.js';
import { applyDeclaredVersions, declaredVersions } from '../config-versions.js';
import { formatJudgeStats } from '../format-judge-stats.js';
import { parseFlags } from '../parse-flags.js';
import { recordDepsFor } from '../record-deps.js';
import { configuredReplayer } from '../replayer-wiring.js';
import { redactionKeyOf } from '../secrets.js';
import type { Command } from './command.js';
import { parseDurationFlag, parseNumberFlag, parseTimeFlag } from './replay-flags.js';

const usage = `Usage: understudy replay --target VERSION|URL [--baseline VERSION|URL] [selection] [pacing] [thresholds] [output]
       understudy replay --resume RUN [output]

Replays stored live traffic against a target version and compares every answer with the
original (and, with --baseline, production's own noise on the same inputs). Every item is
committed as it completes: an interrupted run resumes with --resume RUN without re-sending
completed items. Exit 0 pass, 1 a threshold broke (or the run aborted), 2 usage or input error.

Selection:
  --since T / --until T      epoch ms, ISO-8601 time, or an age like 2h (until defaults to now)
  --path GLOB                e.g. /v1/chat/*      --method M     --status 200|2xx
  --version NAME             the version that served the originals (without it, what a canary's
                             candidate served while its canary lived is left out: its answers are
                             not production's; --include-canary keeps them)
  --limit N                  --sample F (0..1, seeded by --seed N; stable on resume)
Pacing:
  --concurrency N (default 16)   --rate RPS   or   --speed X (original gaps / X; 2 = twice as fast)
  --timeout 30s   --retries 3 (connection errors, 429, 503; Retry-After honoured)
  --error-budget N           abort after N items without a response
Thresholds (exit 1 when broken):
  --max-divergence F         mean divergence over noise, 0..1
  --max-regression-rate F    regressions beyond noise as a share of the judged items (match,
                             noise, regression), 0..1: the same bar for 40 items or 40 000
  --min-judged N             fewest judged items for the run to pass at all (a verdict over a
                             handful of items is no verdict)
  --max-regressions N        a plain count       --max-error-rate F
  --min-baseline-share F     with --baseline: the share of items whose baseline must answer for a
                             noise floor (default 0.8); below it the run fails, with a report line
  --allow-missing-baseline   report a short baseline share without failing
Captures that cannot be replayed as they were (request body cut at the capture cap, or never
captured) are skipped and counted by reason; --include-unreplayable sends them anyway.
Output: a table (with a live progress bar on a terminal), or --json (the machine format), and:
  --junit FILE               JUnit XML (one test case per threshold)
  --markdown FILE            a compact Markdown summary for a CI step summary or a PR comment
  --dashboard-url URL        the dashboard's base URL for the summary's links
                             (default: control.dashboardUrl in the config)
Versions: --target/--baseline NAME resolve in the store; the config's "versions" are registered
there first when absent (a differing one is refused unless --apply-config).
Comparison: the config's "compare" section (ignore paths, margins); "compare.extension" and the
optional LLM judge "compare.judge" ({ url, model, … }) are asked per pair after the rules — a failed
or unbudgeted call keeps the rules' verdict.
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
  'max-regression-rate': { type: 'string' },
  'min-judged': { type: 'string' },
  'max-error-rate': { type: 'string' },
  'min-baseline-share': { type: 'string' },
  'allow-missing-baseline': { type: 'boolean' },
  'include-unreplayable': { type: 'boolean' },
  'include-canary': { type: 'boolean' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  markdown: { type: 'string' },
  'dashboard-url': { type: 'string' },
  config: { type: 'string' },
  'apply-config': { type: 'boolean' },
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
      const extra = Object.keys(values).filter(
        (k) => !['resume', 'json', 'junit', 'markdown', 'dashboard-url', 'config', 'apply-config'].includes(k),
      );
      if (extra.length > 0) throw new UsageError(`--resume takes the run's own settings; drop --${extra[0]}`);
    }
    const dashboardUrl = values['dashboard-url'];
    if (dashboardUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(dashboardUrl))
      throw new UsageError(`--dashboard-url must be an http(s) URL, got "${dashboardUrl}"`);
    const { config, dbUrl, dataDir, file } = loadCliConfig(io, values.config);
    // Second opinions per pair, when configured: a user comparator (compare.extension), then the LLM judge (compare.judge).
    const compare = await compareWiring(config, io);
    const llm = compare.judge;
    const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
    const replayer = configuredReplayer({ store, record: recordDepsFor(config, dataDir), compare });
    const progress = io.isTty && values.json !== true;
    try {
      let runId = resume;
      if (spec !== undefined) {
        // The store resolves --target and --baseline; the config's versions reach it visibly first.
        await applyDeclaredVersions(store, declaredVersions(config, file), {
          apply: values['apply-config'] === true,
          report: (line) => io.stderr(`${line}\n`),
        });
        try {
          runId = (await replayer.create(spec)).id;
        } catch (error) {
          if (error instanceof UnderstudyError && (error.code === 'invalid_input' || error.code === 'not_found'))
            throw new UsageError(error.message);
          throw error;
        }
      }
      if (runId === undefined) throw new UsageError('replay needs --target or --resume');
      if (resume !== undefined) {
        const found = await store.replays.getRun(resume);
        if (found === undefined) throw new UsageError(`--resume: no replay run ${resume}`);
        if (found.status === 'completed') io.stderr(`replay ${resume} already completed; its report:\n`);
      }
      if (!progress && values.json !== true) io.stderr(`replay ${runId} ${resume === undefined ? 'started' : 'resumed'}\n`);
      // Pacing, retry backoffs and resumes wait on unref'd clock timers: hold the loop until the run ends.
      const hold = holdEventLoop();
      const outcome = await replayer
        .run(runId, {
          ...(signal === undefined ? {} : { signal }),
          ...(progress ? { onProgress: (p) => io.stderr(`\r${formatProgress(p)}`) } : {}),
        })
        .finally(() => hold.release());
      if (progress) io.stderr('\n');
      const { summary } = outcome;
      io.stdout(values.json === true ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      if (values.junit !== undefined) writeReport(io, '--junit', values.junit, formatJunit(summary));
      if (values.markdown !== undefined)
        writeReport(
          io,
          '--markdown',
          values.markdown,
          formatMarkdown(summary, { dashboardUrl: dashboardUrl ?? config.control.dashboardUrl }),
        );
      if (llm !== undefined) {
        io.stderr(`judge: ${formatJudgeStats(llm.stats())}\n`);
      }
      if (outcome.run.status === 'aborted' && signal?.aborted === true)
        io.stderr(`interrupted: resume with understudy replay --resume ${runId}\n`);
      return summary.passed ? exitCode.ok : exitCode.breached;
    } finally {
      await replayer.close();
      await store.close();
      await compare.close();
    }
  },
};

/** Writes a report file; an unwritable path is a one-line usage error, not a crash. */
function writeReport(io: CliIo, flag: string, file: string, text: string): void {
  try {
    writeFileSync(resolve(io.cwd, file), text);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

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
      includeCanary: v['include-canary'],
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
    ...defined({
      minBaselineShare: parseNumberFlag('min-baseline-share', v['min-baseline-share'], 0, 1),
      allowMissingBaseline: v['allow-missing-baseline'],
      includeUnreplayable: v['include-unreplayable'],
    }),
    thresholds: defined({
      maxDivergence: parseNumberFlag('max-divergence', v['max-divergence'], 0, 1),
      maxRegressions: parseNumberFlag('max-regressions', v['max-regressions'], 0, Number.MAX_SAFE_INTEGER, true),
      maxRegressionRate: parseNumberFlag('max-regression-rate', v['max-regression-rate'], 0, 1),
      minJudged: parseNumberFlag('min-judged', v['min-judged'], 1, Number.MAX_SAFE_INTEGER, true),
      maxErrorRate: parseNumberFlag('max-error-rate', v['max-error-rate'], 0, 1),
    }),
  };
}
