import { systemClock, urlForLog } from '@understudy/core';
import { openStore } from '@understudy/store';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { declaredVersions, planVersions, refuseSilentChanges, writeVersionPlan } from '../config-versions.js';
import { parseFlags, parsePort, parseUpstream } from '../parse-flags.js';
import { logFormatFlag, roleOutput } from '../role-output.js';
import { runTap } from '../run-tap.js';
import { redactionKeyOf } from '../secrets.js';
import { resolveShadowVersion } from '../shadow-wiring.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy tap [--upstream URL] [--version NAME] [--port 8080] [--config FILE] [--apply-config]

Runs only the tap: a reverse proxy for one route that records every exchange into the store
(UNDERSTUDY_DB). The route is named after --version and serves its primary version as the
store says (a promotion changes it). On PostgreSQL, version and routing changes reach it at
once (LISTEN/NOTIFY); it also polls every tap.routingPollMs (default 250 ms), the fallback and
the way on SQLite. Several taps, controllers and control planes may share one database.
On a SQLite file, captures and routing reads go through a writer child process (restarted if it
dies, e.g. of SIGBUS, after 1 s doubled per death in a row up to 30 s), so the tap's own process
holds no database connection while it serves.

  --upstream URL   declares the version's upstream (else the config's "versions", else the store)
  --version NAME   the route this tap serves, and the version it starts with (default: stable)
  --port N         the port to listen on (default: 8080)
  --config FILE    a config file (default: ./understudy.config.json when present)
  --apply-config   replace stored versions that differ from the declared ones
  --log-format F   json (default when stdout is not a terminal) or pretty (banner and readable lines)
`;

export const tapCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      upstream: { type: 'string' },
      version: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
      'apply-config': { type: 'boolean' },
      ...logFormatFlag,
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const upstream = parseUpstream(values.upstream);
    const { config, dbUrl, dataDir, file } = loadCliConfig(io, values.config, {
      tap: definedOnly({ port: parsePort('port', values.port), version: values.version }),
    });
    const out = roleOutput(io, values['log-format']);
    const logger = out.logger;
    const stack = new ShutdownStack();
    try {
      const redactionKey = redactionKeyOf(config, dataDir);
      const store = await openStore({ url: dbUrl, logger, redactionKey });
      let storeOpen = true;
      const closeStore = async (): Promise<void> => {
        if (!storeOpen) return;
        storeOpen = false;
        await store.close();
      };
      stack.defer('close store', closeStore);
      const apply = values['apply-config'] === true;
      const declared = declaredVersions(config, file, { name: config.tap.version, upstream });
      const plan = await planVersions(store, declared);
      refuseSilentChanges(plan, apply);
      const version =
        declared.find((d) => d.version.name === config.tap.version)?.version ?? (await store.versions.get(config.tap.version));
      if (version === undefined) {
        throw new UsageError(
          `no upstream for version "${config.tap.version}": pass --upstream URL, or add it with "understudy versions add"`,
        );
      }
      const shadowVersion = await resolveShadowVersion(config, store);
      const { listening, watcher, storeIsolated } = await runTap({
        config,
        version,
        store,
        dbUrl,
        dataDir,
        redactionKey,
        logger,
        clock: systemClock,
        stack,
        shadowVersion,
        isolateStore: true,
      });
      // Listening: only now is anything written (a tap that failed to start leaves the store alone).
      await writeVersionPlan(store, plan, { apply, report: (line) => logger.info(line) });
      await store.routing.ensure(version.name, version.name, systemClock.now());
      await watcher.refresh();
      // What the route serves, which after a promotion is not the version this tap was started with.
      const routing = await store.routing.get(version.name);
      const served = routing === undefined || routing.primary === version.name ? version : await store.versions.get(routing.primary);
      const serves = served ?? version;
      const canary = routing?.candidate == null ? '' : `, canary ${routing.candidate} at ${routing.weight} %`;
      // Serving: a SQLite store is reached only through the capture writer's process from now on,
      // so a SIGBUS from its shared-memory file can kill that process, never this one.
      if (storeIsolated) await closeStore();
      out.banner('Understudy tap is running.', [
        [
          'tap',
          serves.name === version.name && canary === ''
            ? `${listening.url}  → version ${version.name} at ${version.upstream}`
            : `${listening.url}  → route ${version.name}: version ${serves.name} at ${serves.upstream}${canary}`,
        ],
        ['shadow', shadowVersion === undefined ? 'off' : `${Math.round(config.tap.shadow.rate * 100)} % → ${shadowVersion.name}`],
        ['database', urlForLog(dbUrl)],
        ['metrics', `${listening.url}/_understudy/metrics`],
      ]);
      logger.info(
        {
          url: listening.url,
          route: version.name,
          serves: serves.name,
          upstream: serves.upstream,
          ...(routing?.candidate == null ? {} : { candidate: routing.candidate, weight: routing.weight }),
          db: urlForLog(dbUrl),
        },
        'tap listening',
      );
      await untilAborted(signal);
      logger.info('shutting down: draining requests and flushing captures');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};
