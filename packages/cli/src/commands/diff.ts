import { existsSync } from 'node:fs';
import {
  type CanonicalResponse,
  canonicalize,
  compareOptionsFor,
  compareWithBaselines,
  type DivergenceReport,
  formatReport,
} from '@understudy/compare';
import { parseConfig, UnderstudyError } from '@understudy/core';
import { applyExtensions, type JudgeSettings } from '@understudy/replay';
import { storeKind } from '@understudy/store';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { compareWiring } from '../compare-wiring.js';
import { parseFlags } from '../parse-flags.js';
import { withStore } from '../with-store.js';
import { isFileArgument, type Loaded, loadExchange, loadFile } from './diff-inputs.js';

const usage = `Usage: understudy diff ORIGINAL CANDIDATE [--baseline B]... [--endpoint "POST /path"] [--json] [--no-color]
                       [--extension MODULE] [--judge URL --judge-model M] [--config FILE]

Compares two responses and prints the divergence report: what changed (status, error, tool
calls, JSON fields, text, and the facts the text states: amounts, dates, codes, names, negations,
added claims) and whether it exceeds production's own noise.
ORIGINAL is production's answer, CANDIDATE the new version's. Each may be a file — a response body
(JSON or SSE text), an exported exchange (a line of \`understudy export\`), the API's exchange JSON
(GET /api/exchanges/:id) or a saved response { status, headers, path, body } — or the id of an
exchange in the store (UNDERSTUDY_DB).
  --baseline B      another production answer to the same input (file or exchange id); what
                    production varies on is noise (repeat the flag for more)
  --endpoint E      the noise-model bucket and config ignore rules (default: from the inputs)
  --json            the report as JSON
  --judge URL       also ask an OpenAI-compatible chat endpoint (https://…/v1) for a verdict, with
  --judge-model M   that model (key in UNDERSTUDY_JUDGE_API_KEY); its failure is noted, not fatal.
                    Without --judge, compare.judge of the config (if set) is asked
Exit 0 match or noise, 1 regression, 2 usage or input error.
`;

const flags = {
  baseline: { type: 'string', multiple: true },
  endpoint: { type: 'string' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  extension: { type: 'string' },
  judge: { type: 'string' },
  'judge-model': { type: 'string' },
  config: { type: 'string' },
} as const;

/**
 * `understudy diff ORIGINAL CANDIDATE`: compares two responses (files or stored exchange ids) and prints the report.
 * Returns 0 for match or noise, 1 for a regression; bad input throws a {@link UsageError} (2).
 */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags, { positionals: true });
  if (values.help === true) {
    io.stdout(usage);
    return exitCode.ok;
  }
  if (positionals.length !== 2)
    throw new UsageError('diff needs two files or exchange ids: ORIGINAL CANDIDATE (see understudy diff --help)');
  const { config, dbUrl } = loadCliConfig(io, values.config);
  const settings = config.compare;
  const inputs = [...positionals, ...(values.baseline ?? [])];
  // Files are read as they are; anything else is an exchange id, and only then is the store opened
  // — one that exists: a read-only command never creates a database (a typo in UNDERSTUDY_DB).
  const firstId = inputs.find((a) => !isFileArgument(a, io.cwd));
  if (firstId !== undefined && storeKind(dbUrl) === 'sqlite' && dbUrl !== ':memory:' && !existsSync(dbUrl))
    throw new UsageError(`no file named ${firstId}, and no database at ${dbUrl} (UNDERSTUDY_DB) to read an exchange id from`);
  const loaded: Loaded[] =
    firstId === undefined
      ? inputs.map((a) => loadFile(a, io.cwd))
      : await withStore(io, values.config, async (store) => {
          const out: Loaded[] = [];
          for (const a of inputs) out.push(isFileArgument(a, io.cwd) ? loadFile(a, io.cwd) : await loadExchange(store, a));
          return out;
        });
  const [original, candidate, ...baselines] = loaded as [Loaded, Loaded, ...Loaded[]];
  const endpoint = values.endpoint ?? original.endpoint ?? candidate.endpoint ?? '*';
  const options = compareOptionsFor(settings, endpoint);
  const a: CanonicalResponse = canonicalize(original.response);
  const b: CanonicalResponse = canonicalize(candidate.response);

  const baselineCanon = baselines.map((base) => canonicalize(base.response));
  const {
    report: compared,
    noise,
    judge: judgeOptions,
  } = compareWithBaselines(b, a, baselineCanon, { ...options, textHunks: values.json !== true });
  // Second opinions: --extension (else compare.extension), then the optional LLM judge — --judge URL
  // --judge-model M, else compare.judge of the config. Only when asked for; a failure is reported
  // on the pair, never fatal.
  if (values.judge !== undefined && values['judge-model'] === undefined) throw new UsageError('--judge needs --judge-model NAME');
  const judgeFlag =
    values.judge !== undefined && values['judge-model'] !== undefined
      ? judgeFromFlags(values.judge, values['judge-model'], settings.judge)
      : undefined;
  const wiring = await compareWiring(config, io, {
    ...(values.extension === undefined ? {} : { extension: values.extension }),
    ...(judgeFlag === undefined ? {} : { judge: judgeFlag }),
  });
  let report: DivergenceReport;
  try {
    report = await applyExtensions(compared, wiring.extensions, b, a, { noise, judge: judgeOptions, baselines: baselineCanon });
  } finally {
    await wiring.close();
  }
  if (values.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatReport(report, { color: io.isTty && values['no-color'] !== true && io.env.NO_COLOR === undefined }));
  return report.verdict === 'regression' ? exitCode.breached : exitCode.ok;
}

/**
 * `--judge URL --judge-model M`: one call, the config judge's key variable, timeout and prompt
 * budget (else the schema's defaults), checked by the config schema so a bad URL is a usage error.
 */
function judgeFromFlags(url: string, model: string, configured: JudgeSettings | undefined): JudgeSettings {
  const { apiKeyEnv, timeoutMs, maxPromptChars } = configured ?? {};
  try {
    const judge = parseConfig({ compare: { judge: { url, model, apiKeyEnv, timeoutMs, maxPromptChars, maxCalls: 1, concurrency: 1 } } })
      .compare.judge;
    if (judge !== undefined) return judge;
  } catch (error) {
    if (error instanceof UnderstudyError)
      throw new UsageError(`--judge ${url} --judge-model ${model}: ${error.message.replace(/^config: compare\.judge\./, '')}`);
    throw error;
  }
  throw new UsageError('--judge needs --judge-model NAME');
}
