import { systemClock, systemRandom } from '@understudy/core';
import { openStore } from '@understudy/store';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { parseFlags, parsePort, parseUpstream } from '../parse-flags.js';
import { runTap } from '../run-tap.js';
import { readOrCreateRedactionKey } from '../secrets.js';
import { resolveShadowVersion } from '../shadow-wiring.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import { resolveTapVersion } from '../tap-version.js';
import type { Command } from './command.js';

const usage = `Usage: understudy tap --upstream URL [--version NAME] [--port 8080] [--config FILE]

Runs only the tap: a reverse proxy in front of one agent version that records every exchange
into the store (UNDERSTUDY_DB). Several taps and control planes may share one database.

  --upstream URL   the agent to forward to (else the version's entry in the config or store)
  --version NAME   the version this tap serves (default: stable)
  --port N         the port to listen on (default: 8080)
  --config FILE    a config file (default: ./understudy.config.json when present)
`;

export const tapCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      upstream: { type: 'string' },
      version: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const upstream = parseUpstream(values.upstream);
    const { config, dbUrl, dataDir } = loadCliConfig(io, values.config, {
      tap: definedOnly({ port: parsePort('port', values.port), version: values.version }),
    });
    const logger = createCliLogger(io, { readable: false });
    const stack = new ShutdownStack();
    try {
      const store = await openStore({ url: dbUrl });
      stack.defer('close store', () => store.close());
      const version = await resolveTapVersion(config, store, { name: config.tap.version, upstream, useStore: true });
      if (version === undefined) {
        throw new UsageError(
          `no upstream for version "${config.tap.version}": pass --upstream URL, or add it with "understudy versions add"`,
        );
      }
      await store.versions.upsert(version);
      const redactionKey = config.tap.redaction.key ?? readOrCreateRedactionKey(dataDir, systemRandom);
      const shadowVersion = await resolveShadowVersion(config, store);
      const { listening } = await runTap({ config, version, store, dbUrl, redactionKey, logger, clock: systemClock, stack, shadowVersion });
      logger.info({ url: listening.url, version: version.name, upstream: version.upstream, db: dbUrl }, 'tap listening');
      await untilAborted(signal);
      logger.info('shutting down: draining requests and flushing captures');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};
