import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanaryService } from '@understudy/canary';
import { seededRandom, systemClock, systemRandom } from '@understudy/core';
import { openStore } from '@understudy/store';
import { Registry } from 'prom-client';
import { startCanaryController } from '../canary-wiring.js';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { compareWiring, tapProcessCompareThreads } from '../compare-wiring.js';
import { runDemoScenario } from '../demo/demo-scenario.js';
import { startDemoStack } from '../demo/demo-stack.js';
import { formatDemoSummary } from '../demo/format-demo-summary.js';
import { parseFlags } from '../parse-flags.js';
import { recordDepsFor } from '../record-deps.js';
import { configuredReplayer } from '../replayer-wiring.js';
import { runTap } from '../run-tap.js';
import { generateToken } from '../secrets.js';
import { startShadowWorker } from '../shadow-wiring.js';
import { ShutdownStack } from '../shutdown-stack.js';
import type { Command } from './command.js';
import { parseNumberFlag } from './replay-flags.js';

const usage = `Usage: understudy demo [--keep] [--config FILE] [--seed N] [--capture N]

Runs the whole story headless in about a minute, in a fresh database of its own: customer
conversations through the tap to v1 (production) with live shadow copies to v3, a replay gate
of v2 and v3 against the captured traffic, a canary for v3 (a regressed prompt: its gates roll
it back by themselves) and one for v2 (a good rewrite: promoted). Prints what happened and why.

The replay gate fails a candidate with more than 15 % of its judged items (match, noise,
regression) beyond production's noise, and gives no verdict on fewer than 30 judged items: a
candidate without a verdict gets no canary. Exit 0 only if the gate failed v3 and passed v2, v3
was rolled back and v2 promoted; 1 otherwise.

  --keep          print the path of the demo's database and keep it (default: a temporary file)
  --config FILE   a config file (default: ./understudy.config.json when present); its "compare"
                  section is how the demo compares, with the optional LLM judge (compare.judge),
                  whose figures then close the summary
  --seed N        a reproducible run: the customers' conversations, the agents' replies (each
                  request's own draws, whatever order concurrent requests arrive in) and the
                  canaries draw from N instead of the system's randomness
  --capture N     live exchanges to capture before the replay gate, which replays at most
                  60 of them (default 120)
`;

export const demoCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      keep: { type: 'boolean' },
      config: { type: 'string' },
      seed: { type: 'string' },
      capture: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const seed = typeof values.seed === 'string' ? Number(values.seed) : undefined;
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, not "${values.seed}"`);
    const captureFirst = parseNumberFlag('capture', values.capture, 1, 100_000, true);
    const random = seed === undefined ? systemRandom : seededRandom(seed);
    const dir = mkdtempSync(join(tmpdir(), 'understudy-demo-'));
    const dbUrl = join(dir, 'demo.db');
    const { config } = loadCliConfig(io, typeof values.config === 'string' ? values.config : undefined, {
      tap: { port: 0, host: '127.0.0.1' },
      control: { port: 0 },
    });
    const clock = systemClock;
    // Quiet: the phases and the summary are the output; warnings and errors still show.
    const logger = createCliLogger(io, { readable: true, level: io.env.UNDERSTUDY_LOG_LEVEL ?? 'warn' });
    const stack = new ShutdownStack();
    const started = clock.monotonic();
    try {
      const redactionKey = generateToken(systemRandom);
      const store = await openStore({ url: dbUrl, redactionKey });
      stack.defer('close store', () => store.close());
      const registry = new Registry();
      const demo = await startDemoStack({ config, store, redactionKey, logger, clock, stack, registry, latencyMs: 20, seed });
      const { tap, listening } = await runTap({
        config: demo.config,
        version: demo.version,
        store,
        dbUrl,
        dataDir: dir,
        redactionKey,
        logger,
        clock,
        stack,
        shadowVersion: demo.shadowVersion,
        registry,
      });
      // The demo compares as the config says, with its judge when one is configured (one for the process).
      const compare = await compareWiring(config, io, {}, { registry, compareThreads: tapProcessCompareThreads });
      stack.defer('close the judge', () => compare.close());
      startShadowWorker({ store, registry: tap.registry, clock, logger, stack, compare });
      startCanaryController({ store, clock, logger, stack });
      const replayer = configuredReplayer({ store, record: recordDepsFor(config, dir, redactionKey), compare, clock, logger });
      stack.defer('close replayer', () => replayer.close());
      const canaries = createCanaryService({ store, clock, random, logger });
      io.stdout(
        `Understudy demo: tap ${listening.url} → v1, shadow copies → v3, database ${values.keep === true ? dbUrl : '(temporary)'}\n`,
      );
      const summary = await runDemoScenario({
        store,
        tapUrl: listening.url,
        replayer,
        canaries,
        clock,
        random,
        logger,
        pace: 'fast',
        ...(captureFirst === undefined ? {} : { captureFirst }),
        onPhase: (text) => io.stdout(`${text}\n`),
        ...(signal === undefined ? {} : { signal }),
      });
      io.stdout(formatDemoSummary(summary, (clock.monotonic() - started) / 1000, compare.judge?.stats()));
      return summary.ok ? exitCode.ok : exitCode.breached;
    } finally {
      await stack.unwind(logger);
    }
  },
};
