import { type CompareExtension, compareOptionsFor } from '@understudy/compare';
import type { Config } from '@understudy/core';
import {
  type CompareOptionsFor,
  type ComparePool,
  type ConfiguredJudge,
  configuredJudge,
  createComparePool,
  type JudgeSettings,
} from '@understudy/replay';
import type { Registry } from 'prom-client';
import type { CliIo } from './cli-io.js';
import { loadCompareExtension } from './compare-extension-loader.js';
import { createJudgeMetrics } from './judge-metrics.js';

/** How this process compares: the config's options per endpoint and its second opinions. */
export interface CompareWiring {
  readonly compareOptions: CompareOptionsFor;
  /** Asked per pair after the rules, in order: `compare.extension`, then the LLM judge. */
  readonly extensions: readonly CompareExtension[];
  /** The process's one LLM judge (`compare.judge`), when configured: its cache and budget span every comparison here. */
  readonly judge: ConfiguredJudge | undefined;
  /** The process's compare threads (started when a run first compares; `diff` compares on its own thread). */
  readonly pool: ComparePool;
  /** Closes the judge's connection pool and the compare threads. */
  close(): Promise<void>;
}

/**
 * The config's `compare` section made ready once per process, for every path that compares in
 * it (replay runs from the CLI or the API, the live shadow's comparisons, `understudy diff`), so
 * they share one judge: one cache by content hash and one budget of calls and prompt characters.
 * `over` replaces the config's comparator module or judge (diff's `--extension`, `--judge`);
 * `registry`, when the process serves metrics, gets the judge's (`understudy_judge_*`);
 * `compareThreads` bounds the compare pool (default one thread per core).
 */
export async function compareWiring(
  config: Config,
  io: Pick<CliIo, 'cwd' | 'env'>,
  over: { readonly extension?: string; readonly judge?: JudgeSettings } = {},
  deps: { readonly registry?: Registry; readonly compareThreads?: number } = {},
): Promise<CompareWiring> {
  const extensions: CompareExtension[] = [];
  const extensionPath = over.extension ?? config.compare.extension;
  if (extensionPath !== undefined) extensions.push(await loadCompareExtension(extensionPath, io.cwd));
  const settings = over.judge ?? config.compare.judge;
  const judge =
    settings === undefined
      ? undefined
      : configuredJudge(settings, io.env, deps.registry === undefined ? {} : { observer: createJudgeMetrics(deps.registry) });
  if (judge !== undefined) extensions.push(judge.extension);
  const pool = createComparePool(deps.compareThreads === undefined ? {} : { threads: deps.compareThreads });
  return {
    compareOptions: (endpoint) => compareOptionsFor(config.compare, endpoint),
    extensions,
    judge,
    pool,
    close: async () => {
      await Promise.all([judge?.close(), pool.close()]);
    },
  };
}

/**
 * Compare threads of a process that also serves the tap (`understudy start`, the demo): one, so the
 * shadow's comparisons leave the proxy's event loop (a 1 MB pair is ≈ 120 ms of rules) while the
 * proxy keeps a core, and the process pays one more V8 heap (≈ 50–100 MB of RSS while comparing), not one per core.
 */
export const tapProcessCompareThreads = 1;
