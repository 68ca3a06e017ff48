import { systemClock, systemRandom, urlForLog } from '@understudy/core';
import { openStore } from '@understudy/store';
import { Registry } from 'prom-client';
import { adminAccess } from '../admin-token.js';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode } from '../cli-io.js';
import { compareWiring } from '../compare-wiring.js';
import { declaredVersions, planVersions, refuseSilentChanges, writeVersionPlan } from '../config-versions.js';
import { runControlPlane } from '../control-plane-wiring.js';
import { startOtelExport } from '../otel-wiring.js';
import { parseFlags, parsePort } from '../parse-flags.js';
import { logFormatFlag, roleOutput } from '../role-output.js';
import { redactionKeyOf } from '../secrets.js';
import { startShadowWorker } from '../shadow-wiring.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy control [--port 8081] [--config FILE] [--apply-config]

Runs only the control plane: the HTTP API over the store (UNDERSTUDY_DB) and /metrics, and the
OpenTelemetry export when the config's "otel" section or OTEL_EXPORTER_OTLP_ENDPOINT asks for it.
Every route but /healthz needs "Authorization: Bearer <UNDERSTUDY_ADMIN_TOKEN>". Without a
configured token one is generated, printed once, and the server binds to 127.0.0.1 only.
Replays started over the API (POST /api/replays) and the live shadow's copies that taps store
(tap.shadow) are compared as the config's "compare" section says, with its comparator module and
its optional LLM judge (compare.judge: one per process).

  --port N         the port to listen on (default: 8081)
  --config FILE    a config file (default: ./understudy.config.json when present); its
                   "versions" are registered once listening, a differing one refused
  --apply-config   replace stored versions that differ from the config's
  --log-format F   json (default when stdout is not a terminal) or pretty (banner and readable lines)
`;

export const controlCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      port: { type: 'string' },
      config: { type: 'string' },
      'apply-config': { type: 'boolean' },
      ...logFormatFlag,
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const { config, dbUrl, dataDir, file } = loadCliConfig(io, values.config, {
      control: definedOnly({ port: parsePort('port', values.port) }),
    });
    const out = roleOutput(io, values['log-format']);
    const logger = out.logger;
    const access = adminAccess(config, systemRandom);
    const stack = new ShutdownStack();
    try {
      const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
      stack.defer('close store', () => store.close());
      const registry = new Registry();
      const apply = values['apply-config'] === true;
      const plan = await planVersions(store, declaredVersions(config, file));
      refuseSilentChanges(plan, apply);
      // Replays started over the API compare as the config says, with its judge (one per process).
      const compare = await compareWiring(config, io, {}, { registry });
      stack.defer('close the judge', () => compare.close());
      const { listening } = await runControlPlane({ config, dataDir, store, compare, access, registry, clock: systemClock, logger, stack });
      await writeVersionPlan(store, plan, { apply, report: (line) => logger.info(line) });
      // The live shadow's comparisons: taps (`understudy tap`, tap.shadow) only store the copies.
      // Idempotent, so control planes and an `understudy start` on one store never double count.
      startShadowWorker({ store, registry, clock: systemClock, logger, stack, compare });
      out.banner('Understudy control plane is running.', [
        ['api', `${listening.url}/api/…`],
        ['dashboard', `${listening.url}/`],
        ...(access.generated ? ([['sign in', `${listening.url}/login#token=${access.token ?? ''}`]] as const) : []),
        ['database', urlForLog(dbUrl)],
      ]);
      logger.info({ url: listening.url, host: access.host, db: urlForLog(dbUrl) }, 'control plane listening');
      startOtelExport({ config, env: io.env, store, clock: systemClock, logger, stack, registry });
      if (access.generated) io.stderr(`admin token (generated for this run; set UNDERSTUDY_ADMIN_TOKEN to keep one): ${access.token}\n`);
      await untilAborted(signal);
      logger.info('shutting down');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};
