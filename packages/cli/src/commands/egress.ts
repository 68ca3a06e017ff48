import { systemClock, urlForLog } from '@understudy/core';
import { openStore } from '@understudy/store';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { mergeDestinations, parseDestinationFlag, runEgress } from '../egress-wiring.js';
import { parseFlags, parsePort } from '../parse-flags.js';
import { logFormatFlag, roleOutput } from '../role-output.js';
import { redactionKeyOf } from '../secrets.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy egress [--port 8082] [--destination NAME=URL[:record|passthrough|block]]… [--config FILE]

Runs only the egress proxy: the agent calls its tools at http://<egress>/d/NAME/<path> instead
of the tool's own URL, forwarding the x-understudy-exchange and x-understudy-shadow headers it
received. Live calls are forwarded and recorded (UNDERSTUDY_DB); shadow and replay calls are
answered from the recording, and an unmatched write is refused (409 shadow_blocked). The
x-understudy-exchange value is signed by the tap with a key derived from the redaction key (use
the taps' data directory or tap.redaction.key); one that does not verify is refused (403
correlation_unverified). Listens on 127.0.0.1 unless egress.host says otherwise.

  --port N                 the port to listen on (default: 8082)
  --destination NAME=URL   a tool destination, repeatable; add :passthrough (always forwarded,
                           still recorded) or :block (shadow calls refused); default :record
  --config FILE            a config file (default: ./understudy.config.json when present);
                           its egress.destinations are used too, a flag replaces one of the same name
  --log-format F   json (default when stdout is not a terminal) or pretty (banner and readable lines)
`;

export const egressCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      port: { type: 'string' },
      destination: { type: 'string', multiple: true },
      config: { type: 'string' },
      ...logFormatFlag,
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const flags = (values.destination ?? []).map(parseDestinationFlag);
    const port = parsePort('port', values.port);
    const first = loadCliConfig(io, values.config, { egress: definedOnly({ port }) });
    const destinations = mergeDestinations(first.config.egress.destinations, flags);
    if (destinations.length === 0)
      throw new UsageError('no destinations: pass --destination NAME=URL or set egress.destinations in the config');
    const { config, dbUrl, dataDir } = loadCliConfig(io, values.config, { egress: { ...definedOnly({ port }), destinations } });
    const out = roleOutput(io, values['log-format']);
    const logger = out.logger;
    const stack = new ShutdownStack();
    try {
      const redactionKey = redactionKeyOf(config, dataDir);
      const store = await openStore({ url: dbUrl, redactionKey });
      stack.defer('close store', () => store.close());
      const { listening } = await runEgress({ config, store, redactionKey, logger, clock: systemClock, stack });
      out.banner('Understudy egress proxy is running.', [
        ...config.egress.destinations.map((d) => [`/d/${d.name}`, `${listening.url}/d/${d.name} → ${d.baseUrl} (${d.policy})`] as const),
        ['database', urlForLog(dbUrl)],
      ]);
      logger.info(
        {
          url: listening.url,
          destinations: config.egress.destinations.map((d) => `${d.name}=${urlForLog(d.baseUrl)}:${d.policy}`),
          db: urlForLog(dbUrl),
        },
        'egress proxy listening',
      );
      await untilAborted(signal);
      logger.info('shutting down: flushing tool-call recordings');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};
